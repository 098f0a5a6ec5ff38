"""A failed web login as a browser makes it: XMPP over websocket (RFC 7395) through nginx.

slixmpp speaks XMPP over TCP only, so this is a small client of its own: a TLS connection
to port 443, the websocket upgrade on /xmpp-websocket, the XMPP framing, and one SASL PLAIN
attempt. It can bind to a chosen source address and send a forged X-Forwarded-For header.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import ssl
import struct


def _frame(payload: bytes) -> bytes:
    """A masked text frame, as a client must send it."""
    mask = os.urandom(4)
    head = bytes([0x81])
    size = len(payload)
    if size < 126:
        head += bytes([0x80 | size])
    else:
        head += bytes([0x80 | 126]) + struct.pack("!H", size)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def _read_exact(sock: ssl.SSLSocket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ConnectionError("closed by the server")
        data += chunk
    return data


def _read_frame(sock: ssl.SSLSocket) -> str:
    first, second = _read_exact(sock, 2)
    size = second & 0x7F
    if size == 126:
        size = struct.unpack("!H", _read_exact(sock, 2))[0]
    elif size == 127:
        size = struct.unpack("!Q", _read_exact(sock, 8))[0]
    payload = _read_exact(sock, size)
    if first & 0x0F == 0x8:
        raise ConnectionError("websocket closed")
    return payload.decode("utf-8", "replace")


def _read_until(sock: ssl.SSLSocket, pattern: str, limit: int = 10) -> str:
    seen = ""
    for _ in range(limit):
        seen += _read_frame(sock)
        if re.search(pattern, seen):
            return seen
    raise ConnectionError(f"no {pattern!r} in {seen[:200]!r}")


def web_login(
    address: str,
    domain: str,
    user: str,
    password: str,
    *,
    source: str | None = None,
    forwarded_for: str | None = None,
    timeout: float = 10,
) -> str:
    """One SASL PLAIN attempt over /xmpp-websocket; returns "success" or the failure's
    condition (such as "not-authorized")."""
    raw = socket.create_connection(
        (address, 443), timeout=timeout, source_address=(source, 0) if source else None
    )
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test host's nginx has a self-signed certificate
    with context.wrap_socket(raw, server_hostname=domain) as sock:
        key = base64.b64encode(os.urandom(16)).decode()
        extra = f"X-Forwarded-For: {forwarded_for}\r\n" if forwarded_for else ""
        sock.sendall(
            (
                f"GET /xmpp-websocket HTTP/1.1\r\nHost: {domain}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: xmpp\r\n{extra}\r\n"
            ).encode()
        )
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the websocket upgrade")
            response += chunk
        status = response.split(b"\r\n", 1)[0].decode()
        if " 101 " not in status:
            raise ConnectionError(f"websocket upgrade refused: {status}")

        sock.sendall(
            _frame(
                f'<open xmlns="urn:ietf:params:xml:ns:xmpp-framing" to="{domain}" '
                'version="1.0"/>'.encode()
            )
        )
        _read_until(sock, r"</stream:features>|<stream:features[^>]*/>|mechanisms")
        token = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
        sock.sendall(
            _frame(
                f'<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">{token}'
                "</auth>".encode()
            )
        )
        answer = _read_until(sock, r"<success|<failure")
        if "<success" in answer:
            return "success"
        found = re.search(r"<failure[^>]*>\s*<([a-z-]+)", answer)
        return found.group(1) if found else "failure"
