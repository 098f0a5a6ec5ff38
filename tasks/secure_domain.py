"""Section 1: a login opens a room; guests join without an account.

Edits three files that Jitsi owns (the Prosody vhost file, config.js and Jicofo's config)
through the pure functions of hardening.prosody, hardening.configjs and hardening.jicofo.
The meeting domain is `jitsi_domain`, or the host's FQDN (see hardening.remote).
"""

from pyinfra import host
from pyinfra.api import deploy

from hardening import plan, settings
from hardening.remote import current_run, edit

# jitsi_guest_domain when unset: this prefix before the meeting domain (guest.meet.example.org).
GUEST_PREFIX = "guest."


@deploy("Secure domain")
def secure_domain():
    run = current_run()
    guest = settings.guest_domain(
        host.data.get("jitsi_guest_domain") or GUEST_PREFIX + run.domain, run.domain
    )
    for item in plan.secure_domain(run.domain, guest, run.snapshot):
        edit(run, item)
