"""Section 4: moderators log in with accounts of their own and own their passwords.

The meeting host gets in-band registration's password change (open registration stays
off) and requires TLS on its XMPP port. Accounts listed in `jitsi_moderators` are created
when they do not exist, with a temporary password (see hardening.moderators); an existing
account is never touched. Names in `jitsi_moderators_absent` are deleted.
"""

from pyinfra import host, logger
from pyinfra.api import deploy

from hardening import moderators, plan
from hardening.remote import create_account, current_run, delete_account, edit


@deploy("Moderators")
def moderator_accounts():
    run = current_run()
    edit(run, plan.moderator_logins(run.domain, run.snapshot))

    for user in run.settings.moderators:
        if run.snapshot.exists(moderators.account_file(run.domain, user)):
            continue
        jid = f"{user}@{run.domain}"
        password = moderators.temporary_password(run.domain, user, run.settings.secrets_dir)
        origin = "new, written to" if password.generated else "from"
        logger.warning(
            f"{host.print_prefix}Temporary password of {jid}: {origin} {password.source}"
        )
        create_account(
            name=f"Prosody: create the moderator {jid}", jid=jid, password=password.secret
        )

    for user in run.settings.moderators_absent:
        if run.snapshot.exists(moderators.account_file(run.domain, user)):
            jid = f"{user}@{run.domain}"
            delete_account(name=f"Prosody: delete the account {jid}", jid=jid)
