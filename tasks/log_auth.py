"""Section 5: every failed login is logged with the client's address.

Clones prosody-modules (jitsi_prosody_modules_source) to /opt/prosody-modules at
jitsi_prosody_modules_revision, makes only mod_log_auth visible to Prosody, and loads it on
every host of the Jitsi file that takes passwords. The clone comes first, so the module is
never enabled without being there.
"""

from pyinfra.api import deploy

from hardening import logauth, plan
from hardening.remote import current_run, edit, install_package, run_script


@deploy("Login log")
def log_auth():
    run = current_run()
    wanted = run.settings
    if not run.snapshot.exists(logauth.HG):
        install_package("mercurial", "to fetch prosody-modules")
    if logauth.fetch_needed(run.snapshot, wanted.modules_revision):
        run_script(
            name=f"prosody-modules: check out {wanted.modules_revision} in {logauth.CHECKOUT}",
            script=logauth.fetch_script(wanted.modules_source, wanted.modules_revision),
        )
    if logauth.link_needed(run.snapshot):
        run_script(
            name=f"Prosody: make mod_log_auth, and only it, visible in {logauth.VISIBLE_DIR}",
            script=logauth.link_script(),
        )
    edit(run, plan.log_failed_logins(run.domain, run.snapshot))
