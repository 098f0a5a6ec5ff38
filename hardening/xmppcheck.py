"""A minimal XMPP client for the live audit (verify.py), on the standard library only.

It opens a client stream, upgrades it with STARTTLS (without verifying the certificate: it
hands the certificate back to be compared with the live one), and tries one SASL ANONYMOUS
login, which tells whether a domain lets people in without an account.
"""

from __future__ import annotations

import hashlib
import re
import socket
import ssl
import time
from dataclasses import dataclass

STREAM = (
    "<?xml version='1.0'?><stream:stream to='{domain}' version='1.0' "
    "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
)


@dataclass(frozen=True)
class Probe:
    certificate_sha256: str | None  # of the DER certificate presented during STARTTLS
    anonymous: str  # "accepted", "refused: <condition>", "not offered", or "error: ..."


def _read_until(sock, pattern: str, deadline: float, limit: int = 65536) -> str:
    """Read until `pattern` shows, or fail at `deadline`: one deadline for the whole probe,
    so a server that answers a byte at a time cannot keep the audit waiting."""
    data = ""
    while not re.search(pattern, data):
        left = deadline - time.monotonic()
        if left <= 0:
            raise ConnectionError(f"no answer in time (waiting for {pattern!r})")
        sock.settimeout(left)
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError(f"closed by the server while waiting for {pattern!r}")
        data += chunk.decode("utf-8", "replace")
        if len(data) > limit:
            raise ConnectionError("answer too long")
    return data


def probe(address: str, domain: str, port: int = 5222, timeout: float = 10) -> Probe:
    """Connect to `address`, ask for `domain`, and try an anonymous login over TLS."""
    certificate = None
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection((address, port), timeout=timeout) as raw:
            raw.sendall(STREAM.format(domain=domain).encode())
            features = _read_until(raw, r"</stream:features>", deadline)
            if "urn:ietf:params:xml:ns:xmpp-tls" not in features:
                return Probe(None, "error: the server offers no STARTTLS")
            raw.sendall(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
            _read_until(raw, r"<proceed", deadline)
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # compared with the live certificate instead
            with context.wrap_socket(raw, server_hostname=domain) as tls:
                der = tls.getpeercert(binary_form=True)
                certificate = hashlib.sha256(der).hexdigest() if der else None
                tls.sendall(STREAM.format(domain=domain).encode())
                features = _read_until(tls, r"</stream:features>", deadline)
                if "<mechanism>ANONYMOUS</mechanism>" not in features:
                    return Probe(certificate, "not offered")
                tls.sendall(
                    b"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='ANONYMOUS'/>"
                )
                answer = _read_until(tls, r"<success|</failure>|<failure[^>]*/>", deadline)
                if "<success" in answer:
                    return Probe(certificate, "accepted")
                found = re.search(r"<failure[^>]*>\s*<([a-z-]+)", answer)
                return Probe(certificate, f"refused: {found.group(1) if found else 'failure'}")
    except (OSError, ConnectionError, ssl.SSLError) as error:
        return Probe(certificate, f"error: {error}")
