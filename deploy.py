"""Harden a quick-installed Jitsi Meet server.

    pyinfra inventories/prod.py deploy.py --dry --diff   # preview
    pyinfra inventories/prod.py deploy.py                # apply

The sections run in this order; each one is a module of tasks/.
"""

from tasks.apply import apply_changes
from tasks.certificates import certificates
from tasks.fail2ban import fail2ban_jail
from tasks.log_auth import log_auth
from tasks.moderators import moderator_accounts
from tasks.renewal_hook import renewal_hook
from tasks.secure_domain import secure_domain

secure_domain()
certificates()
renewal_hook()
moderator_accounts()
log_auth()
fail2ban_jail()
apply_changes()
