"""The fail2ban filter, jail and purge age: checked with the real fail2ban where it exists.

fail2ban-regex and fail2ban-client come from Debian's package fail2ban; without them the
tests that run them are skipped, and the rest still check the rendered files.
"""

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from hardening import fail2ban
from hardening.errors import HardeningError
from hardening.fail2ban import Fail2banSettings

STOCK_CONFIG = Path("/etc/fail2ban")

# Lines as Prosody 0.12 writes them to /var/log/prosody/prosody.log: "<time> <source>",
# a tab, the level, a tab, the message. The first three are mod_log_auth's forms; the
# source is the session (c2s..., bosh...) or, for the oldest module, <host>:log_auth.
CURRENT = (
    "Dec 04 18:21:25 c2s557bf8e4fbd0\tinfo\tFailed authentication attempt (not-authorized)"
    " for user alice@meet.example.org from IP: 203.0.113.5"
)
CURRENT_BOSH_IPV6 = (
    "Dec 04 18:21:35 boshee5e050d-befc-41d1-9366-9831373d4591\tinfo\tFailed authentication"
    " attempt (not-authorized) for user bob@meet.example.org from IP: 2001:db8::5"
)
WITHOUT_HOST = (
    "Dec 04 18:22:01 c2s557bf8e56a20\tinfo\tFailed authentication attempt (not-authorized)"
    " for user alice from IP: 198.51.100.7"
)
OLDEST = (
    "Dec 04 18:22:02 meet.example.org:log_auth\tinfo\tFailed authentication attempt"
    " (not-authorized) from IP: 203.0.113.5"
)
OLDEST_IPV6 = (
    "Dec 04 18:22:03 meet.example.org:log_auth\tinfo\tFailed authentication attempt"
    " (not-authorized) from IP: 2001:db8:0:1::42"
)
MALFORMED_NAME = (
    "Dec 04 18:22:04 c2s557bf8e7deb0\tinfo\tFailed authentication attempt (malformed-request)"
    " for user ?@meet.example.org from IP: 203.0.113.5"
)
FORGED_NAME = (
    "Dec 04 18:22:05 c2s557bf8dee410\tinfo\tFailed authentication attempt (not-authorized)"
    " for user x from IP: 192.0.2.66@meet.example.org from IP: 203.0.113.9"
)
FORGED_NAME_IPV6 = (
    "Dec 04 18:22:06 c2s557bf8dee411\tinfo\tFailed authentication attempt (not-authorized)"
    " for user x from IP: 2001:db8::66 from IP: 198.51.100.9"
)
FORGED_LINE_IN_NAME = (
    "Dec 04 18:22:07 c2s557bf8dee412\tinfo\tFailed authentication attempt (not-authorized)"
    " for user x\tinfo\tFailed authentication attempt (not-authorized) from IP: 192.0.2.66"
    "@meet.example.org from IP: 203.0.113.9"
)
FORGED_NAME_NO_ADDRESS = (
    "Dec 04 18:22:08 c2s557bf8dee413\tinfo\tFailed authentication attempt (not-authorized)"
    " for user x from IP: 192.0.2.66 from IP: ?"
)
QUOTED_BY_ANOTHER_MODULE = (
    "Dec 04 18:22:09 c2s557bf8dee414\tinfo\tReceived[c2s]: Failed authentication attempt"
    " (not-authorized) from IP: 192.0.2.66"
)
CONNECTED = "Dec 04 18:22:10 c2s557bf8dee415\tinfo\tClient connected"


@pytest.fixture(scope="module")
def regex_tool():
    tool = shutil.which("fail2ban-regex")
    if tool is None:
        pytest.skip("fail2ban-regex not found (Debian package fail2ban)")
    return tool


@pytest.fixture(scope="module")
def filter_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("filter") / "prosody-auth.conf"
    path.write_text(fail2ban.render(Fail2banSettings(), "nftables-multiport")[fail2ban.FILTER])
    return path


