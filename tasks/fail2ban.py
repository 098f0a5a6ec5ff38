"""Section 6: failed logins, on the web and over XMPP, get the client's address banned.

nginx passes the client's address on every XMPP path of Jitsi's site (it does not on
/xmpp-websocket), so Prosody logs web failures with it; fail2ban's prosody-auth filter
and prosody jail then ban that address on the web and XMPP ports. Every fail2ban file is
checked with `fail2ban-client -t` as it is installed, and nginx's site with `nginx -t`.
"""

from pyinfra import host, logger
from pyinfra.api import deploy

from hardening import fail2ban, plan
from hardening.remote import current_run, edit, install, install_package


@deploy("fail2ban")
def fail2ban_jail():
    run = current_run()
    edit(run, plan.pass_client_address(run.domain, run.snapshot))
    stream = plan.behind_turn_multiplexer(run.domain, run.snapshot)
    if stream:
        logger.warning(
            f"{host.print_prefix}{stream}: Jitsi's TURN port multiplexer hands every web client "
            "to nginx from 127.0.0.1, so failed web logins cannot be banned; failed logins on "
            "XMPP port 5222 still are"
        )
    if not run.snapshot.exists(fail2ban.CLIENT):
        install_package("fail2ban", "which bans the addresses of failed logins")
    for item in plan.fail2ban_files(run.settings.fail2ban, run.snapshot):
        install(run, item, check=fail2ban.CHECK)
