"""Section 7: restart what changed, once, in the order the services depend on each other.

Each edited config was already checked by its own tool when it was installed (see
hardening.remote.install_script), so a restart here never loads a config that failed. A
restart that an earlier run recorded but never did (it failed or was killed after changing
a file) is done now, and a service found stopped is started.
"""

from pyinfra.api import deploy
from pyinfra.operations.util import any_changed

from hardening.plan import SERVICES, pending_restart
from hardening.remote import current_run, restart


@deploy("Apply")
def apply_changes():
    run = current_run()
    for service, action in SERVICES:
        changed = run.changes.get(service, [])
        if run.snapshot.exists(pending_restart(service)):
            restart(
                name=f"{action.capitalize()} {service}, whose config an earlier run changed",
                service=service,
                action=action,
            )
        elif any(operation.will_change for operation in changed):
            # Planned only when an edit will change a file, so a run that changes nothing
            # shows no restart at all; _if still skips it if that edit did not happen.
            restart(
                name=f"{action.capitalize()} {service}, whose config changed",
                service=service,
                action=action,
                _if=any_changed(*changed),
            )
        elif run.snapshot.stopped(service) or (
            service == "fail2ban" and service in run.changes and not run.snapshot.active(service)
        ):
            # The meeting service needs every one of them; the deploy leaves them running.
            restart(name=f"Start {service}, which is not running", service=service)
