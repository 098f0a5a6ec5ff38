"""A fleet: two shards sharing their moderators' accounts in PostgreSQL, and a
videobridge-only host, deployed together from one inventory."""

import json
import os

import pytest

from tests.conftest import start, stop
from tests.deploys import PASSWORD, deploy, totals
from tests.postgres import PORT, Postgres, binaries
from tests.testhost_data import host_data
from tests.xmpp_probe import login

pytestmark = pytest.mark.e2e

DOMAIN = "meet.example.org"
SHARDS = os.environ.get("JITSI_FLEET_SHARDS", "jh21,jh22").split(",")
BRIDGE = os.environ.get("JITSI_FLEET_BRIDGE", "jh23")
VHOST = f"/etc/prosody/conf.avail/{DOMAIN}.cfg.lua"


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    if binaries() is None:
        pytest.skip("PostgreSQL is not installed (Debian package postgresql-15)")
    shards = [start(name) for name in SHARDS]
    bridge = start(BRIDGE)
    outer = [shard.address.rsplit(".", 1)[0] + ".1" for shard in shards]
    database = Postgres(outer).start()

    shard_entries = []
    for shard, address in zip(shards, outer, strict=True):
        data = {
            **host_data(shard.name),
            "jitsi_accounts": "sql",
            "jitsi_sql_host": address,  # the database, as this shard reaches it
            "jitsi_sql_port": PORT,
        }
        shard_entries.append((shard.address, data))
    inventory = tmp_path_factory.mktemp("fleet") / "fleet.py"
    inventory.write_text(
        f"shards = {shard_entries!r}\n"
        f"videobridges = [({bridge.address!r}, {host_data(bridge.name)!r})]\n"
    )
    fleet = {
        "shards": shards,
        "bridge": bridge,
        "inventory": inventory,
        "database": database,
        "env": {"JITSI_SQL_PASSWORD": database.password},
    }
    yield fleet
    database.stop()
    for name in (*SHARDS, BRIDGE):
        stop(name)


def fleet_deploy(fleet, *args):
    return deploy(fleet["inventory"], *args, env=fleet["env"])


def changed(result) -> list[str]:
    """--json results: the names of the operations that changed something."""
    operations = json.loads(result.stdout)["results"]["operations"]
    return [operation["name"] for operation in operations if operation["success"]]


def test_the_fleet_converges_and_a_second_deploy_changes_nothing(fleet):
    before = fleet["bridge"]("sha256sum", VHOST).stdout
    first = fleet_deploy(fleet, "--json")
    assert totals(first)["error"] == 0
    # One shard creates the shared account: two at once would mix their password records.
    creations = [
        operation
        for operation in json.loads(first.stdout)["results"]["operations"]
        if "create the moderator alice@" in operation["name"]
    ]
    assert [operation["success"] for operation in creations] == [[fleet["shards"][0].address]]
    second = fleet_deploy(fleet, "--json")
    assert totals(second)["success"] == 0, changed(second)
    assert totals(second)["error"] == 0
    # The videobridge-only host got no section: its Jitsi files are as they were.
    assert fleet["bridge"]("sha256sum", VHOST).stdout == before
    assert fleet["database"].password not in first.stdout + first.stderr


def test_the_moderator_account_is_created_once_in_the_shared_store(fleet):
    rows = fleet["database"].sql(
        "SELECT DISTINCT host, \"user\" FROM prosody WHERE store = 'accounts' ORDER BY 1, 2",
        "prosody",
    )
    assert rows.split() == [f"{DOMAIN}|alice"]
    file_store = "/var/lib/prosody/meet%2eexample%2eorg/accounts"
    for shard in fleet["shards"]:
        assert shard("test", "-e", file_store, check=False).returncode != 0


def test_a_password_changed_on_one_shard_works_on_the_other(fleet):
    one, other = fleet["shards"]
    for shard in (one, other):
        assert login(shard.address, f"alice@{DOMAIN}", PASSWORD).accepted
    chosen = "alice chose this on shard one"
    changed = login(one.address, f"alice@{DOMAIN}", PASSWORD, new_password=chosen)
    assert changed.accepted, changed.reason
    assert login(other.address, f"alice@{DOMAIN}", chosen).accepted
    assert not login(other.address, f"alice@{DOMAIN}", PASSWORD).accepted

    again = fleet_deploy(fleet, "--json")
    assert totals(again)["success"] == 0
    for shard in (one, other):
        assert login(shard.address, f"alice@{DOMAIN}", chosen).accepted
