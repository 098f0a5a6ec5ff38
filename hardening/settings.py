"""Validation of the inventory's settings: one clear line for every bad value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hardening.errors import HardeningError

# Subdomains Jitsi's packages already use for their own hosts and components.
JITSI_SUBDOMAINS = frozenset(
    [
        "auth",
        "internal.auth",
        "internal-muc.auth",
        "focus",
        "conference",
        "lobby",
        "breakout",
        "recorder",
        "speakerstats",
        "conferenceduration",
        "endconference",
        "avmoderation",
        "metadata",
        "polls",
        "visitors",
        "jigasi",
        "jvb",
    ]
)

# First labels that `prosodyctl check config` wants renamed on a VirtualHost.
PROSODY_DISCOURAGED = ("jabber", "xmpp", "chat", "im")

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def bad(setting: str, value: object, expected: str) -> HardeningError:
    return HardeningError(f"setting {setting} = {value!r} is not valid: expected {expected}")


def dns_name(setting: str, value: object) -> str:
    """A lower-case DNS name of at least two labels: nothing Lua, JS or a shell interprets."""
    expected = "a DNS name such as meet.example.org (letters, digits, hyphens and dots)"
    if not isinstance(value, str):
        raise bad(setting, value, expected)
    name = value.lower()
    labels = name.split(".")
    if len(name) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels):
        raise bad(setting, value, expected)
    if labels[-1].isdigit():
        raise bad(setting, value, expected + ", not an address")
    return name


def guest_domain(value: object, meeting: str) -> str:
    """Validate the guest domain: a DNS name under the meeting domain, not one of Jitsi's."""
    guest = dns_name("jitsi_guest_domain", value)
    if not guest.endswith("." + meeting):
        raise bad("jitsi_guest_domain", value, f"a subdomain of {meeting}, such as guest.{meeting}")
    first = guest.removesuffix("." + meeting)
    if first in JITSI_SUBDOMAINS:
        raise bad("jitsi_guest_domain", value, f"a name other than Jitsi's own {guest}")
    if first.split(".")[0] in PROSODY_DISCOURAGED:
        # prosodyctl check config suggests renaming such a host, which the deploy's check
        # would count as a new problem on every run.
        raise bad(
            "jitsi_guest_domain",
            value,
            f"a name not starting with {', '.join(PROSODY_DISCOURAGED)} (Prosody's check "
            "objects to a VirtualHost named so)",
        )
    return guest


# A conservative XMPP localpart: what Prosody's nodeprep leaves unchanged, and nothing a
# shell, Lua or a file name could interpret.
_USERNAME = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?")
_PATH = re.compile(r"/[A-Za-z0-9._/@+-]*")


def username(setting: str, value: object) -> str:
    if not isinstance(value, str) or not _USERNAME.fullmatch(value) or ".." in value:
        raise bad(
            setting,
            value,
            "a username of lower-case letters, digits, '.', '_' and '-', starting and ending "
            "with a letter or digit, at most 64 characters",
        )
    return value


