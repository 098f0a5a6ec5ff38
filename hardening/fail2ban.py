"""fail2ban for failed Prosody logins: validated settings, the files they render, the ban action.

The filter, the jail and the database purge age are files this deploy owns entirely; they
are rendered from templates/fail2ban/ and never edited in place.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass, fields

from hardening import templates
from hardening.errors import HardeningError
from hardening.settings import bad, server_path

FILTER = "/etc/fail2ban/filter.d/prosody-auth.conf"
JAIL = "/etc/fail2ban/jail.d/prosody.local"
PURGE = "/etc/fail2ban/fail2ban.d/dbpurgeage.conf"
SSHD_JOURNAL = "/etc/fail2ban/jail.d/sshd-journal.local"
# The stock sshd jail's log; without it (no rsyslog) the jail must read the journal.
AUTH_LOG = "/var/log/auth.log"
CLIENT = "/usr/bin/fail2ban-client"
NFT = "/usr/sbin/nft"
IPTABLES = "/usr/sbin/iptables"
# fail2ban-client -t, its output without the time and process id that change every run and
# without its success line, so that complaints before and after an edit compare line by line.
CHECK = (
    "fail2ban-client -t 2>&1 | sed -E 's/^[0-9-]+ [0-9:,]+ +//; s/ *\\[[0-9]+\\]: */: /'"
    " | grep -v '^OK: '"
)


def reads() -> tuple[str, ...]:
    return (FILTER, JAIL, PURGE, SSHD_JOURNAL)


def looks() -> tuple[str, ...]:
    return (AUTH_LOG, CLIENT, NFT, IPTABLES)


def sshd_journal() -> str:
    return templates.render("fail2ban/jail.d/sshd-journal.local.j2")


# Inventory settings are named jitsi_fail2ban_<field>.
SETTING_PREFIX = "jitsi_fail2ban_"

# Backends that read log files; "systemd" reads the journal, where Prosody writes nothing.
FILE_BACKENDS = ("auto", "pyinotify", "polling")

_ACTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Fail2banSettings:
    """The figures of the prosody jail; an instance is always valid.

    Each field is the inventory setting jitsi_fail2ban_<field>, with this default.
    """

    # Web (BOSH and websocket through nginx), XMPP clients, XMPP servers.
    ports: tuple[int, ...] = (443, 5222, 5269)
    # Failed logins from one address within findtime before it is banned.
    maxretry: int = 5
    # Seconds over which failed logins are counted.
    findtime: int = 600
    # Seconds a ban lasts: short, since a whole school may share the banned address.
    bantime: int = 600
    # Addresses and networks never banned (loopback always is, in addition).
    ignoreip: tuple[str, ...] = ()
    # Seconds fail2ban keeps a ban and its log lines in its database; at least bantime.
    dbpurgeage: int = 3600
    # Prosody's log of info lines, where mod_log_auth writes (Debian's default).
    logpath: tuple[str, ...] = ("/var/log/prosody/prosody.log",)
    # How fail2ban reads those files; never the journal.
    backend: str = "auto"

    def __post_init__(self) -> None:
        for name in ("maxretry", "findtime", "bantime", "dbpurgeage"):
            _positive(name, getattr(self, name))
        object.__setattr__(self, "ports", _ports(self.ports))
        object.__setattr__(self, "ignoreip", _networks(self.ignoreip))
        object.__setattr__(self, "logpath", _paths(self.logpath))
        if self.backend not in FILE_BACKENDS:
            raise bad(
                _setting("backend"),
                self.backend,
                "auto, pyinotify or polling: Prosody logs to a file, which the systemd "
                "backend never reads",
            )
        if self.dbpurgeage < self.bantime:
            raise bad(
                _setting("dbpurgeage"),
                self.dbpurgeage,
                f"at least jitsi_fail2ban_bantime ({self.bantime}), or a restart forgets bans",
            )


def _setting(name: str) -> str:
    return SETTING_PREFIX + name


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _positive(name: str, value: object) -> None:
    if not _is_int(value) or value <= 0:
        raise bad(_setting(name), value, "a whole number of at least 1")


def _a_list(name: str, value: object, example: str) -> list[object]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise bad(_setting(name), value, f"a list, such as {example}")
    return list(value)


def _ports(value: object) -> tuple[int, ...]:
    items = _a_list("ports", value, "[443, 5222, 5269]")
    if not items:
        raise bad(_setting("ports"), value, "at least one port")
    for item in items:
        if not _is_int(item) or not 1 <= item <= 65535:
            raise bad(_setting("ports"), value, f"ports from 1 to 65535, not {item!r}")
    if len(set(items)) != len(items):
        raise bad(_setting("ports"), value, "each port once")
    return tuple(items)


def _networks(value: object) -> tuple[str, ...]:
    items = _a_list("ignoreip", value, '["192.0.2.10", "198.51.100.0/24", "2001:db8::/48"]')
    for item in items:
        try:
            if not isinstance(item, str):
                raise TypeError(item)
            ipaddress.ip_network(item, strict=True)
        except (TypeError, ValueError):
            raise bad(
                _setting("ignoreip"),
                value,
                f"IP addresses or networks such as 198.51.100.0/24, not {item!r}",
            ) from None
    return tuple(items)


def _paths(value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else _a_list("logpath", value, '["/var/log/x"]')
    if not items:
        raise bad(_setting("logpath"), value, "at least one log file")
    return tuple(server_path(_setting("logpath"), item) for item in items)


def read(get: Callable[[str], object]) -> Fail2banSettings:
    """The jail's settings from the inventory (`get` reads host data), defaults for the rest."""
    given = {f.name: get(_setting(f.name)) for f in fields(Fail2banSettings)}
    return Fail2banSettings(**{name: value for name, value in given.items() if value is not None})


def banaction_for(*, has_nft: bool, has_iptables: bool) -> str:
    """The ban action that the host's firewall tools can apply.

    nftables first: Debian 12 installs it by default and has iptables only when the admin
    adds it, while fail2ban's own default, iptables-multiport, then bans nothing.
    """
    if has_nft:
        return "nftables-multiport"
    if has_iptables:
        return "iptables-multiport"
    raise HardeningError(
        "fail2ban: neither nft nor iptables is installed, so no ban could be applied; "
        "install nftables"
    )


def render(wanted: Fail2banSettings, banaction: str) -> dict[str, str]:
    """{server path: text} of the filter, the jail and the purge age."""
    if not _ACTION_NAME.fullmatch(banaction):
        raise HardeningError(f"fail2ban: {banaction!r} is not the name of an action.d file")
    jail = templates.render(
        "fail2ban/jail.d/prosody.local.j2",
        ports=list(wanted.ports),
        logpath=list(wanted.logpath),
        maxretry=wanted.maxretry,
        findtime=wanted.findtime,
        bantime=wanted.bantime,
        ignoreip=list(wanted.ignoreip),
        banaction=banaction,
        backend=wanted.backend,
    )
    return {
        FILTER: templates.render("fail2ban/filter.d/prosody-auth.conf.j2"),
        JAIL: jail,
        PURGE: templates.render(
            "fail2ban/fail2ban.d/dbpurgeage.conf.j2", dbpurgeage=wanted.dbpurgeage
        ),
    }
