"""Section 7: restart what changed, once, in the order the services depend on each other.

Each edited config was already checked by its own tool when it was installed (see
hardening.remote.install_script), so a restart here never loads a config that failed.
"""

from pyinfra.api import deploy
from pyinfra.operations.util import any_changed

from hardening.remote import current_run, restart, restart_fail2ban

# In this order: Prosody first, since Jicofo and the videobridge connect to it; nginx
# reloads (no meeting drops) before fail2ban starts reading the addresses it passes.
SERVICES = (
    ("prosody", "restart"),
    ("jicofo", "restart"),
    ("jitsi-videobridge2", "restart"),
    ("nginx", "reload"),
)


@deploy("Apply")
def apply_changes():
    run = current_run()
    for service, action in SERVICES:
        # Planned only when an edit will change a file, so a run that changes nothing
        # shows no restart at all; _if still skips it if that edit did not happen.
        changed = run.changes.get(service, [])
        if any(operation.will_change for operation in changed):
            restart(
                name=f"{action.capitalize()} {service}, whose config changed",
                service=service,
                action=action,
                _if=any_changed(*changed),
            )

    changed = run.changes.get("fail2ban", [])
    if any(operation.will_change for operation in changed):
        restart_fail2ban(name="Restart fail2ban, whose config changed", _if=any_changed(*changed))
    elif "fail2ban" in run.changes and not run.snapshot.active("fail2ban"):
        restart_fail2ban(name="Start fail2ban, which is not running")
