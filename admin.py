"""Day-two operations, for one host or a whole inventory; each is a pyinfra deploy.

    pyinfra inventories/prod.py admin.add_moderator user=bob
    pyinfra inventories/prod.py admin.remove_moderator user=bob
    pyinfra inventories/prod.py admin.list_moderators
    pyinfra inventories/prod.py admin.new_password user=bob
    pyinfra inventories/prod.py admin.jail_status
    pyinfra inventories/prod.py admin.unban address=203.0.113.7
    pyinfra inventories/prod.py admin.reimport_certificate

The same settings as deploy.py come from the inventory (`@ssh/host` works too, with the
host's FQDN as the meeting domain, or `--data jitsi_domain=...`). Input is validated
before anything runs, passwords travel as in the deploy (never on a command line or in
the output), and what is already so is not done again.
"""

import ipaddress
import shlex

from pyinfra import host, logger
from pyinfra.api import deploy
from pyinfra.operations import python

from hardening import certs, moderators, plan, settings, sqlstore
from hardening.errors import HardeningError
from hardening.remote import (
    Fqdn,
    Lines,
    ServerFiles,
    account_keeper,
    create_account,
    delete_account,
    run_script,
)

# Known shortcoming: pyinfra's command line turns user=123, user=true or user=null into a
# number, a boolean or None before they get here, so such names are refused.


def _say(message: str) -> None:
    """Tell why nothing is done (pyinfra shows no-op reasons only with -v)."""
    logger.info(f"{host.print_prefix}{message}")


def _settings() -> settings.Settings:
    return settings.read(host.data.get, lambda: host.get_fact(Fqdn))


def _shared_accounts(wanted: settings.Settings) -> set[str]:
    """A fleet's accounts, as the running Prosody lists them from the shared store."""
    found = host.get_fact(ServerFiles, read=(), look=(), commands=plan.server_commands(wanted))
    known = sqlstore.accounts(found.outputs.get("accounts", []), wanted.domain)
    if known is None:
        raise HardeningError(
            f"{wanted.domain}: Prosody does not list its accounts (is it running, and "
            "does it reach its database?)"
        )
    return known


def _exists(wanted: settings.Settings, user: str) -> bool:
    """Whether the account exists, in the file store or in a fleet's shared SQL store."""
    if wanted.sql is not None:
        return user in _shared_accounts(wanted)
    path = moderators.account_file(wanted.domain, user)
    return host.get_fact(ServerFiles, read=(), look=(path,)).exists(path)


def _not_the_keeper(wanted: settings.Settings) -> bool:
    """On a fleet, only one shard changes the shared accounts; the others say so."""
    if wanted.sql is None or account_keeper(wanted) == host.name:
        return False
    _say(f"accounts are shared: {account_keeper(wanted)} changes them")
    return True


def _forget_password(wanted: settings.Settings, user: str) -> None:
    """Plan the removal, when the run executes, of the temporary password file that will no
    longer hold the account's password (so that it is never handed out again)."""
    path = wanted.secrets_dir / wanted.domain / user
    if path.exists():
        python.call(
            name=f"Forget {path}: it no longer holds {user}'s password", function=_remove, path=path
        )


def _remove(path) -> None:
    path.unlink(missing_ok=True)


def _password(wanted: settings.Settings, user: str, fresh: bool) -> moderators.Secret:
    password = moderators.temporary_password(wanted.domain, user, wanted.secrets_dir, fresh=fresh)
    origin = "new, written to" if password.generated else "from"
    _say(f"Temporary password of {user}@{wanted.domain}: {origin} {password.source}")
    if fresh and password.source.startswith("$"):
        _forget_password(wanted, user)
    return password.secret


@deploy("Add a moderator")
def add_moderator(user: str | None = None):
    wanted = _settings()
    user = settings.username("user", user)
    if _not_the_keeper(wanted):
        return
    if _exists(wanted, user):
        _say(f"{user}@{wanted.domain} exists already; its password stays its owner's")
        return
    jid = f"{user}@{wanted.domain}"
    create_account(
        name=f"Prosody: create the moderator {jid}",
        jid=jid,
        password=_password(wanted, user, False),
    )


@deploy("Remove a moderator")
def remove_moderator(user: str | None = None):
    wanted = _settings()
    user = settings.username("user", user)
    if _not_the_keeper(wanted):
        return
    if not _exists(wanted, user):
        _say(f"{user}@{wanted.domain} does not exist")
        return
    jid = f"{user}@{wanted.domain}"
    delete_account(name=f"Prosody: delete the account {jid}", jid=jid)
    _forget_password(wanted, user)


@deploy("List moderators")
def list_moderators():
    wanted = _settings()
    if wanted.sql is not None:
        accounts = sorted(_shared_accounts(wanted))
    else:
        directory = moderators.account_file(wanted.domain, "x").rsplit("/", 1)[0]
        command = f"ls -1 {shlex.quote(directory)} 2>/dev/null || true"
        names = host.get_fact(Lines, command=command) or []
        accounts = sorted(
            moderators.decode(name.removesuffix(".dat")) for name in names if name.endswith(".dat")
        )
    _say(f"Accounts on {wanted.domain}: {', '.join(accounts) or '(none)'}")


@deploy("New temporary password")
def new_password(user: str | None = None):
    wanted = _settings()
    user = settings.username("user", user)
    if _not_the_keeper(wanted):
        return
    if not _exists(wanted, user):
        raise HardeningError(f"user = {user!r}: no account {user}@{wanted.domain}")
    jid = f"{user}@{wanted.domain}"
    create_account(
        name=f"Prosody: give {jid} a new temporary password",
        jid=jid,
        password=_password(wanted, user, True),
        command="passwd",
    )


def _jail() -> list[str]:
    return host.get_fact(Lines, command="fail2ban-client status prosody 2>&1 || true") or []


@deploy("Jail status")
def jail_status():
    for line in _jail():
        logger.info(f"{host.print_prefix}{line}")


@deploy("Unban")
def unban(address: str | None = None):
    try:
        parsed = ipaddress.ip_address(address)
        if parsed.version == 6 and (parsed.ipv4_mapped or parsed.scope_id):
            parsed = parsed.ipv4_mapped or ipaddress.ip_address(str(address).split("%")[0])
        banned_address = str(parsed)
    except (TypeError, ValueError):
        raise settings.bad("address", address, "an IP address such as 203.0.113.7") from None
    listed = " ".join(_jail()).rsplit("Banned IP list:", 1)[-1].split()
    if banned_address not in listed:
        _say(f"{banned_address} is not banned by the prosody jail")
        return
    run_script(
        name=f"fail2ban: unban {banned_address} from the prosody jail",
        script=f"fail2ban-client set prosody unbanip {shlex.quote(banned_address)}",
    )


@deploy("Re-import the certificate")
def reimport_certificate():
    wanted = _settings()
    paths = certs.Paths(wanted.domain, wanted.live)
    found = host.get_fact(ServerFiles, read=(), look=paths.looks(), digest=paths.digests())
    if not certs.import_needed(paths, found):
        _say(f"Prosody already has the live certificate of {wanted.domain}")
        return
    run_script(
        name=f"Prosody: import the live certificate of {wanted.domain}",
        script=certs.hook_script(paths),
    )
