"""Fleets: moderators' accounts in one shared store, Prosody's SQL storage on PostgreSQL.

With accounts kept per shard, a password a moderator changes on one shard never reaches
the others. With `jitsi_accounts = "sql"`, the meeting host keeps its accounts (and only
them) in PostgreSQL, so every shard sees the same accounts and passwords.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from hardening import prosody
from hardening.settings import bad, dns_name

# Prosody's driver for PostgreSQL, from Debian's lua-dbi-postgresql (installed if missing).
DRIVER_PACKAGE = "lua-dbi-postgresql"
DRIVER_MARK = "/usr/share/doc/lua-dbi-postgresql"
PASSWORD_ENV = "JITSI_SQL_PASSWORD"
# Written into the Prosody file as a Lua string: only characters that need no escaping.
_PASSWORD = re.compile(r"[A-Za-z0-9._~+/=-]{12,128}")
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class SqlSettings:
    host: str
    port: int
    database: str
    username: str
    password: str

    def __repr__(self) -> str:  # never print the password
        return f"SqlSettings({self.username}@{self.host}:{self.port}/{self.database})"


def read(get, domain: str, secrets_dir: Path, environ=None) -> SqlSettings:
    """The database settings; the password from $JITSI_SQL_PASSWORD or the git-ignored
    file secrets/<domain>/sql-password."""
    environ = os.environ if environ is None else environ
    host = get("jitsi_sql_host")
    if not isinstance(host, str) or not host:
        raise bad("jitsi_sql_host", host, 'the database server, such as "db.example.org"')
    if not re.fullmatch(r"[0-9.]+|[0-9a-fA-F:]+", host):
        host = dns_name("jitsi_sql_host", host)
    port = get("jitsi_sql_port") or 5432
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise bad("jitsi_sql_port", port, "a port from 1 to 65535")
    names = {}
    for key, default in (("jitsi_sql_database", "prosody"), ("jitsi_sql_user", "prosody")):
        value = get(key) or default
        if not isinstance(value, str) or not _NAME.fullmatch(value):
            raise bad(key, value, "a PostgreSQL name of lower-case letters, digits and _")
        names[key] = value
    path = secrets_dir / domain / "sql-password"
    password = environ.get(PASSWORD_ENV) or (
        path.read_text(encoding="utf-8").strip() if path.exists() else ""
    )
    if not password:
        raise bad(
            PASSWORD_ENV, "", f"the database password, in ${PASSWORD_ENV} or in the file {path}"
        )
    if not _PASSWORD.fullmatch(password):
        raise bad(
            PASSWORD_ENV,
            "*MASKED*",
            "12 to 128 letters, digits or . _ ~ + / = - (it goes into Prosody's config)",
        )
    return SqlSettings(host, port, names["jitsi_sql_database"], names["jitsi_sql_user"], password)


def lua_table(sql: SqlSettings) -> str:
    return (
        f'{{ driver = "PostgreSQL", database = "{sql.database}", username = "{sql.username}", '
        f'password = "{sql.password}", host = "{sql.host}", port = {sql.port} }}'
    )


# Known shortcoming: the database settings are not tried before Prosody is restarted with
# them; a wrong one locks moderators out until corrected (verify.py reports it).
def use_sql_accounts(text: str, domain: str, sql: SqlSettings) -> str:
    """The meeting host keeps its accounts in the SQL store, everything else as before."""
    text = prosody.set_literal(text, domain, "storage", '{ accounts = "sql" }')
    return prosody.set_literal(text, domain, "sql", lua_table(sql))


def list_accounts_command(domain: str) -> str:
    """Asks the running Prosody for the meeting host's accounts (its admin shell)."""
    return f"prosodyctl shell \"user:list('{domain}')\""


def accounts(lines: list[str], domain: str) -> set[str] | None:
    """The usernames `prosodyctl shell user:list` printed; None when it could not tell."""
    if not any(line.startswith("OK:") for line in lines):
        return None
    suffix = "@" + domain
    return {line.removesuffix(suffix) for line in lines if line.endswith(suffix)}
