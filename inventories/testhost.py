"""Inventory of the disposable test host (tests/testhost.sh), for the end-to-end tests.

    pyinfra -y inventories/testhost.py deploy.py

Brings the host up if it is not (JITSI_TESTHOST names it, default jh1); its address, SSH
key, host key and settings come from tests/testhost_data.py. Needs root.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.testhost_data import host_data  # noqa: E402

NAME = os.environ.get("JITSI_TESTHOST", "jh1")

address = subprocess.run(
    [str(ROOT / "tests" / "testhost.sh"), "up", NAME], check=True, stdout=subprocess.PIPE, text=True
).stdout.strip()

hosts = [(address, host_data(NAME))]
