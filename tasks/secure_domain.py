"""Section 1: a login opens a room; guests join without an account.

Edits three files that Jitsi owns (the Prosody vhost file, config.js and Jicofo's config)
through the pure functions of hardening.prosody, hardening.configjs and hardening.jicofo.
The meeting domain is `jitsi_domain`, or the host's FQDN (see hardening.settings).
"""

from pyinfra.api import deploy

from hardening import plan
from hardening.remote import current_run, edit


@deploy("Secure domain")
def secure_domain():
    run = current_run()
    for item in plan.secure_domain(run.domain, run.settings.guest, run.snapshot):
        edit(run, item)
