"""Example inventory of a fleet: Jitsi shards sharing their moderators' accounts, and
videobridge-only hosts. Copy it, then put in your hosts and domains.

    JITSI_SQL_PASSWORD=... .venv/bin/pyinfra inventories/fleet.py deploy.py --dry --diff
    JITSI_SQL_PASSWORD=... .venv/bin/pyinfra inventories/fleet.py deploy.py

Every shard serves the same meeting domain behind your load balancer and keeps its
moderators' accounts in one PostgreSQL database, so a password changed on one shard works
on all of them. Create the database and its role yourself (README, "Fleets"); the deploy
installs Prosody's PostgreSQL driver and points the meeting host's accounts at it. The
database password comes from $JITSI_SQL_PASSWORD or secrets/<domain>/sql-password, never
from this file. Videobridge-only hosts get none of the deploy's sections.
"""

_shard = {
    "ssh_user": "root",
    "jitsi_domain": "meet.example.org",
    "jitsi_moderators": ["alice", "bob"],
    "jitsi_accounts": "sql",
    "jitsi_sql_host": "db.example.org",
}

shards = [
    ("shard1.example.org", dict(_shard)),
    ("shard2.example.org", dict(_shard)),
]

videobridges = [
    ("jvb1.example.org", {"ssh_user": "root"}),
    ("jvb2.example.org", {"ssh_user": "root"}),
]
