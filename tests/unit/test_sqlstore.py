"""Fleets: the shared SQL account store's settings, its Prosody edit, and account checks."""

import pytest

from hardening import plan, settings, sqlstore
from hardening.errors import HardeningError
from hardening.snapshot import Snapshot

DOMAIN = "meet.example.org"
PASSWORD = "db-Password.123"
SQL = {"jitsi_domain": DOMAIN, "jitsi_accounts": "sql", "jitsi_sql_host": "10.0.0.5"}


def read(data, environ=None, tmp_path=None):
    environ = {"JITSI_SQL_PASSWORD": PASSWORD} if environ is None else environ
    get = {**data, "jitsi_secrets_dir": str(tmp_path)}.get if tmp_path else data.get
    return sqlstore.read(get, DOMAIN, tmp_path, environ)


def test_defaults_and_the_password_from_the_environment(tmp_path):
    sql = read(SQL, tmp_path=tmp_path)
    assert (sql.host, sql.port, sql.database, sql.username) == (
        "10.0.0.5",
        5432,
        "prosody",
        "prosody",
    )
    assert sql.password == PASSWORD
    assert PASSWORD not in repr(sql)


def test_the_password_from_the_secrets_file(tmp_path):
    (tmp_path / DOMAIN).mkdir()
    (tmp_path / DOMAIN / "sql-password").write_text(PASSWORD + "\n")
    assert read(SQL, environ={}, tmp_path=tmp_path).password == PASSWORD


@pytest.mark.parametrize(
    ("data", "environ", "message"),
    [
        ({**SQL, "jitsi_sql_host": None}, None, "setting jitsi_sql_host"),
        ({**SQL, "jitsi_sql_host": "db;rm"}, None, "setting jitsi_sql_host"),
        ({**SQL, "jitsi_sql_port": "5432"}, None, "setting jitsi_sql_port"),
        ({**SQL, "jitsi_sql_database": 'Pros"ody'}, None, "setting jitsi_sql_database"),
        (SQL, {}, "setting JITSI_SQL_PASSWORD = '' is not valid: expected the database password"),
        (SQL, {"JITSI_SQL_PASSWORD": 'short"'}, "setting JITSI_SQL_PASSWORD = '\\*MASKED\\*'"),
    ],
    ids=[
        "no host",
        "host with shell",
        "port as text",
        "database with a quote",
        "no password",
        "password with a quote",
    ],
)
def test_bad_database_settings_are_one_line(tmp_path, data, environ, message):
    with pytest.raises(HardeningError, match=message) as error:
        read(data, environ, tmp_path)
    assert "\n" not in str(error.value) and 'short"' not in str(error.value)


def test_an_unknown_store_is_refused():
    data = {"jitsi_domain": DOMAIN, "jitsi_accounts": "ldap"}
    with pytest.raises(HardeningError, match="setting jitsi_accounts = .ldap."):
        settings.read(data.get, lambda: DOMAIN)


VHOST = 'VirtualHost "meet.example.org"\n    authentication = "internal_hashed"\n'


def test_the_meeting_host_keeps_only_its_accounts_in_sql(tmp_path):
    sql = read(SQL, tmp_path=tmp_path)
    after = sqlstore.use_sql_accounts(VHOST, DOMAIN, sql)
    assert after == (
        VHOST + '    storage = { accounts = "sql" }\n'
        '    sql = { driver = "PostgreSQL", database = "prosody", username = "prosody", '
        'password = "db-Password.123", host = "10.0.0.5", port = 5432 }\n'
    )
    assert sqlstore.use_sql_accounts(after, DOMAIN, sql) == after
    moved = sqlstore.use_sql_accounts(
        after, DOMAIN, read({**SQL, "jitsi_sql_port": 6543}, tmp_path=tmp_path)
    )
    assert moved == after.replace("port = 5432", "port = 6543")


def test_accounts_as_prosodys_admin_shell_lists_them():
    lines = ["alice@meet.example.org", "bob@meet.example.org", "OK: Showing all 2 users"]
    assert sqlstore.accounts(lines, DOMAIN) == {"alice", "bob"}
    assert sqlstore.accounts(["OK: Showing all 0 users"], DOMAIN) == set()
    assert sqlstore.accounts(["Failed to connect"], DOMAIN) is None


def test_account_exists_asks_the_shared_store_when_there_is_one(tmp_path):
    (tmp_path / DOMAIN).mkdir()
    (tmp_path / DOMAIN / "sql-password").write_text(PASSWORD)
    wanted = settings.read({**SQL, "jitsi_secrets_dir": str(tmp_path)}.get, lambda: DOMAIN)
    listed = Snapshot(outputs={"accounts": ["alice@meet.example.org", "OK: Showing all 1 users"]})
    assert plan.account_exists(wanted, listed, "alice") is True
    assert plan.account_exists(wanted, listed, "bob") is False
    assert plan.account_exists(wanted, Snapshot(), "alice") is False  # unknown: try, safely
    assert plan.server_commands(wanted) == (
        ("accounts", "prosodyctl shell \"user:list('meet.example.org')\""),
    )


@pytest.mark.parametrize(
    ("groups", "data", "expected"),
    [
        ([], {}, False),
        (["shards"], {}, False),
        (["videobridges"], {}, True),
        ([], {"jitsi_role": "videobridge"}, True),
    ],
)
def test_videobridge_hosts_are_told_apart(groups, data, expected):
    assert settings.is_videobridge(groups, data.get) is expected
    with pytest.raises(HardeningError, match="setting jitsi_role"):
        settings.is_videobridge(groups, {"jitsi_role": "jvb"}.get)
