"""The live audit's decisions, from hand-written server facts and XMPP probe results."""

import socket
import threading
import time

from hardening import audit, plan, settings
from hardening.snapshot import FileState, Snapshot
from hardening.xmppcheck import Probe, probe

DOMAIN = "meet.example.org"
WANTED = settings.read({"jitsi_domain": DOMAIN}.get, lambda: DOMAIN)
CERT = "ab" * 32
GOOD_FACTS = {
    **{f"unit:{name}": "active" for name in audit.SERVICES},
    "hook": "executable",
    "jail": "active",
    "filter": "matches",
    "live_sha256": CERT,
    "live_days": "80",
    "jail_maxretry": "5",
    "jail_findtime": "600",
    "jail_bantime": "600",
    "jail_ignoreip": "127.0.0.1/8 ::1",
}
MEETING = Probe(CERT, "not offered")
GUEST = Probe(CERT, "accepted")


def server_findings(facts=None, meeting=MEETING, guest=GUEST):
    """Findings apart from the file comparison (the snapshot here is empty on purpose)."""
    found = audit.findings(WANTED, Snapshot(), {**GOOD_FACTS, **(facts or {})}, meeting, guest)
    return [
        line
        for line in found
        if "no longer as the deploy left it" not in line
        and "expected a file here" not in line
        and "missing, so Prosody" not in line
    ]


def test_a_hardened_server_has_no_finding_but_the_files_it_was_not_shown():
    assert server_findings() == []


def test_each_fault_is_one_line_naming_it():
    assert server_findings(meeting=Probe(CERT, "accepted")) == [
        "meet.example.org: anonymous login is accepted: anyone can open a room"
    ]
    assert server_findings(guest=Probe(CERT, "refused: not-authorized")) == [
        "guest.meet.example.org: anonymous login is not accepted (refused: not-authorized): "
        "guests cannot join"
    ]
    assert server_findings(meeting=Probe("cd" * 32, "not offered")) == [
        "meet.example.org: port 5222 presents another certificate than "
        "/etc/letsencrypt/live/meet.example.org/cert.pem"
    ]
    assert server_findings({"live_days": "3"}) == [
        "/etc/letsencrypt/live/meet.example.org/cert.pem: expires in 3 days; is certbot's "
        "renewal running?"
    ]
    assert server_findings({"filter": "no-match"})[0].startswith(
        "/etc/fail2ban/filter.d/prosody-auth.conf: does not match the line mod_log_auth writes"
    )
    assert server_findings({"pending": "nginx"}) == [
        "nginx: runs an older config than its files (a restart an earlier deploy recorded is "
        "pending); run the deploy again"
    ]


def test_a_jail_overridden_by_another_file_is_found():
    found = server_findings(
        {"jail_maxretry": "100000", "jail_ignoreip": "127.0.0.1/8 ::1 0.0.0.0/0"}
    )
    assert found == [
        "fail2ban: the prosody jail runs with maxretry = 100000, not 5: another file overrides it",
        "fail2ban: the prosody jail also ignores 0.0.0.0/0, which the inventory does not list: "
        "nobody from there is ever banned",
    ]


def test_a_shard_without_a_videobridge_is_fine_but_a_missing_prosody_is_not():
    assert server_findings({"unit:jitsi-videobridge2": "not-found"}) == []
    assert server_findings({"unit:prosody": "not-found"}) == ["prosody: not-found, not running"]


def test_modes_of_the_hook_and_fail2ban_files():
    snapshot = Snapshot(
        {
            "/etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh": FileState(
                "file", "x", "root", "root", "777"
            ),
            "/etc/fail2ban/jail.d/prosody.local": FileState("file", "x", "root", "root", "666"),
        }
    )
    found = audit._owners_and_modes(WANTED, snapshot)
    assert found == [
        "/etc/letsencrypt/renewal-hooks/post/00-prosody-auth.sh: root:root mode 777, "
        "expected root:root 755",
        "/etc/fail2ban/jail.d/prosody.local: root mode 666, expected root 644",
    ]


def test_the_files_are_compared_with_what_the_deploy_writes():
    assert plan.hardened_files  # the comparison's source; on a real server in the e2e test
    found = audit.findings(WANTED, Snapshot(), GOOD_FACTS, MEETING, GUEST)
    assert any(
        line.startswith("/etc/prosody/conf.d/meet.example.org.cfg.lua: missing") for line in found
    )


def test_the_probe_gives_up_at_its_deadline_on_a_trickling_server():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    stop = threading.Event()

    def trickle():
        connection, _ = server.accept()
        while not stop.is_set():
            try:
                connection.send(b" ")
            except OSError:
                break
            time.sleep(0.2)
        connection.close()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    started = time.monotonic()
    result = probe("127.0.0.1", DOMAIN, port=server.getsockname()[1], timeout=1)
    elapsed = time.monotonic() - started
    stop.set()
    server.close()
    assert result.anonymous.startswith("error: ")
    # The server would trickle forever; one deadline ends the probe (generous margin).
    assert elapsed < 5
