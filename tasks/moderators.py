"""Section 4: moderators log in with accounts of their own and own their passwords.

The meeting host gets in-band registration's password change (open registration stays
off) and requires TLS on its XMPP port. Accounts listed in `jitsi_moderators` are created
when they do not exist, with a temporary password (see hardening.moderators); an existing
account is never touched. Names in `jitsi_moderators_absent` are deleted.
"""

from pyinfra import host, logger
from pyinfra.api import deploy

from hardening import moderators, plan, sqlstore
from hardening.remote import (
    account_keeper,
    create_account,
    current_run,
    delete_account,
    edit,
    install_package,
)


@deploy("Moderators")
def moderator_accounts():
    run = current_run()
    wanted = run.settings
    if wanted.sql is not None and not run.snapshot.exists(sqlstore.DRIVER_MARK):
        install_package(sqlstore.DRIVER_PACKAGE, "Prosody's PostgreSQL driver")
    edit(run, plan.moderator_logins(run.domain, run.snapshot, wanted.sql))
    if wanted.sql is not None and host.name != account_keeper(wanted):
        logger.info(
            f"{host.print_prefix}Moderators' accounts are shared; {account_keeper(wanted)} "
            "creates and deletes them"
        )
        return

    for user in wanted.moderators:
        if plan.account_exists(wanted, run.snapshot, user):
            continue
        jid = f"{user}@{run.domain}"
        password = moderators.temporary_password(run.domain, user, wanted.secrets_dir)
        origin = "new, written to" if password.generated else "from"
        logger.info(f"{host.print_prefix}Temporary password of {jid}: {origin} {password.source}")
        create_account(
            name=f"Prosody: create the moderator {jid}", jid=jid, password=password.secret
        )

    for user in wanted.moderators_absent:
        if plan.account_exists(wanted, run.snapshot, user):
            jid = f"{user}@{run.domain}"
            delete_account(name=f"Prosody: delete the account {jid}", jid=jid)
