"""Which addresses a server bound to `host` can be reached at, to tell the facilitator."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ALL_INTERFACES = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback (best effort, no packet sent)."""
    found: list[str] = []
    # The address of the interface that would route to the outside (connect() on UDP sends
    # nothing), then whatever the host name resolves to.
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere for real
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    out = []
    for address in found:
        if address not in out and not is_loopback(address) and address != "0.0.0.0":
            out.append(address)
    return out


def reachable_urls(host: str, port: int) -> list[str]:
    """The URLs people would type to reach a server bound to `host`."""
    hosts = (lan_addresses() or ["127.0.0.1"]) if host in ALL_INTERFACES else [host]
    return [f"http://{'[' + h + ']' if ':' in h else h}:{port}/" for h in hosts]
