"""Log in to an XMPP server over STARTTLS with a real client (slixmpp), and say how it went.

    python -m tests.xmpp_probe ADDRESS guest.meet.example.org          # anonymous login
    XMPP_PASSWORD=... python -m tests.xmpp_probe ADDRESS alice@meet.example.org
    XMPP_CA_FILE=roots.pem ...     # verify the server's certificate and name against these

Prints "accepted" or "refused: <reason>" and exits 0 or 1. The password comes from the
environment, never the command line, so it does not show in a process list.
"""

from __future__ import annotations

import asyncio
import logging
import os
import ssl
import sys
from dataclasses import dataclass

import slixmpp
import slixmpp.exceptions


@dataclass
class Outcome:
    accepted: bool
    reason: str = ""
    certificate: str | None = None  # the PEM the server presented during STARTTLS


def login(
    address: str,
    jid: str,
    password: str = "",
    *,
    ca_file: str | None = None,
    port: int = 5222,
    timeout: float = 15,
    new_password: str | None = None,
) -> Outcome:
    """Try one SASL login: ANONYMOUS when `jid` is a bare domain, else PLAIN over TLS.

    The mechanism is pinned, since slixmpp would otherwise retry another one after a
    failure and count twice against the server's failed-login limits. With `new_password`,
    the logged-in account then changes its password in-band (XEP-0077), as Gajim or Pidgin
    do; the outcome is accepted only when the server confirms the change.
    """
    anonymous = "@" not in jid
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # slixmpp binds to the current loop when it is created
    client = slixmpp.ClientXMPP(jid, password, sasl_mech="ANONYMOUS" if anonymous else "PLAIN")
    client.enable_direct_tls = False
    client.enable_plaintext = False
    if ca_file:
        client.ca_certs = ca_file
    else:
        client.ssl_context.check_hostname = False
        client.ssl_context.verify_mode = ssl.CERT_NONE

    result: asyncio.Future = loop.create_future()
    outcome = Outcome(False)

    def settle(value: Outcome) -> None:
        if not result.done():
            result.set_result(value)

    def on_cert(pem: str) -> None:
        outcome.certificate = pem

    client.add_event_handler("ssl_cert", on_cert)
    if new_password is not None:
        client.register_plugin("xep_0077")

    async def on_session(_event) -> None:
        if new_password is None:
            settle(Outcome(True))
            return
        try:
            await client.plugin["xep_0077"].change_password(new_password, timeout=timeout)
        except (slixmpp.exceptions.IqError, slixmpp.exceptions.IqTimeout) as error:
            settle(Outcome(False, f"password change refused: {error}"))
        else:
            settle(Outcome(True))

    client.add_event_handler("session_start", on_session)
    client.add_event_handler("failed_auth", lambda _: settle(Outcome(False, "not-authorized")))
    client.add_event_handler("no_auth", lambda _: settle(Outcome(False, "mechanism not offered")))
    client.add_event_handler("ssl_invalid_chain", lambda e: settle(Outcome(False, f"tls: {e}")))
    client.add_event_handler(
        "connection_failed", lambda e: settle(Outcome(False, f"connection failed: {e}"))
    )
    client.add_event_handler("disconnected", lambda _: settle(Outcome(False, "disconnected")))

    try:
        client.connect(address, port)
        final = loop.run_until_complete(asyncio.wait_for(result, timeout))
    except TimeoutError:
        final = Outcome(False, "timed out")
    finally:
        client.disconnect()
        loop.run_until_complete(asyncio.sleep(0.1))
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
    final.certificate = outcome.certificate
    return final


def main() -> int:
    logging.basicConfig(level=logging.CRITICAL)
    address, jid = sys.argv[1], sys.argv[2]
    outcome = login(
        address,
        jid,
        os.environ.get("XMPP_PASSWORD", ""),
        ca_file=os.environ.get("XMPP_CA_FILE") or None,
    )
    print("accepted" if outcome.accepted else f"refused: {outcome.reason}")
    return 0 if outcome.accepted else 1


if __name__ == "__main__":
    sys.exit(main())
