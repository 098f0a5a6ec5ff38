"""Benchmark the deploy on disposable test hosts (tests/testhost.sh); run as root:

    .venv/bin/python bench/run.py [--runs N]

Measures, each figure the median of N runs (default 5) after an untimed warm-up:
- a first deploy on a fresh host (the host is brought down and up before each sample);
- the re-run that changes nothing, on 1 host, and on 1, 2 and 4 hosts at once;
- the floor: `pyinfra <inventory> exec -- true` over the same connection settings.
It also counts the remote commands of the first deploy and of the no-op re-run on one
host, and fails when any deploy fails or a re-run changes something. The last line reads
`no-op re-run: <seconds> s = <ratio>x floor, <n> remote commands`, for one host.

Uses test hosts jh11 to jh14 only, and brings them down at the end, also on error.
Progress goes to stderr, the results to stdout. See bench/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
TESTHOST = ROOT / "tests" / "testhost.sh"
INVENTORY = "bench/inventory.py"  # relative to ROOT, where pyinfra runs
DEPLOY = "deploy.py"

# The test host names this benchmark may use; other names belong to other work.
HOSTS = ("jh11", "jh12", "jh13", "jh14")
# How many hosts the no-op re-run and the floor are measured on at once.
FLEET_SIZES = (1, 2, 4)
# Seconds a single pyinfra run may take before the benchmark gives up on it.
PYINFRA_TIMEOUT = 600

# How remote commands are counted: with --debug, pyinfra 3.10's SSH connector logs one line
# "Running command on HOST: ..." just before it opens the SSH channel of each remote command
# (facts and operations alike, pyinfra/connectors/ssh.py, run_shell_command), and one line
# "Attempting upload of FILE to PATH" before each file upload (_put_file, once per upload,
# before any retry). The log formatter puts the logger's module in brackets in front of
# every debug line. Both lines are counted; a command's text may span several lines, but
# only its first line starts with the bracketed module name. Checked against paramiko's own
# log (--debug-all): one "Sesch channel N request ok" per counted command, and one SFTP
# "open(...)" per counted upload. The upload line names no host, so the count is taken on a
# run against a single host.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_REMOTE_COMMAND = re.compile(
    r"^\s*\[pyinfra\.connectors\.ssh\] (?:Running command on \S+:|Attempting upload of )",
    re.MULTILINE,
)
# pyinfra's results table ends with this row: operations x hosts, then how many of those
# changed something ("Success"), failed, and changed nothing; "-" stands for zero.
_GRAND_TOTAL = re.compile(r"^\s*Grand total\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$", re.MULTILINE)


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


class Totals(NamedTuple):
    """The "Grand total" row of pyinfra's results: counts of operations on hosts."""

    operations: int
    changed: int
    failed: int
    unchanged: int


@dataclass
class Row:
    """One line of the results table."""

    run: str
    hosts: int
    samples: list[float]
    floor: float | None = None  # the floor's median for the same hosts, for the ratio
    commands: int | None = None  # remote commands on one host, uploads included
    note: str = ""


# --- Pure helpers ---------------------------------------------------------------------------


def median(samples: Sequence[float]) -> float:
    """The median of the samples (the mean of the middle two for an even count)."""
    if not samples:
        raise ValueError("median of no samples")
    return statistics.median(samples)


def count_remote_commands(output: str) -> int:
    """The remote commands and uploads in the output of `pyinfra --debug` on one host."""
    return len(_REMOTE_COMMAND.findall(_ANSI.sub("", output)))


def parse_totals(output: str) -> Totals:
    """The last "Grand total" row of pyinfra's output."""
    matches = _GRAND_TOTAL.findall(_ANSI.sub("", output))
    if not matches:
        raise BenchError("pyinfra printed no 'Grand total' row: cannot tell what it changed")
    try:
        return Totals(*(0 if cell == "-" else int(cell) for cell in matches[-1]))
    except ValueError:
        raise BenchError(f"cannot read pyinfra's 'Grand total' row: {matches[-1]}") from None


