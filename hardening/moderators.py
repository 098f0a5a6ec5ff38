"""Section 4: moderator accounts on the meeting domain, and their temporary passwords.

An account is created only when it does not exist, so the password its owner chose over
XMPP survives every re-run. Passwords travel to the server in an uploaded file read by
`prosodyctl adduser` on its standard input: never on a command line, in an operation's
arguments, or in pyinfra's output.
"""

from __future__ import annotations

import os
import re
import secrets
import stringprep
from dataclasses import dataclass
from pathlib import Path

from hardening.settings import bad

# Prosody's file store (Debian's default data_path).
DATA_PATH = "/var/lib/prosody"
# Environment variable giving a moderator's temporary password: this prefix, then the
# username in upper case with every character other than a letter or digit as "_".
PASSWORD_ENV_PREFIX = "JITSI_PASSWORD_"


class Secret:
    """A password that prints as a mask: it cannot leak through a repr, a log line or an
    operation's arguments."""

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret(*MASKED*)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", len(self._value)))


def env_name(user: str) -> str:
    return PASSWORD_ENV_PREFIX + re.sub(r"[^A-Z0-9]", "_", user.upper())


def _encode(part: str) -> str:
    """Prosody's file-store encoding of a name: every character but a letter or digit as
    %xx (util.datamanager)."""
    return re.sub(r"[^A-Za-z0-9]", lambda m: f"%{ord(m.group()):02x}", part)


# Known shortcoming: only Prosody's file store is read, so accounts kept in SQL storage look
# missing and the deploy would try to create them again (prosodyctl then refuses).
def decode(part: str) -> str:
    """The name Prosody's file store encoded as `part`."""
    return re.sub(r"%([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), part)


def account_file(domain: str, user: str) -> str:
    """Where Prosody's file store keeps an account: it exists exactly when the account does."""
    return f"{DATA_PATH}/{_encode(domain)}/accounts/{_encode(user)}.dat"


# What SASLprep (RFC 4013), which Prosody applies to every password, forbids: control
# characters, private use, non-characters, surrogates and the like (tables C.2.1 to C.9).
_FORBIDDEN = (
    stringprep.in_table_c21,
    stringprep.in_table_c22,
    stringprep.in_table_c3,
    stringprep.in_table_c4,
    stringprep.in_table_c5,
    stringprep.in_table_c6,
    stringprep.in_table_c7,
    stringprep.in_table_c8,
    stringprep.in_table_c9,
)


def check_password(user: str, password: str) -> None:
    """prosodyctl reads the password as one line and Prosody refuses what SASLprep forbids,
    so such a password would stop the deploy half-way; it is refused before, unshown."""
    if not password:
        raise bad(env_name(user), "*MASKED*", "a non-empty password")
    for char in password:
        if any(forbidden(char) for forbidden in _FORBIDDEN):
            raise bad(
                env_name(user),
                "*MASKED*",
                f"a password without control or other characters SASLprep forbids "
                f"(it holds U+{ord(char):04X})",
            )


@dataclass(frozen=True)
class TemporaryPassword:
    secret: Secret
    source: str  # where it came from, for the log: an environment variable or a file path
    generated: bool


def temporary_password(
    domain: str,
    user: str,
    secrets_dir: Path,
    environ: dict[str, str] | None = None,
    fresh: bool = False,
) -> TemporaryPassword:
    """The password a new account gets: from the environment, else from the git-ignored
    secrets file, else a new random one written to that file with mode 0600. With `fresh`
    (a new password on request), a password from the file is never reused."""
    environ = os.environ if environ is None else environ
    name = env_name(user)
    if environ.get(name):
        check_password(user, environ[name])
        return TemporaryPassword(Secret(environ[name]), f"${name}", False)

    path = secrets_dir / domain / user
    if path.exists() and not fresh:
        value = path.read_text(encoding="utf-8").rstrip("\n")
        check_password(user, value)
        return TemporaryPassword(Secret(value), str(path), False)

    value = secrets.token_urlsafe(18)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(f".{user}.new")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    os.replace(temp, path)
    return TemporaryPassword(Secret(value), str(path), True)
