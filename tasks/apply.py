"""Section 7: restart what changed, once, in the order the services depend on each other.

Each edited config was already checked by its own tool when it was installed (see
hardening.remote.install_script), so a restart here never loads a config that failed. A
restart that an earlier run recorded but never did (it failed or was killed after changing
a file) is done now.
"""

from pyinfra.api import deploy
from pyinfra.operations.util import any_changed

from hardening.plan import SERVICES, pending_restart
from hardening.remote import current_run, restart, restart_fail2ban


@deploy("Apply")
def apply_changes():
    run = current_run()
    for service, action in SERVICES:
        changed = run.changes.get(service, [])
        restart_op = restart_fail2ban if service == "fail2ban" else restart
        arguments = {} if service == "fail2ban" else {"service": service, "action": action}
        if run.snapshot.exists(pending_restart(service)):
            restart_op(
                name=f"{action.capitalize()} {service}, whose config an earlier run changed",
                **arguments,
            )
        elif any(operation.will_change for operation in changed):
            # Planned only when an edit will change a file, so a run that changes nothing
            # shows no restart at all; _if still skips it if that edit did not happen.
            restart_op(
                name=f"{action.capitalize()} {service}, whose config changed",
                _if=any_changed(*changed),
                **arguments,
            )
        elif service in run.changes and service == "fail2ban" and not run.snapshot.active(service):
            restart_op(name="Start fail2ban, which is not running")