def format_last_line(seconds: float, floor: float, commands: int) -> str:
    """The summary line for one host: the no-op re-run's time, its ratio to the floor, and
    its remote commands."""
    return (
        f"no-op re-run: {seconds:.2f} s = {seconds / floor:.2f}x floor, {commands} remote commands"
    )


def format_table(rows: Iterable[Row]) -> str:
    """The results as an aligned text table, times in seconds."""
    header = ("run", "hosts", "median", "min", "max", "vs floor", "commands", "")
    lines = [header]
    for row in rows:
        mid = median(row.samples)
        lines.append(
            (
                row.run,
                str(row.hosts),
                f"{mid:.2f} s",
                f"{min(row.samples):.2f} s",
                f"{max(row.samples):.2f} s",
                f"{mid / row.floor:.2f}x" if row.floor else "",
                "" if row.commands is None else str(row.commands),
                row.note,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    left = {0, len(header) - 1}  # text columns; the figures are right-aligned
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i in left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    )


# --- Test hosts and pyinfra -----------------------------------------------------------------

# Set by main(): the moderators' temporary passwords, given to every pyinfra run.
_passwords: dict[str, str] = {}


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def testhost(action: str, *names: str) -> None:
    """Run tests/testhost.sh ACTION on each name, all at once (hosts boot in parallel)."""
    children = [
        (
            name,
            subprocess.Popen(
                [str(TESTHOST), action, name],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for name in names
    ]
    failures = []
    for name, child in children:
        _, stderr = child.communicate()
        if child.returncode != 0:
            failures.append(f"tests/testhost.sh {action} {name} failed: {stderr.strip()}")
    if failures:
        raise BenchError("\n".join(failures))


def password_environment() -> dict[str, str]:
    """A temporary password for each moderator of the benchmark inventory, in the variables
    the deploy reads, so that the first deploys do not write secrets/ in the repository.

    New random ones for each benchmark; a variable already set is left as it is.
    """
    # Run as `python bench/run.py`, the repository root is not on the import path.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from hardening.moderators import env_name
    from tests.testhost_data import MODERATORS

    names = [env_name(user) for user in MODERATORS]
    return {name: secrets.token_urlsafe(18) for name in names if name not in os.environ}


def pyinfra(names: Sequence[str], *arguments: str, debug: bool = False) -> tuple[float, str]:
    """Run pyinfra on the named hosts from the repository root; the wall time and output.

    Fails when pyinfra does.
    """
    command = [sys.executable, "-m", "pyinfra", "-y"]
    if debug:
        command.append("--debug")
    command += [INVENTORY, *arguments]
    environment = dict(os.environ, **_passwords, BENCH_HOSTS=",".join(names))
    started = time.perf_counter()
    try:
        finished = subprocess.run(
            command,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=PYINFRA_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(
            f"pyinfra {' '.join(arguments)} on {','.join(names)} took longer "
            f"than {PYINFRA_TIMEOUT} s"
        ) from None
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        tail = "\n".join(finished.stdout.splitlines()[-20:])
        raise BenchError(
            f"pyinfra {' '.join(arguments)} on {','.join(names)} exited with status "
            f"{finished.returncode}:\n{tail}"
        )
    return seconds, finished.stdout


def deploy(names: Sequence[str], debug: bool = False) -> tuple[float, str]:
    return pyinfra(names, DEPLOY, debug=debug)


def noop_deploy(names: Sequence[str], debug: bool = False) -> tuple[float, str]:
    """A deploy that must change nothing on hosts that already converged."""
    seconds, output = deploy(names, debug=debug)
    totals = parse_totals(output)
    if totals.changed or totals.failed:
        raise BenchError(
            f"the re-run on {','.join(names)} was not a no-op: {totals.changed} operations "
            f"changed something and {totals.failed} failed, on hosts that already converged"
        )
    return seconds, output


def floor(names: Sequence[str]) -> float:
    return pyinfra(names, "exec", "--", "true")[0]


# --- The benchmark --------------------------------------------------------------------------


def first_deploys(runs: int) -> Row:
    """Time `runs` first deploys, each on a host freshly brought up from the stock image."""
    name = HOSTS[0]
    testhost("up", name)
    # The warm-up, untimed, is also where the first deploy's commands are counted.
    commands = count_remote_commands(deploy([name], debug=True)[1])
    samples = []
    for run in range(1, runs + 1):
        testhost("down", name)
        testhost("up", name)
        seconds = deploy([name])[0]
        progress(f"first deploy {run}/{runs}: {seconds:.2f} s")
        samples.append(seconds)
    return Row("first deploy (fresh host)", 1, samples, commands=commands)


def reruns(runs: int, cores: int) -> tuple[list[Row], int]:
    """Time the no-op re-run and the floor on 1, 2 and 4 hosts; the rows, and the no-op
    re-run's remote commands on one host."""
    testhost("up", *HOSTS[1:])
    deploy(HOSTS[1:])  # converge the hosts the first deploys did not
    noop_deploy(HOSTS)  # warm-up, and proof that all of them converged
    commands = count_remote_commands(noop_deploy(HOSTS[:1], debug=True)[1])

    # Rounds interleave the kinds of run, so a slow spell of the machine touches them all.
    floors: dict[int, list[float]] = {size: [] for size in FLEET_SIZES}
    noops: dict[int, list[float]] = {size: [] for size in FLEET_SIZES}
    for run in range(1, runs + 1):
        for size in FLEET_SIZES:
            floors[size].append(floor(HOSTS[:size]))
            noops[size].append(noop_deploy(HOSTS[:size])[0])
            progress(
                f"round {run}/{runs}, {size} host(s): floor {floors[size][-1]:.2f} s, "
                f"no-op re-run {noops[size][-1]:.2f} s"
            )

    rows = []
    for size in FLEET_SIZES:
        note = "" if size == 1 else f"{size} hosts at once on {cores} CPU cores"
        rows.append(Row("floor: exec -- true", size, floors[size], note=note))
        rows.append(
            Row(
                "no-op re-run",
                size,
                noops[size],
                floor=median(floors[size]),
                commands=commands if size == 1 else None,
                note=note,
            )
        )
    return rows, commands


def why_not_runnable() -> str | None:
    if os.geteuid() != 0:
        return "the test hosts need root (namespaces, veth pairs, mounts): run as root"
    if not TESTHOST.exists():
        return f"{TESTHOST} is missing"
    if importlib.util.find_spec("pyinfra") is None:
        return f"{sys.executable} has no pyinfra: run with .venv/bin/python (scripts/setup.sh)"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="samples per figure, the median is shown (default 5)"
    )
    arguments = parser.parse_args(argv)
    if arguments.runs < 1:
        parser.error(f"--runs must be at least 1, not {arguments.runs}")
    reason = why_not_runnable()
    if reason:
        print(f"bench: {reason}", file=sys.stderr)
        return 1

    cores = os.cpu_count() or 1
    _passwords.update(password_environment())
    try:
        # Leftovers of an interrupted run would not be fresh: start from no host at all.
        testhost("down", *HOSTS)
        first = first_deploys(arguments.runs)
        rows, commands = reruns(arguments.runs, cores)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        try:
            testhost("down", *HOSTS)
        except BenchError as error:
            print(f"bench: could not bring a test host down: {error}", file=sys.stderr)

    noop = rows[1]
    print(
        f"pyinfra deploy benchmark: medians of {arguments.runs} runs on test hosts "
        f"{', '.join(HOSTS)}; this machine has {cores} CPU cores"
    )
    print()
    print(format_table([first, *rows]))
    print()
    print(format_last_line(median(noop.samples), noop.floor, commands))
    return 0


if __name__ == "__main__":
    sys.exit(main())
