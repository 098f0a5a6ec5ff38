"""Decisions of hardening.plan taken from a snapshot: web bans, fail2ban's files."""

from pathlib import Path

import pytest

from hardening import fail2ban, plan
from hardening.errors import HardeningError
from hardening.fail2ban import Fail2banSettings
from hardening.snapshot import FileState, Snapshot

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
DOMAIN = "meet.example.org"
STREAM = "/etc/nginx/modules-enabled/60-jitsi-meet.conf"


def test_the_2020_turn_multiplexer_is_detected():
    text = (GOLDEN / "2020/before" / STREAM.lstrip("/")).read_text()
    snapshot = Snapshot({STREAM: FileState("file", text)})
    assert plan.behind_turn_multiplexer(DOMAIN, snapshot) == STREAM


def test_the_multiplexer_is_found_through_the_link_jitsi_installs():
    text = (GOLDEN / "2020/before" / STREAM.lstrip("/")).read_text()
    target = "/usr/share/jitsi-meet-turnserver/jitsi-meet.conf"
    snapshot = Snapshot({STREAM: FileState("link", target=target), target: FileState("file", text)})
    assert plan.behind_turn_multiplexer(DOMAIN, snapshot) == target


def test_a_multiplexer_file_that_is_not_enabled_does_not_count():
    text = (GOLDEN / "2020/before" / STREAM.lstrip("/")).read_text()
    available = "/etc/nginx/modules-available/60-jitsi-meet.conf"
    assert (
        plan.behind_turn_multiplexer(DOMAIN, Snapshot({available: FileState("file", text)})) is None
    )


def test_no_stream_file_means_no_multiplexer():
    assert plan.behind_turn_multiplexer(DOMAIN, Snapshot({})) is None


def test_a_server_without_jitsis_nginx_site_is_told_why_it_is_needed():
    with pytest.raises(HardeningError, match=r"sites-available/meet.example.org.conf: missing"):
        plan.pass_client_address(DOMAIN, Snapshot({}))


def tools(*paths):
    return {path: FileState("file") for path in paths}


def test_filter_comes_before_the_jail_and_the_sshd_fix_first_without_auth_log():
    files = plan.fail2ban_files(Fail2banSettings(), Snapshot(tools(fail2ban.NFT)))
    assert [item.path for item in files] == [
        "/etc/fail2ban/jail.d/sshd-journal.local",
        "/etc/fail2ban/filter.d/prosody-auth.conf",
        "/etc/fail2ban/jail.d/prosody.local",
        "/etc/fail2ban/fail2ban.d/dbpurgeage.conf",
    ]
    assert "banaction = nftables-multiport\n" in files[2].text


def test_with_auth_log_the_sshd_jail_is_left_alone_and_iptables_is_used_when_alone():
    snapshot = Snapshot(tools(fail2ban.AUTH_LOG, fail2ban.IPTABLES))
    files = plan.fail2ban_files(Fail2banSettings(), snapshot)
    assert fail2ban.SSHD_JOURNAL not in [item.path for item in files]
    assert "banaction = iptables-multiport\n" in files[1].text
