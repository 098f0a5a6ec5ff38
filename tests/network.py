"""TCP checks of the test hosts' ports, as a client would make them."""

from __future__ import annotations

import socket
import time


def connects(address: str, port: int, source: str | None = None) -> bool:
    """Whether a new connection (from `source`, if given) is accepted; False when refused."""
    try:
        socket.create_connection(
            (address, port), timeout=3, source_address=(source, 0) if source else None
        ).close()
    except ConnectionRefusedError:
        return False
    return True


def refused_soon(address: str, port: int, source: str | None = None) -> bool:
    """fail2ban lists a ban before its action has added the firewall rule: give the rule
    up to 10 s to appear."""
    for _ in range(100):
        if not connects(address, port, source):
            return True
        time.sleep(0.1)
    return False


def wait_for_port(address: str, port: int) -> None:
    """Wait up to 10 s for a service that systemd reports started before it listens."""
    for _ in range(100):
        try:
            socket.create_connection((address, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
