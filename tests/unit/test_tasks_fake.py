"""The secure-domain and apply tasks, planned and run against pyinfra's @fake connector."""

import os
import shutil

import pytest

from hardening.errors import HardeningError
from tasks.apply import apply_changes
from tasks.secure_domain import secure_domain
from tests.fake_server import FakeRun

from .test_configjs import STOCK as CONFIG_JS
from .test_jicofo import CONF as JICOFO_CONF
from .test_prosody import STOCK_2022 as VHOST

DOMAIN = "meet.example.org"
NGINX_SITE = """server {
    location = /http-bind {
        proxy_pass http://127.0.0.1:5280/http-bind;
        proxy_set_header X-Forwarded-For $remote_addr;
    }
    location = /xmpp-websocket {
        proxy_pass http://127.0.0.1:5280/xmpp-websocket;
    }
}
"""


def lay_out(root, vhost=VHOST, config_js=CONFIG_JS, jicofo_conf=JICOFO_CONF):
    """A minimal current-era server under root, with the conf.d link as Debian has it."""
    files = {
        f"etc/prosody/conf.avail/{DOMAIN}.cfg.lua": vhost,
        f"etc/jitsi/meet/{DOMAIN}-config.js": config_js,
        "etc/jitsi/jicofo/jicofo.conf": jicofo_conf,
        "usr/share/jitsi-meet/prosody-plugins/mod_auth_jitsi-anonymous.lua": "-- placeholder\n",
        f"etc/nginx/sites-available/{DOMAIN}.conf": NGINX_SITE,
    }
    for path, text in files.items():
        os.makedirs(os.path.dirname(root / path), exist_ok=True)
        (root / path).write_text(text)
    os.makedirs(root / "etc/prosody/conf.d")
    os.symlink(f"../conf.avail/{DOMAIN}.cfg.lua", root / f"etc/prosody/conf.d/{DOMAIN}.cfg.lua")
    return root


def harden_copy(root):
    """The files as the deploy leaves them, made with render.py's path (same functions)."""
    import render

    out = root.parent / "hardened"
    shutil.copytree(root, out, symlinks=True)
    render.write(str(out), render.render(str(root), DOMAIN, None))
    return out


def test_first_run_edits_three_files_and_restarts_prosody_then_jicofo(tmp_path):
    run = FakeRun(
        lay_out(tmp_path / "server"), {"jitsi_domain": DOMAIN}, [secure_domain, apply_changes]
    )
    names = [name for name, _ in run.operations()]
    assert names == [
        "Secure domain | Prosody: require a login on meet.example.org and let guests in "
        "through guest.meet.example.org",
        "Secure domain | Jitsi Meet: send guests to guest.meet.example.org",
        "Secure domain | Jicofo: open rooms only for users logged in on meet.example.org",
        "Apply | Restart prosody, whose config changed",
        "Apply | Restart jicofo, whose config changed",
    ]
    commands = run.execute()
    restarts = [c for c in commands if c.startswith("systemctl restart")]
    assert len(restarts) == 2
    # Prosody is waited for until it listens; only then is its pending restart dropped.
    assert restarts[0].startswith(
        "systemctl restart prosody && for i in $(seq 100); do bash -c ': < /dev/tcp/127.0.0.1/5222'"
    )
    assert restarts[0].endswith(" && rm -f /run/jitsi-hardening/restart-prosody")
    assert restarts[1] == "systemctl restart jicofo && rm -f /run/jitsi-hardening/restart-jicofo"
    # Each edit records its service's restart as pending before the file changes.
    vhost_install = next(c for c in commands if "conf.avail" in c and "mv -f" in c)
    assert vhost_install.startswith("install -d -m 0700 /run/jitsi-hardening && if [ -e ")
    assert "touch /run/jitsi-hardening/restart-prosody && " in vhost_install
    # An edit put back removes the record it made, not one an earlier run left.
    assert '[ "$jh_had" = 1 ] || rm -f /run/jitsi-hardening/restart-prosody' in vhost_install


def test_prosody_edit_is_checked_by_prosodyctl_and_keeps_owner_and_mode(tmp_path):
    run = FakeRun(lay_out(tmp_path / "server"), {"jitsi_domain": DOMAIN}, [secure_domain])
    commands = run.execute()
    vhost = f"/etc/prosody/conf.avail/{DOMAIN}.cfg.lua"
    install = next(c for c in commands if f"mv -f {vhost}.jitsi-hardening.tmp {vhost}" in c)
    assert f"chown --reference={vhost} {vhost}.jitsi-hardening.tmp" in install
    assert f"chmod --reference={vhost} {vhost}.jitsi-hardening.tmp" in install
    assert "prosodyctl check config" in install


def test_a_hardened_server_gets_no_change_and_no_restart(tmp_path):
    hardened = harden_copy(lay_out(tmp_path / "server"))
    run = FakeRun(hardened, {"jitsi_domain": DOMAIN}, [secure_domain, apply_changes])
    assert [changes for _, changes in run.operations()] == [False] * 3
    commands = run.execute()
    assert [c for c in commands if "jh_look" not in c] == []


