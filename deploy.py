"""Harden a quick-installed Jitsi Meet server, or a fleet of them.

    pyinfra inventories/prod.py deploy.py --dry --diff   # preview
    pyinfra inventories/prod.py deploy.py                # apply

The sections run in this order; each one is a module of tasks/. Videobridge-only hosts
of a fleet (the inventory group `videobridges`) run no Prosody, nginx or certbot of their
own, so none of the sections apply to them.
"""

from pyinfra import host, logger

from hardening import settings
from tasks.apply import apply_changes
from tasks.certificates import certificates
from tasks.fail2ban import fail2ban_jail
from tasks.log_auth import log_auth
from tasks.moderators import moderator_accounts
from tasks.renewal_hook import renewal_hook
from tasks.secure_domain import secure_domain

if settings.is_videobridge(host.groups, host.data.get):
    logger.info(f"{host.print_prefix}videobridge-only host: no section applies")
else:
    secure_domain()
    certificates()
    renewal_hook()
    moderator_accounts()
    log_auth()
    fail2ban_jail()
    apply_changes()
