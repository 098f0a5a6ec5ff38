"""The disposable test host for the end-to-end tests, brought up once per test session."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TESTHOST = ROOT / "tests" / "testhost.sh"
NAME = os.environ.get("JITSI_TESTHOST", "jh1")


def why_not_runnable() -> str | None:
    if os.geteuid() != 0:
        return "the test host needs root (namespaces, veth, mounts)"
    if not TESTHOST.exists():
        return "tests/testhost.sh is missing"
    if shutil.which("unshare") is None or shutil.which("debootstrap") is None:
        return "unshare or debootstrap is not installed (scripts/setup.sh installs them)"
    probe = subprocess.run(["unshare", "-n", "-p", "-f", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        return f"namespaces are not available here: {probe.stderr.decode().strip()}"
    return None


def pytest_collection_modifyitems(config, items):
    reason = why_not_runnable()
    if reason is None:
        return
    for item in items:
        if "e2e" in item.keywords or "faults" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def testhost():
    """A fresh test host: the address, and a function that runs a command inside it."""
    subprocess.run([str(TESTHOST), "down", NAME], check=True, stdout=subprocess.DEVNULL)
    up = subprocess.run([str(TESTHOST), "up", NAME], check=True, stdout=subprocess.PIPE, text=True)
    address = up.stdout.strip()

    def run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(TESTHOST), "ssh", NAME, *command], capture_output=True, text=True, check=check
        )

    run.address = address
    run.state = Path("/run/jitsi-testhost") / NAME
    yield run
    if not os.environ.get("JITSI_TESTHOST_KEEP"):
        subprocess.run([str(TESTHOST), "down", NAME], check=False, stdout=subprocess.DEVNULL)
