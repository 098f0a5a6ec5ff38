"""Secrets stay secret at every verbosity, on the wire and on the host; files end with the
right owner and mode."""

import subprocess

import pytest

from tests.conftest import TESTHOST
from tests.deploys import PASSWORD, deploy, inventory, totals

pytestmark = pytest.mark.faults

DOMAIN = "meet.example.org"
BOB_PASSWORD = 'bob\'s "other" $(secret) ;| `pw`'


def test_passwords_never_show_in_output_logs_or_the_process_list(fresh_host, tmp_path):
    # Sample the host's process list for as long as the deploy runs.
    sampler = subprocess.Popen(
        [
            str(TESTHOST),
            "ssh",
            fresh_host.name,
            "for i in $(seq 600); do ps -eo args; sleep 0.01; done",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    hosts = inventory(
        tmp_path, fresh_host.name, fresh_host.address, jitsi_moderators=["alice", "bob"]
    )
    loud = deploy(hosts, "--debug", "-vvv", "--diff", env={"JITSI_PASSWORD_BOB": BOB_PASSWORD})
    samples, _ = sampler.communicate(timeout=60)
    assert loud.returncode == 0, loud.stderr[-3000:]
    assert "create the moderator bob@" in loud.stdout + loud.stderr
    assert samples.count("\n") > 1000  # the sampler did run alongside

    # A second host state with a new account, for --json and --diff together.
    hosts = inventory(
        tmp_path, fresh_host.name, fresh_host.address, jitsi_moderators=["alice", "bob", "carol"]
    )
    quiet = deploy(hosts, "--json", "--diff", env={"JITSI_PASSWORD_CAROL": PASSWORD + "c"})
    assert totals(quiet)["error"] == 0

    logs = fresh_host(
        "grep -rh . /var/log /var/lib/prosody 2>/dev/null; journalctl --no-pager -o cat"
    ).stdout
    for secret in (PASSWORD, BOB_PASSWORD, PASSWORD + "c"):
        for where, text in [
            ("debug output", loud.stdout + loud.stderr),
            ("--json --diff output", quiet.stdout + quiet.stderr),
            ("process list", samples),
            ("the host's logs and Prosody's data", logs),
        ]:
            assert secret not in text, f"a password shows in {where}"
    assert "`pw`" not in loud.stdout + loud.stderr + samples


JITSI_OWNED = [
    f"/etc/prosody/conf.avail/{DOMAIN}.cfg.lua",
    f"/etc/jitsi/meet/{DOMAIN}-config.js",
    "/etc/jitsi/jicofo/jicofo.conf",
    f"/etc/nginx/sites-available/{DOMAIN}.conf",
]


def test_files_end_with_the_right_owner_and_mode(fresh_host, tmp_path):
    def owner_mode(path):
        return fresh_host("stat", "-L", "-c", "%U:%G:%a", path).stdout.strip()

    stock = {path: owner_mode(path) for path in JITSI_OWNED}
    totals(deploy(inventory(tmp_path, fresh_host.name, fresh_host.address), "--json"))

    assert owner_mode(f"/etc/prosody/certs/{DOMAIN}.key") == "prosody:prosody:400"
    assert owner_mode("/etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh") == "root:root:755"
    assert owner_mode("/run/jitsi-hardening") == "root:root:700"
    managed = [
        *JITSI_OWNED,
        "/etc/fail2ban/filter.d/prosody-auth.conf",
        "/etc/fail2ban/jail.d/prosody.local",
        "/etc/fail2ban/fail2ban.d/dbpurgeage.conf",
        "/etc/fail2ban/jail.d/sshd-journal.local",
    ]
    for path in managed:
        mode = int(owner_mode(path).rsplit(":", 1)[1], 8)
        assert mode & 0o022 == 0, f"{path} is writable by others ({mode:o})"
    # Files Jitsi owns keep the owner and mode its packages gave them.
    assert {path: owner_mode(path) for path in JITSI_OWNED} == stock
    assert stock["/etc/jitsi/jicofo/jicofo.conf"].startswith("jicofo:jitsi:")
