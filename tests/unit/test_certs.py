"""The certificate import decision, and the renewal hook run for real with a stand-in
prosodyctl (the end-to-end test runs it through certbot on the test host)."""

import os
import subprocess

import pytest

from hardening import certs, templates
from hardening.errors import HardeningError
from hardening.snapshot import MISSING, FileState, Snapshot

DOMAIN = "meet.example.org"
PATHS = certs.Paths(DOMAIN, f"/etc/letsencrypt/live/{DOMAIN}")


def digest(value, owner="prosody", mode="400"):
    return FileState("file", owner=owner, group=owner, mode=mode, digest=value)


def server(crt="aaa", key="kkk", live_crt="aaa", live_key="kkk", **extra):
    files = {
        "/etc/letsencrypt/live/meet.example.org/fullchain.pem": digest(live_crt, "root", "644"),
        "/etc/letsencrypt/live/meet.example.org/privkey.pem": digest(live_key, "root", "600"),
        "/etc/prosody/certs/meet.example.org.crt": digest(crt) if crt else MISSING,
        "/etc/prosody/certs/meet.example.org.key": digest(key) if key else MISSING,
        "/etc/letsencrypt/live/meet.example.org": FileState("dir"),
    }
    files.update(extra)
    return Snapshot(files)


def test_same_certificate_and_key_need_no_import():
    assert certs.import_needed(PATHS, server()) is False


@pytest.mark.parametrize(
    "snapshot",
    [server(crt="old"), server(key="old"), server(crt=None, key=None)],
    ids=["certificate differs", "key differs", "prosody has none"],
)
def test_a_difference_needs_an_import(snapshot):
    assert certs.import_needed(PATHS, snapshot) is True


def test_a_missing_live_directory_is_an_error_naming_the_setting():
    snapshot = Snapshot({})
    with pytest.raises(HardeningError) as error:
        certs.import_needed(PATHS, snapshot)
    message = str(error.value)
    assert message.startswith("setting jitsi_letsencrypt_live:")
    assert "/etc/letsencrypt/live/meet.example.org does not exist" in message
    assert "\n" not in message


def test_an_acme_sh_server_is_told_why_hooks_would_never_fire():
    snapshot = Snapshot(
        {
            "/etc/jitsi/meet/meet.example.org.crt": FileState("file"),
            "/root/.acme.sh": FileState("dir"),
        }
    )
    with pytest.raises(HardeningError, match="found /root/.acme.sh.*acme.sh.*certbot"):
        certs.import_needed(PATHS, snapshot)


@pytest.mark.parametrize(
    ("owner", "mode", "expected"),
    [
        ("prosody", "400", False),
        ("prosody", "600", False),
        ("prosody", "640", True),
        ("root", "400", True),
        ("prosody", "644", True),
    ],
)
def test_key_must_be_prosodys_alone(owner, mode, expected):
    snapshot = server()
    snapshot.files[PATHS.prosody_key] = digest("kkk", owner, mode)
    assert certs.key_needs_fixing(PATHS, snapshot) is expected


# The hook, run with sh against a temporary directory and a stand-in prosodyctl.

FAKE_PROSODYCTL = """#!/bin/sh
echo "$@" >> "$CALLS"
case "$FAKE_MODE" in
    import)
        certs="$CERTS"
        [ -e "$certs/$4.crt" ] && mv "$certs/$4.crt" "$certs/$4.crt.bkp~2026-01-01T00:00:00"
        [ -e "$certs/$4.key" ] && mv "$certs/$4.key" "$certs/$4.key.bkp~2026-01-01T00:00:00"
        cp "$5/fullchain.pem" "$certs/$4.crt"; cp "$5/privkey.pem" "$certs/$4.key"
        echo "Imported certificate and key for hosts $4" ;;
    nothing) echo "No certificate for host $4 found :(" ;;
esac
exit 0
"""


@pytest.fixture
def hook_env(tmp_path):
    live, certs_dir, bin_dir = tmp_path / "live", tmp_path / "certs", tmp_path / "bin"
    for d in (live, certs_dir, bin_dir):
        d.mkdir()
    (live / "fullchain.pem").write_text("LEAF\nINTERMEDIATE\n")
    (live / "privkey.pem").write_text("KEY\n")
    (certs_dir / f"{DOMAIN}.crt").write_text("OLD\n")
    (certs_dir / f"{DOMAIN}.key").write_text("OLDKEY\n")
    fake = bin_dir / "prosodyctl"
    fake.write_text(FAKE_PROSODYCTL)
    fake.chmod(0o755)
    script = tmp_path / "hook.sh"
    script.write_text(
        templates.render(
            "letsencrypt/00-prosody-auth.sh.j2",
            domain=DOMAIN,
            live=str(live),
            certs=str(certs_dir),
            imported=certs.IMPORTED,
        )
    )

    def run(mode):
        env = {
            **os.environ,
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
            "FAKE_MODE": mode,
            "CERTS": str(certs_dir),
            "CALLS": str(tmp_path / "calls"),
        }
        return subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True)

    run.live, run.certs, run.calls = live, certs_dir, tmp_path / "calls"
    return run


def test_hook_imports_the_meeting_domain_only_and_removes_the_backups(hook_env):
    result = hook_env("import")
    assert result.returncode == 0, result.stderr
    assert hook_env.calls.read_text() == f"--root cert import {DOMAIN} {hook_env.live}\n"
    assert (hook_env.certs / f"{DOMAIN}.crt").read_text() == "LEAF\nINTERMEDIATE\n"
    assert sorted(p.name for p in hook_env.certs.iterdir()) == [
        f"{DOMAIN}.crt",
        f"{DOMAIN}.key",
    ]


def test_hook_fails_loudly_when_nothing_was_imported(hook_env):
    result = hook_env("nothing")
    assert result.returncode == 1
    assert f"prosodyctl imported no certificate for {DOMAIN}" in result.stderr
    assert (hook_env.certs / f"{DOMAIN}.crt").read_text() == "OLD\n"


def test_hook_does_nothing_when_prosody_already_has_the_certificate(hook_env):
    (hook_env.certs / f"{DOMAIN}.crt").write_text("LEAF\nINTERMEDIATE\n")
    (hook_env.certs / f"{DOMAIN}.key").write_text("KEY\n")
    result = hook_env("nothing")
    assert result.returncode == 0
    assert "already has the current certificate" in result.stdout
    assert not hook_env.calls.exists()


def test_hook_template_quotes_values_and_is_executable_text():
    text = certs.hook_script(PATHS)
    assert text.startswith("#!/bin/sh\n")
    assert f"domain={DOMAIN}\n" in text
    assert "live=/etc/letsencrypt/live/meet.example.org\n" in text
    assert subprocess.run(["sh", "-n"], input=text, text=True).returncode == 0
    assert not certs.HOOK.endswith("~")  # certbot skips hook names ending in ~
