"""mod_log_auth: when to fetch prosody-modules, what is linked, and the vhost edit."""

import pytest

from hardening import logauth, settings
from hardening.errors import HardeningError
from hardening.snapshot import MISSING, FileState, Snapshot

REV = "e10b452fa45d941077f812771c3d10a922e50dd8"


def with_marker(content):
    return Snapshot({logauth.MARKER: FileState("file", content) if content else MISSING})


@pytest.mark.parametrize(
    ("marker", "wanted", "needed"),
    [
        (None, REV, True),
        (REV + "\n", REV, False),
        (REV + "\n", REV[:12], False),
        (REV + "\n", "556bf57d6417", True),
    ],
    ids=["no checkout", "same", "short id of the same", "another revision"],
)
def test_fetch_only_when_the_revision_setting_changes(marker, wanted, needed):
    assert logauth.fetch_needed(with_marker(marker), wanted) is needed


def test_link_points_at_the_checkouts_module_only():
    good = Snapshot({logauth.LINK: FileState("link", target=logauth.MODULE)})
    assert logauth.link_needed(good) is False
    other = Snapshot({logauth.LINK: FileState("link", target="/usr/lib/prosody/modules/x.lua")})
    assert logauth.link_needed(other) is True
    assert logauth.link_needed(Snapshot({})) is True
    assert logauth.link_script() == (
        "mkdir -p /usr/local/lib/jitsi-hardening/prosody-modules && ln -sfn "
        "/opt/prosody-modules/mod_log_auth/mod_log_auth.lua "
        "/usr/local/lib/jitsi-hardening/prosody-modules/mod_log_auth.lua"
    )


def test_fetch_script_quotes_the_settings_and_names_them_in_errors():
    script = logauth.fetch_script("/srv/my repo", REV)
    assert (
        "hg clone --noupdate --quiet '/srv/my repo' /opt/prosody-modules.jitsi-hardening.tmp"
        in (script)
    )
    assert "setting jitsi_prosody_modules_source = /srv/my repo: hg cannot clone" in script
    assert f"setting jitsi_prosody_modules_revision = {REV}: no such changeset" in script


VHOST = """plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/" }
trusted_proxies = { "10.0.0.1" }

VirtualHost "meet.example.org"
    authentication = "internal_hashed"
    modules_enabled = {
        "bosh";
    }

VirtualHost "guest.meet.example.org"
    authentication = "anonymous"

VirtualHost "auth.meet.example.org"
    authentication = "internal_hashed"
"""


def test_enable_loads_log_auth_on_password_hosts_and_trusts_the_local_proxy():
    assert logauth.enable(VHOST) == (
        'plugin_paths = { "/usr/share/jitsi-meet/prosody-plugins/", '
        '"/usr/local/lib/jitsi-hardening/prosody-modules", }\n'
        'trusted_proxies = { "10.0.0.1", "127.0.0.1", "::1", }\n'
        "\n"
        'VirtualHost "meet.example.org"\n'
        '    authentication = "internal_hashed"\n'
        "    modules_enabled = {\n"
        '        "bosh";\n'
        '        "log_auth";\n'
        "    }\n"
        "\n"
        'VirtualHost "guest.meet.example.org"\n'
        '    authentication = "anonymous"\n'
        "\n"
        'VirtualHost "auth.meet.example.org"\n'
        '    authentication = "internal_hashed"\n'
        "    modules_enabled = {\n"
        '        "log_auth";\n'
        "    }\n"
    )
    assert logauth.enable(logauth.enable(VHOST)) == logauth.enable(VHOST)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("jitsi_prosody_modules_revision", "tip", "changeset id"),
        ("jitsi_prosody_modules_revision", "556bf57d6417; rm -rf /", "changeset id"),
        ("jitsi_prosody_modules_source", "hg.prosody.im/x", "URL or an absolute path"),
        ("jitsi_prosody_modules_source", "https://x/$(id)", "URL or an absolute path"),
    ],
)
def test_bad_source_or_revision_is_one_line_naming_the_setting(key, value, message):
    data = {"jitsi_domain": "meet.example.org", key: value}
    with pytest.raises(HardeningError, match=message) as error:
        settings.read(data.get, lambda: "x")
    assert str(error.value).startswith(f"setting {key} = ")
