"""Live audit: is each server still hardened? Changes nothing.

    pyinfra -y inventories/prod.py verify.py

Per host, it logs in over XMPP from this machine (anonymous must be refused on the meeting
domain and accepted on the guest domain; the certificate on port 5222 must be the live
Let's Encrypt one, not close to its end), asks the server in one command about its
services, the renewal hook, the prosody jail and whether its filter matches the line
mod_log_auth writes today, and compares every file the deploy manages with what the deploy
would write. Each finding is one warning line; a host with findings ends with a failed
"Audit" operation, so pyinfra exits with a non-zero status.
"""

from pyinfra import host, logger
from pyinfra.api import StringCommand, deploy, operation

from hardening import audit, settings
from hardening.remote import Lines, current_run
from hardening.xmppcheck import probe


@operation(is_idempotent=False)
def report(count: int):
    """
    Fail, naming how many findings the audit logged above (changes nothing).

    + count: the number of findings
    """
    yield StringCommand(f"echo 'verify: {count} finding(s), see the warnings above' >&2; exit 1")


@deploy("Audit")
def verify_host():
    run = current_run()
    wanted = run.settings
    facts = audit.parse_facts(host.get_fact(Lines, command=audit.facts_command(wanted)) or [])
    address = host.data.get("ssh_hostname") or host.name
    found = audit.findings(
        wanted, run.snapshot, facts, probe(address, wanted.domain), probe(address, wanted.guest)
    )
    for line in found:
        logger.warning(f"{host.print_prefix}{line}")
    if found:
        report(
            name=f"{len(found)} finding(s): this server is not as hardened as it should be",
            count=len(found),
        )
    else:
        logger.info(f"{host.print_prefix}hardened: every check passed")


if settings.is_videobridge(host.groups, host.data.get):
    logger.info(f"{host.print_prefix}videobridge-only host: nothing of the deploy to audit")
else:
    verify_host()