def test_the_server_is_read_with_one_command(tmp_path):
    run = FakeRun(
        lay_out(tmp_path / "server"), {"jitsi_domain": DOMAIN}, [secure_domain, apply_changes]
    )
    reads = [c for c in run.host.connector.executed_commands]
    assert len(reads) == 1 and "jh_look" in reads[0]


def test_fqdn_is_the_default_domain(tmp_path):
    run = FakeRun(lay_out(tmp_path / "server"), {}, [secure_domain])
    assert run.host.connector.executed_commands[0] == "hostname -f"
    assert run.operations()[0][0].endswith("through guest.meet.example.org")


def test_token_host_stops_before_any_operation(tmp_path):
    root = lay_out(tmp_path / "server", vhost=VHOST.replace('"jitsi-anonymous"', '"token"'))
    with pytest.raises(
        HardeningError, match=r'meet.example.org.cfg.lua: .*authentication = "token"'
    ):
        FakeRun(root, {"jitsi_domain": DOMAIN}, [secure_domain])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"jitsi_domain": "meet example.org"}, "setting jitsi_domain = 'meet example.org'"),
        ({"jitsi_domain": 'x";os.execute("id")--'}, "setting jitsi_domain"),
        ({"jitsi_domain": DOMAIN, "jitsi_guest_domain": "guest.other.org"}, "subdomain of meet"),
        ({"jitsi_domain": DOMAIN, "jitsi_guest_domain": f"auth.{DOMAIN}"}, "Jitsi's own"),
        ({"jitsi_domain": DOMAIN, "jitsi_guest_domain": f"chat.{DOMAIN}"}, "Prosody's check"),
    ],
)
def test_bad_settings_stop_the_deploy_with_one_line(tmp_path, data, message):
    with pytest.raises(HardeningError, match=message) as error:
        FakeRun(lay_out(tmp_path / "server"), data, [secure_domain])
    assert "\n" not in str(error.value)


def test_missing_conf_d_link_is_reported(tmp_path):
    root = lay_out(tmp_path / "server")
    os.unlink(root / f"etc/prosody/conf.d/{DOMAIN}.cfg.lua")
    with pytest.raises(HardeningError, match=r"conf.d/meet.example.org.cfg.lua: missing"):
        FakeRun(root, {"jitsi_domain": DOMAIN}, [secure_domain])


def test_diff_preview_masks_secrets(tmp_path, caplog):
    root = lay_out(tmp_path / "server")
    conf = root / "etc/jitsi/jicofo/jicofo.conf"
    conf.write_text(conf.read_text().replace("  }\n}", '    secret-key = "s3cr3t-$;&"\n  }\n}'))
    caplog.set_level("INFO")
    run = FakeRun(root, {"jitsi_domain": DOMAIN}, [])
    run.state.config.DIFF = True
    from pyinfra.api.deploy import add_deploy

    add_deploy(run.state, secure_domain)
    shown = caplog.text
    assert "Will modify /etc/jitsi/jicofo/jicofo.conf" in shown
    assert "secret-key = *MASKED*" in shown
    assert "s3cr3t" not in shown


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ('      password: "focus-password-example"', "      password: *MASKED*"),
        ('external_service_secret = "abc";', "external_service_secret = *MASKED*;"),
        (
            "org.jitsi.jicofo.FOCUS_USER_PASSWORD=xyz",
            "org.jitsi.jicofo.FOCUS_USER_PASSWORD=*MASKED*",
        ),
        ('        key = "/etc/prosody/certs/x.key";', "        key = *MASKED*;"),
    ],
)
def test_mask_secrets(line, masked):
    from hardening.remote import mask_secrets

    assert mask_secrets(line) == masked


def test_a_restart_an_earlier_run_left_pending_is_done(tmp_path):
    hardened = harden_copy(lay_out(tmp_path / "server"))
    marker = hardened / "run/jitsi-hardening/restart-prosody"
    marker.parent.mkdir(parents=True)
    marker.write_text("")
    run = FakeRun(hardened, {"jitsi_domain": DOMAIN}, [secure_domain, apply_changes])
    assert [name for name, _ in run.operations()] == [
        "Secure domain | Prosody: require a login on meet.example.org and let guests in "
        "through guest.meet.example.org",
        "Secure domain | Jitsi Meet: send guests to guest.meet.example.org",
        "Secure domain | Jicofo: open rooms only for users logged in on meet.example.org",
        "Apply | Restart prosody, whose config an earlier run changed",
    ]


def test_a_stopped_service_is_started_and_a_running_one_left_alone(tmp_path):
    hardened = harden_copy(lay_out(tmp_path / "server"))
    run = FakeRun(
        hardened,
        {"jitsi_domain": DOMAIN},
        [secure_domain, apply_changes],
        units={"prosody": "failed", "jicofo": "active", "nginx": "inactive"},
    )
    assert [name for name, _ in run.operations() if name.startswith("Apply")] == [
        "Apply | Start prosody, which is not running",
        "Apply | Start nginx, which is not running",
    ]
    commands = run.execute()
    assert any(c.startswith("systemctl restart nginx") for c in commands)  # not a reload
