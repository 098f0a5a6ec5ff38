"""The fault matrix: a bad day must not take a working server down.

Each row starts from a test host as Jitsi's installer leaves it, provokes one fault, and
asserts the one-line message, that every service still runs on a config it can load, and
that the next good run converges to the end state of an uninterrupted deploy (the 2024
golden case, whose stock files the test host carries) and then changes nothing.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.deploys import PASSWORD, deploy, inventory, totals
from tests.xmpp_probe import login

pytestmark = pytest.mark.faults

DOMAIN = "meet.example.org"
VHOST = f"/etc/prosody/conf.avail/{DOMAIN}.cfg.lua"
GOLDEN_AFTER = ROOT / "tests" / "golden" / "2024" / "after"
SERVICES = ("prosody", "jicofo", "jitsi-videobridge2", "nginx")
WATCHED = "/etc/prosody /etc/jitsi /etc/nginx /etc/fail2ban /etc/letsencrypt /var/lib/prosody /opt"


def fingerprint(host) -> str:
    """Every file, link and mode under the directories a deploy could touch."""
    # One argument: ssh hands the command line to the host's shell as it is.
    return host(
        f"find {WATCHED} -xdev \\( -type f -o -type l \\) -printf '%p %m %l\\n' 2>/dev/null"
        f" | sort; find {WATCHED} -xdev -type f -exec sha256sum {{}} + 2>/dev/null | sort",
    ).stdout


def assert_services_run_on_loadable_configs(host) -> None:
    active = host("systemctl", "is-active", *SERVICES, check=False).stdout.split()
    assert active == ["active"] * len(SERVICES), dict(zip(SERVICES, active, strict=False))
    check = host("prosodyctl", "check", "config", check=False)
    assert "error" not in (check.stdout + check.stderr).lower(), check.stdout + check.stderr
    assert host("nginx", "-t", check=False).returncode == 0


def assert_converges(host, tmp_path: Path) -> None:
    """The next good run succeeds, leaves the golden end state, and a re-run changes nothing."""
    good = inventory(tmp_path, host.name, host.address)
    assert totals(deploy(good, "--json"))["error"] == 0
    for expected in GOLDEN_AFTER.rglob("*"):
        if expected.is_file():
            path = "/" + str(expected.relative_to(GOLDEN_AFTER))
            assert host("cat", path).stdout == expected.read_text(), f"{path} differs"
    assert totals(deploy(good, "--json"))["success"] == 0
    leftovers = host("find / -xdev -name '*.jitsi-hardening.*' 2>/dev/null").stdout
    assert leftovers == ""
    assert login(host.address, f"alice@{DOMAIN}", PASSWORD).accepted
    assert_services_run_on_loadable_configs(host)
    assert host("systemctl", "is-active", "fail2ban").stdout.strip() == "active"


def one_error_line(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode != 0
    output = result.stdout + result.stderr
    lines = [line for line in output.splitlines() if message in line]
    assert lines, output[-3000:]


# Rows refused before anything on the server changes.
BAD_SETTINGS = {
    "bad domain": (
        {"jitsi_domain": "meet example.org"},
        "setting jitsi_domain = 'meet example.org' is not valid: expected a DNS name",
    ),
    "guest domain outside the meeting domain": (
        {"jitsi_guest_domain": "guest.example.net"},
        "setting jitsi_guest_domain = 'guest.example.net' is not valid: expected a subdomain",
    ),
    "username with shell characters": (
        {"jitsi_moderators": ["bob;reboot"]},
        "setting jitsi_moderators = 'bob;reboot' is not valid",
    ),
    "username with Lua and quote characters": (
        {"jitsi_moderators": ["x'\"]]--"]},
        "setting jitsi_moderators = ",
    ),
}


@pytest.mark.parametrize("settings", BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys())
def test_bad_settings_change_nothing(fresh_host, tmp_path, settings):
    data, message = settings
    before = fingerprint(fresh_host)
    one_error_line(
        deploy(inventory(tmp_path, fresh_host.name, fresh_host.address, **data)), message
    )
    assert fingerprint(fresh_host) == before
    assert_services_run_on_loadable_configs(fresh_host)
    assert_converges(fresh_host, tmp_path)


BAD_SERVERS = {
    "prosody layout not recognised": (
        f'sed -i \'s/^VirtualHost "{DOMAIN}"/VirtualHost "other.example.org"/\' {VHOST}',
        f'{VHOST}: no VirtualHost "{DOMAIN}" found',
    ),
    "meeting host with token authentication": (
        f'sed -i \'s/authentication = "jitsi-anonymous"/authentication = "token"/\' {VHOST}',
        f'{VHOST}: VirtualHost "{DOMAIN}" uses authentication = "token"',
    ),
    "missing certificate": (
        f"rm -r /etc/letsencrypt/live/{DOMAIN}",
        f"setting jitsi_letsencrypt_live: /etc/letsencrypt/live/{DOMAIN} does not exist",
    ),
}


@pytest.mark.parametrize("fault", BAD_SERVERS.values(), ids=BAD_SERVERS.keys())
def test_servers_the_deploy_cannot_handle_are_left_alone(fresh_host, tmp_path, fault):
    command, message = fault
    fresh_host(command)
    before = fingerprint(fresh_host)
    one_error_line(deploy(inventory(tmp_path, fresh_host.name, fresh_host.address)), message)
    assert fingerprint(fresh_host) == before
    assert_services_run_on_loadable_configs(fresh_host)


# Rows that fail half-way through the run, on the server.
RUNTIME = {
    "unreachable prosody-modules source": (
        {"jitsi_prosody_modules_source": "/srv/no-such-repository.hg"},
        "setting jitsi_prosody_modules_source = /srv/no-such-repository.hg: hg cannot clone",
    ),
    "pinned revision that does not exist": (
        {"jitsi_prosody_modules_revision": "0123456789ab"},
        "setting jitsi_prosody_modules_revision = 0123456789ab: no such changeset",
    ),
    "config that fails its checker": (
        {"jitsi_fail2ban_logpath": ["/var/log/prosody/no-such.log"]},
        "/etc/fail2ban/jail.d/prosody.local: fail2ban-client reports a new problem after the "
        "edit, new file removed",
    ),
}


@pytest.mark.parametrize("fault", RUNTIME.values(), ids=RUNTIME.keys())
def test_a_step_that_fails_on_the_server_stops_the_run_safely(fresh_host, tmp_path, fault):
    data, message = fault
    pid = fresh_host("systemctl", "show", "-P", "MainPID", "prosody").stdout
    one_error_line(
        deploy(inventory(tmp_path, fresh_host.name, fresh_host.address, **data)), message
    )
    assert_services_run_on_loadable_configs(fresh_host)
    # Nothing was restarted: the failing step comes before any restart.
    assert fresh_host("systemctl", "show", "-P", "MainPID", "prosody").stdout == pid
    assert fresh_host("test", "-e", "/etc/fail2ban/jail.d/prosody.local", check=False).returncode
    assert_converges(fresh_host, tmp_path)


@pytest.mark.parametrize(
    "moment",
    [
        "Secure domain | Jicofo",
        "Moderators | Prosody: create the moderator",
        "fail2ban | fail2ban: jail prosody",
        "Apply | Restart prosody",
    ],
)
def test_a_run_killed_half_way_leaves_working_services_and_converges(fresh_host, tmp_path, moment):
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pyinfra",
            "-y",
            str(inventory(tmp_path, fresh_host.name, fresh_host.address)),
            "deploy.py",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "JITSI_PASSWORD_ALICE": PASSWORD},
    )
    seen = []
    for line in run.stdout:
        seen.append(line)
        if f"Starting operation: {moment}" in line:
            run.send_signal(signal.SIGKILL)
            break
    run.wait()
    assert run.returncode == -signal.SIGKILL, "".join(seen)[-2000:]
    time.sleep(1)  # the command the kill cut off may still be finishing on the host
    assert_services_run_on_loadable_configs(fresh_host)
    assert_converges(fresh_host, tmp_path)


def test_a_password_with_shell_lua_and_quote_characters_works_unchanged(fresh_host, tmp_path):
    totals(deploy(inventory(tmp_path, fresh_host.name, fresh_host.address), "--json"))
    assert login(fresh_host.address, f"alice@{DOMAIN}", PASSWORD).accepted
    # What a shell would have made of it is not the password.
    expanded = PASSWORD.replace("$HOME", "/root").replace("\\", "")
    assert not login(fresh_host.address, f"alice@{DOMAIN}", expanded).accepted


def test_a_run_after_a_moderator_changed_the_password_keeps_it(fresh_host, tmp_path):
    good = inventory(tmp_path, fresh_host.name, fresh_host.address)
    totals(deploy(good, "--json"))
    chosen = "alice's own: ]]--\"'$x"
    changed = login(fresh_host.address, f"alice@{DOMAIN}", PASSWORD, new_password=chosen)
    assert changed.accepted, changed.reason
    assert totals(deploy(good, "--json"))["success"] == 0
    assert login(fresh_host.address, f"alice@{DOMAIN}", chosen).accepted
    assert not login(fresh_host.address, f"alice@{DOMAIN}", PASSWORD).accepted


def test_an_edit_its_checker_puts_back_leaves_no_restart_behind(fresh_host, tmp_path):
    good = inventory(tmp_path, fresh_host.name, fresh_host.address)
    totals(deploy(good, "--json"))
    pid = fresh_host("systemctl", "show", "-P", "MainPID", "fail2ban").stdout
    # On a converged host, only the jail changes, and fail2ban-client -t rejects it.
    (tmp_path / "bad").mkdir()
    bad = inventory(
        tmp_path / "bad",
        fresh_host.name,
        fresh_host.address,
        jitsi_fail2ban_logpath=["/var/log/prosody/no-such.log"],
    )
    one_error_line(deploy(bad), "/etc/fail2ban/jail.d/prosody.local: fail2ban-client reports")
    assert fresh_host("test -e /run/jitsi-hardening/restart-fail2ban", check=False).returncode
    # The next good run finds nothing to do, and restarts nothing for nothing.
    assert totals(deploy(good, "--json"))["success"] == 0
    assert fresh_host("systemctl", "show", "-P", "MainPID", "fail2ban").stdout == pid
    assert_services_run_on_loadable_configs(fresh_host)
