"""Run the deploy against a test host with chosen settings, as an admin would: pyinfra in a
subprocess, with an inventory file written for the occasion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.testhost_data import host_data

PASSWORD = "temp $HOME 'q' \"dq\" ;&|`id`\\ end"


def inventory(directory: Path, name: str, address: str, **settings: object) -> Path:
    """An inventory file for one test host, its usual data overridden by `settings`."""
    data = {**host_data(name), **settings}
    path = directory / f"inventory_{name}.py"
    path.write_text(f"hosts = [({address!r}, {data!r})]\n")
    return path


def deploy(
    inventory_file: Path,
    *args: str,
    env: dict[str, str] | None = None,
    deploy_file: str = "deploy.py",
    arguments: tuple[str, ...] = (),
) -> subprocess.CompletedProcess:
    """Run `pyinfra -y [args] INVENTORY deploy.py` from the repository root; `deploy_file`
    may also name an operation (admin.add_moderator) given its `arguments` (user=bob)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pyinfra",
            "-y",
            *args,
            str(inventory_file),
            deploy_file,
            *arguments,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "JITSI_PASSWORD_ALICE": PASSWORD, **(env or {})},
        check=False,
    )


def totals(result: subprocess.CompletedProcess) -> dict:
    """pyinfra's --json totals of a run that succeeded."""
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)["results"]["totals"]
