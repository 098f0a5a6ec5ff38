"""Disposable test hosts (tests/testhost.sh) for the end-to-end tests and the fault matrix.

`testhost` is one host for the whole session (JITSI_TESTHOST, default jh1); `day_two_host`
one for the day-two tests of a module (JITSI_DAY_TWO_HOST, default jh2); `fresh_host`
gives a fault test a host as Jitsi's installer leaves it (JITSI_FAULTS_HOST, default jh3),
booted anew for each test.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTHOST = ROOT / "tests" / "testhost.sh"
NAME = os.environ.get("JITSI_TESTHOST", "jh1")
FAULTS_NAME = os.environ.get("JITSI_FAULTS_HOST", "jh3")
DAY_TWO_NAME = os.environ.get("JITSI_DAY_TWO_HOST", "jh2")


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


def start(name: str):
    """Boot `name` from scratch; return a function that runs a command inside it, with the
    host's address and state directory as attributes."""
    subprocess.run([str(TESTHOST), "down", name], check=True, stdout=subprocess.DEVNULL)
    up = subprocess.run([str(TESTHOST), "up", name], check=True, stdout=subprocess.PIPE, text=True)

    def run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(TESTHOST), "ssh", name, *command], capture_output=True, text=True, check=check
        )

    run.name = name
    run.address = up.stdout.strip()
    run.state = Path("/run/jitsi-testhost") / name
    return run


def stop(name: str) -> None:
    if not os.environ.get("JITSI_TESTHOST_KEEP"):
        subprocess.run([str(TESTHOST), "down", name], check=False, stdout=subprocess.DEVNULL)


@pytest.fixture(scope="session")
def testhost():
    """A fresh test host for the session: the address, and a function that runs a command
    inside it."""
    yield start(NAME)
    stop(NAME)


@pytest.fixture
def fresh_host():
    """A test host just as Jitsi's installer leaves it, for one test."""
    yield start(FAULTS_NAME)
    stop(FAULTS_NAME)


@pytest.fixture(scope="module")
def day_two_host():
    """A test host as Jitsi's installer leaves it, for one module of day-two tests."""
    yield start(DAY_TWO_NAME)
    stop(DAY_TWO_NAME)
