"""Section 7: restart what changed, once, in the order the services depend on each other.

Each edited config was already checked by its own tool when it was installed (see
hardening.remote.install_script), so a restart here never loads a config that failed.
"""

from pyinfra.api import deploy
from pyinfra.operations.util import any_changed

from hardening.remote import current_run, restart

# Services in restart order: Prosody first, since Jicofo and the videobridge connect to it.
RESTART_ORDER = ("prosody", "jicofo", "jitsi-videobridge2")


@deploy("Apply")
def apply_changes():
    run = current_run()
    for service in RESTART_ORDER:
        # Planned only when an edit will change a file, so a run that changes nothing
        # shows no restart at all; _if still skips it if that edit did not happen.
        changed = run.changes.get(service, [])
        if any(operation.will_change for operation in changed):
            restart(
                name=f"Restart {service}, whose config changed",
                service=service,
                _if=any_changed(*changed),
            )
