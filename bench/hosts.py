"""The test hosts' pyinfra data for bench/inventory.py, kept apart so it can be tested.

Each host gets the same data as in inventories/testhost.py. That file brings its host up
when it is loaded, so it cannot be imported without doing so; its data is repeated in
host_data() below instead, and tests/unit/test_bench.py fails when the two differ. Change
both together. Moderators' temporary passwords come from the environment, which
bench/run.py sets for the deploys it runs (see password_environment there).
"""

from pathlib import Path

STATE_ROOT = Path("/run/jitsi-testhost")
SSH_KEY = "/var/cache/jitsi-testhost/ssh/id_ed25519"


def host_data(name: str) -> dict[str, object]:
    """The pyinfra host data of test host `name`, as inventories/testhost.py gives it."""
    return {
        "ssh_user": "root",
        "ssh_key": SSH_KEY,
        "ssh_known_hosts_file": str(STATE_ROOT / name / "known_hosts"),
        "ssh_strict_host_key_checking": "yes",
        "jitsi_domain": "meet.example.org",
        "jitsi_moderators": ["alice"],
    }


def host_names(value: str | None) -> list[str]:
    """The host names of a BENCH_HOSTS value ("jh11,jh12"), in order, blanks ignored."""
    names = [name.strip() for name in (value or "").split(",") if name.strip()]
    if not names:
        raise ValueError("BENCH_HOSTS names no host: set it to test host names, e.g. jh11,jh12")
    return names


def address_of(name: str) -> str:
    """The address tests/testhost.sh recorded for a host that is up."""
    path = STATE_ROOT / name / "address"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        raise RuntimeError(
            f"test host {name} is not up ({path} is missing): run tests/testhost.sh up {name}"
        ) from None
