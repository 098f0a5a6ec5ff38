"""Validation of the inventory's settings: one clear line for every bad value."""

from __future__ import annotations

import re

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
    if guest.removesuffix("." + meeting) in JITSI_SUBDOMAINS:
        raise bad("jitsi_guest_domain", value, f"a name other than Jitsi's own {guest}")
    return guest