def banned(regex_tool, filter_file, tmp_path, *lines):
    """The address fail2ban-regex takes from each line that the filter counts."""
    log = tmp_path / "prosody.log"
    log.write_text("".join(line + "\n" for line in lines))
    result = subprocess.run(
        [regex_tool, "--out", "ip", str(log), str(filter_file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "address"),
    [
        (CURRENT, "203.0.113.5"),
        (CURRENT_BOSH_IPV6, "2001:db8::5"),
        (WITHOUT_HOST, "198.51.100.7"),
        (OLDEST, "203.0.113.5"),
        (OLDEST_IPV6, "2001:db8:0:1::42"),
        (MALFORMED_NAME, "203.0.113.5"),
    ],
    ids=["current", "current-bosh-ipv6", "without-host", "oldest", "oldest-ipv6", "malformed"],
)
def test_each_form_of_the_failure_line_counts_against_its_address(
    regex_tool, filter_file, tmp_path, line, address
):
    assert banned(regex_tool, filter_file, tmp_path, line) == [address]


@pytest.mark.parametrize(
    ("line", "address"),
    [
        (FORGED_NAME, "203.0.113.9"),
        (FORGED_NAME_IPV6, "198.51.100.9"),
        (FORGED_LINE_IN_NAME, "203.0.113.9"),
    ],
    ids=["ipv4", "ipv6", "whole-line"],
)
def test_an_address_in_the_user_name_is_never_the_one_counted(
    regex_tool, filter_file, tmp_path, line, address
):
    assert banned(regex_tool, filter_file, tmp_path, line) == [address]


def test_a_forged_name_without_a_known_address_counts_for_nobody(regex_tool, filter_file, tmp_path):
    assert banned(regex_tool, filter_file, tmp_path, FORGED_NAME_NO_ADDRESS) == []


def test_other_lines_do_not_count(regex_tool, filter_file, tmp_path):
    assert banned(regex_tool, filter_file, tmp_path, QUOTED_BY_ANOTHER_MODULE, CONNECTED) == []


def test_a_padded_source_column_still_counts(regex_tool, filter_file, tmp_path):
    # Prosody pads the source with spaces instead of a tab when source_width is set.
    padded = CURRENT.replace("c2s557bf8e4fbd0\t", "c2s557bf8e4fbd0      ")
    assert banned(regex_tool, filter_file, tmp_path, padded) == ["203.0.113.5"]


def read_jail(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    assert parser.sections() == ["prosody"]
    return parser["prosody"]


def test_the_jail_has_its_header_and_every_key():
    wanted = Fail2banSettings(ignoreip=("192.0.2.10", "2001:db8::/48"))
    jail = read_jail(fail2ban.render(wanted, "nftables-multiport")[fail2ban.JAIL])
    assert dict(jail) == {
        "enabled": "true",
        "filter": "prosody-auth",
        "port": "443,5222,5269",
        "protocol": "tcp",
        "backend": "auto",
        "logpath": "/var/log/prosody/prosody.log",
        "maxretry": "5",
        "findtime": "600",
        "bantime": "600",
        "ignoreip": "127.0.0.1/8 ::1 192.0.2.10 2001:db8::/48",
        "banaction": "nftables-multiport",
        "action": "%(action_)s",
    }


def test_the_jail_takes_the_figures_it_is_given():
    wanted = Fail2banSettings(
        ports=(443, 5222),
        maxretry=8,
        findtime=900,
        bantime=1200,
        dbpurgeage=7200,
        logpath=("/var/log/prosody/prosody.log", "/var/log/prosody/other.log"),
        backend="polling",
    )
    files = fail2ban.render(wanted, "iptables-multiport")
    jail = read_jail(files[fail2ban.JAIL])
    assert (jail["port"], jail["maxretry"], jail["findtime"], jail["bantime"]) == (
        "443,5222",
        "8",
        "900",
        "1200",
    )
    assert jail["logpath"].split() == ["/var/log/prosody/prosody.log", "/var/log/prosody/other.log"]
    assert (jail["backend"], jail["banaction"]) == ("polling", "iptables-multiport")
    purge = configparser.ConfigParser(interpolation=None)
    purge.read_string(files[fail2ban.PURGE])
    assert purge["Definition"]["dbpurgeage"] == "7200"


def test_the_filter_has_its_definition_header():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(fail2ban.render(Fail2banSettings(), "nftables-multiport")[fail2ban.FILTER])
    assert parser.sections() == ["Definition"]
    assert parser["Definition"]["failregex"].endswith("from IP: <ADDR>$")


def test_every_file_says_it_is_managed():
    for path, text in fail2ban.render(Fail2banSettings(), "nftables-multiport").items():
        assert text.startswith("# Installed by jitsi-hardening (templates/fail2ban/"), path
        assert max(len(line) for line in text.splitlines()) <= 100, path


def config_dir(tmp_path: Path, banaction: str, *, backend_line: bool = True) -> Path:
    """A copy of the host's fail2ban configuration with our files, its jails left out,
    and a `[DEFAULT] backend = systemd` as a common Debian 12 fix for sshd would add."""
    if shutil.which("fail2ban-client") is None or not (STOCK_CONFIG / "jail.conf").exists():
        pytest.skip("fail2ban-client not found (Debian package fail2ban)")
    root = tmp_path / "fail2ban"
    shutil.copytree(STOCK_CONFIG, root, ignore=shutil.ignore_patterns("jail.d", "*.local"))
    (root / "jail.d").mkdir()
    (root / "fail2ban.d").mkdir(exist_ok=True)
    (root / "jail.local").write_text("[DEFAULT]\nbackend = systemd\n")
    log = tmp_path / "prosody.log"
    log.write_text("")
    for path, text in fail2ban.render(Fail2banSettings(logpath=(str(log),)), banaction).items():
        if not backend_line:
            text = text.replace("\nbackend = auto\n", "\n")
        (root / path.removeprefix("/etc/fail2ban/")).write_text(text)
    return root


def client(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["fail2ban-client", "-c", str(root), *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("banaction", ["nftables-multiport", "iptables-multiport"])
def test_the_host_fail2ban_accepts_the_configuration(tmp_path, banaction):
    result = client(config_dir(tmp_path, banaction), "-t")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_jail_reads_the_file_despite_a_default_systemd_backend(tmp_path):
    dump = client(config_dir(tmp_path, "nftables-multiport"), "-d").stdout
    assert "['add', 'prosody', 'auto']" in dump
    assert "['set', 'dbpurgeage', '3600']" in dump


def test_without_its_backend_line_the_jail_would_read_the_journal(tmp_path):
    # The control for the test above: the [DEFAULT] of the copied configuration is in force.
    root = config_dir(tmp_path, "nftables-multiport", backend_line=False)
    assert "['add', 'prosody', 'systemd']" in client(root, "-d").stdout


def test_banaction_follows_the_firewall_tools_present():
    assert fail2ban.banaction_for(has_nft=True, has_iptables=False) == "nftables-multiport"
    assert fail2ban.banaction_for(has_nft=True, has_iptables=True) == "nftables-multiport"
    assert fail2ban.banaction_for(has_nft=False, has_iptables=True) == "iptables-multiport"
    with pytest.raises(HardeningError, match="neither nft nor iptables"):
        fail2ban.banaction_for(has_nft=False, has_iptables=False)


def test_a_banaction_that_is_no_file_name_is_refused():
    with pytest.raises(HardeningError, match="is not the name of an action.d file"):
        fail2ban.render(Fail2banSettings(), "nftables-multiport\nenabled = false")


def test_read_takes_defaults_for_unset_settings():
    data = {"jitsi_fail2ban_maxretry": 3, "jitsi_fail2ban_ignoreip": ["198.51.100.0/24"]}
    assert fail2ban.read(data.get) == Fail2banSettings(maxretry=3, ignoreip=("198.51.100.0/24",))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("maxretry", 0, "a whole number of at least 1"),
        ("findtime", "600", "a whole number of at least 1"),
        ("bantime", True, "a whole number of at least 1"),
        ("dbpurgeage", 60, "at least jitsi_fail2ban_bantime (600)"),
        ("ports", [443, 0], "ports from 1 to 65535, not 0"),
        ("ports", [443, 65536], "ports from 1 to 65535, not 65536"),
        ("ports", ["443"], "ports from 1 to 65535, not '443'"),
        ("ports", [443, 443], "each port once"),
        ("ports", [], "at least one port"),
        ("ports", 443, "a list, such as"),
        ("ignoreip", "192.0.2.10", "a list, such as"),
        ("ignoreip", ["school.example.org"], "not 'school.example.org'"),
        ("ignoreip", ["192.0.2.1/24"], "not '192.0.2.1/24'"),
        ("ignoreip", [3232235521], "not 3232235521"),
        ("logpath", ["prosody.log"], "an absolute path"),
        ("backend", "systemd", "which the systemd backend never reads"),
    ],
)
def test_a_bad_setting_is_named_in_one_line(field, value, expected):
    with pytest.raises(HardeningError) as caught:
        fail2ban.read({f"jitsi_fail2ban_{field}": value}.get)
    message = str(caught.value)
    assert message.startswith(f"setting jitsi_fail2ban_{field} = ")
    assert expected in message
    assert "\n" not in message
