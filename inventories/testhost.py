"""Inventory of the disposable test host (tests/testhost.sh), for the end-to-end tests.

    pyinfra -y inventories/testhost.py deploy.py

Brings the host up if it is not (JITSI_TESTHOST names it, default jh1), and finds its
address, SSH key and host key in the files tests/testhost.sh keeps. Needs root.

The test moderator alice gets her temporary password from $JITSI_PASSWORD_ALICE, else from
secrets/meet.example.org/alice, which the first deploy writes (mode 0600, git-ignored).
"""

import os
import subprocess
from pathlib import Path

NAME = os.environ.get("JITSI_TESTHOST", "jh1")
STATE = Path("/run/jitsi-testhost") / NAME
SCRIPT = Path(__file__).resolve().parent.parent / "tests" / "testhost.sh"

address = subprocess.run(
    [str(SCRIPT), "up", NAME], check=True, stdout=subprocess.PIPE, text=True
).stdout.strip()

hosts = [
    (
        address,
        {
            "ssh_user": "root",
            "ssh_key": "/var/cache/jitsi-testhost/ssh/id_ed25519",
            "ssh_known_hosts_file": str(STATE / "known_hosts"),
            "ssh_strict_host_key_checking": "yes",
            "jitsi_domain": "meet.example.org",
            "jitsi_moderators": ["alice"],
        },
    ),
]
