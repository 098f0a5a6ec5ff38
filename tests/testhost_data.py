"""The pyinfra host data of a disposable test host (tests/testhost.sh), shared by
inventories/testhost.py and the benchmark's inventory, bench/inventory.py."""

from pathlib import Path

STATE_ROOT = Path("/run/jitsi-testhost")
SSH_KEY = "/var/cache/jitsi-testhost/ssh/id_ed25519"
MODERATORS = ["alice"]


def address_of(name: str) -> str:
    """The address tests/testhost.sh recorded for a host that is up."""
    path = STATE_ROOT / name / "address"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        raise RuntimeError(
            f"test host {name} is not up ({path} is missing): run tests/testhost.sh up {name}"
        ) from None


def host_data(name: str) -> dict[str, object]:
    """Connection settings and the deploy's settings for test host `name`, which is up.

    The test moderator alice gets her temporary password from $JITSI_PASSWORD_ALICE, else
    from secrets/meet.example.org/alice, which the first deploy writes (mode 0600)."""
    state = STATE_ROOT / name
    return {
        "ssh_user": "root",
        "ssh_key": SSH_KEY,
        "ssh_known_hosts_file": str(state / "known_hosts"),
        "ssh_strict_host_key_checking": "yes",
        "jitsi_domain": "meet.example.org",
        "jitsi_moderators": list(MODERATORS),
        # The host has no route out: prosody-modules comes from its local repository.
        "jitsi_prosody_modules_source": "/srv/prosody-modules.hg",
        "jitsi_prosody_modules_revision": (state / "prosody-modules-rev").read_text().strip(),
    }