def usernames(setting: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise bad(setting, value, 'a list of usernames, such as ["alice", "bob"]')
    names = tuple(username(setting, item) for item in value)
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise bad(setting, value, f"each username once ({', '.join(repeated)} repeated)")
    return names


def server_path(setting: str, value: object) -> str:
    """An absolute path on the server, of characters no shell or config file interprets."""
    expected = "an absolute path of letters, digits and . _ / @ + -"
    if not isinstance(value, str) or not _PATH.fullmatch(value) or "/../" in value + "/":
        raise bad(setting, value, expected)
    return value.rstrip("/") or "/"


# Defaults of the inventory settings (README's settings table lists them all).
GUEST_PREFIX = "guest."  # jitsi_guest_domain: this before the meeting domain
LIVE_DIR = "/etc/letsencrypt/live/{domain}"  # jitsi_letsencrypt_live
SECRETS_DIR = "secrets"  # jitsi_secrets_dir, relative to the directory pyinfra runs in
# jitsi_prosody_modules_source and _revision: upstream, at the changeset Debian 12 packages
# (prosody-modules 0.0~hg20230223.556bf57d6417).
MODULES_SOURCE = "https://hg.prosody.im/prosody-modules/"
MODULES_REVISION = "556bf57d6417"

_SOURCE = re.compile(r"(?:https?|ssh)://[A-Za-z0-9._~:/@%+-]+|/[A-Za-z0-9._/@+-]+")
_REVISION = re.compile(r"[0-9a-f]{12,40}")


@dataclass(frozen=True)
class Settings:
    domain: str
    guest: str
    live: str
    moderators: tuple[str, ...]
    moderators_absent: tuple[str, ...]
    secrets_dir: Path
    modules_source: str
    modules_revision: str
    fail2ban: object  # hardening.fail2ban.Fail2banSettings
    sql: object = None  # hardening.sqlstore.SqlSettings, with jitsi_accounts = "sql"


def read(get: Callable[[str], object], fqdn: Callable[[], str]) -> Settings:
    """Every setting of one host, validated before anything on the server changes.

    `get` reads the inventory's host data; `fqdn` is only asked when jitsi_domain is unset.
    """
    from hardening import fail2ban, sqlstore  # they build on this module's checks

    domain = dns_name("jitsi_domain", get("jitsi_domain") or fqdn())
    moderators = usernames("jitsi_moderators", get("jitsi_moderators"))
    absent = usernames("jitsi_moderators_absent", get("jitsi_moderators_absent"))
    from hardening.moderators import env_name

    shared = {}
    for name in moderators:
        other = shared.setdefault(env_name(name), name)
        if other != name:
            raise bad(
                "jitsi_moderators",
                list(moderators),
                f"names whose password variables differ ({other} and {name} would both "
                f"read ${env_name(name)})",
            )
    both = sorted(set(moderators) & set(absent))
    if both:
        raise bad(
            "jitsi_moderators_absent", list(absent), f"no name of jitsi_moderators ({both[0]})"
        )
    secrets_dir = get("jitsi_secrets_dir") or SECRETS_DIR
    if not isinstance(secrets_dir, str):
        raise bad("jitsi_secrets_dir", secrets_dir, "a directory path")
    return Settings(
        domain=domain,
        guest=guest_domain(get("jitsi_guest_domain") or GUEST_PREFIX + domain, domain),
        live=server_path(
            "jitsi_letsencrypt_live",
            get("jitsi_letsencrypt_live") or LIVE_DIR.format(domain=domain),
        ),
        moderators=moderators,
        moderators_absent=absent,
        secrets_dir=Path(secrets_dir),
        modules_source=matching(
            "jitsi_prosody_modules_source",
            get("jitsi_prosody_modules_source") or MODULES_SOURCE,
            _SOURCE,
            "an http(s):// or ssh:// URL or an absolute path of a Mercurial repository",
        ),
        modules_revision=matching(
            "jitsi_prosody_modules_revision",
            get("jitsi_prosody_modules_revision") or MODULES_REVISION,
            _REVISION,
            "a Mercurial changeset id: 12 to 40 lower-case hex digits",
        ),
        fail2ban=fail2ban.read(get),
        sql=_accounts_store(get, domain, Path(secrets_dir), sqlstore),
    )


def _accounts_store(get, domain: str, secrets_dir: Path, sqlstore):
    store = get("jitsi_accounts") or "file"
    if store == "file":
        return None
    if store != "sql":
        raise bad("jitsi_accounts", store, '"file" (each server its own) or "sql" (shared)')
    return sqlstore.read(get, domain, secrets_dir)


def is_videobridge(groups, get) -> bool:
    """A videobridge-only host of a fleet: in the inventory group `videobridges`, or with
    jitsi_role = "videobridge". None of the deploy's sections apply to it."""
    role = get("jitsi_role") or "shard"
    if role not in ("shard", "videobridge"):
        raise bad("jitsi_role", role, '"shard" (the default) or "videobridge"')
    return role == "videobridge" or "videobridges" in groups


def matching(setting: str, value: object, pattern: re.Pattern, expected: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise bad(setting, value, expected)
    return value
