"""The locks of the phones' server: signed cookies, wrong-code limits, Host and Origin checks,
per-address connection caps. Pure logic and aiohttp glue, no page here.

Why these numbers (see docs/capture-and-serve.md): a table code has 5 characters of a 31-letter
alphabet (28 million codes). An address may get WRONG_PER_ADDRESS codes wrong per WINDOW_S, and
the whole room WRONG_TOTAL, so someone guessing gets at most 180 tries an hour whatever the
number of addresses they use: about 0.08 % chance an hour of finding one of 125 table codes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

WINDOW_S = 600.0
WRONG_PER_ADDRESS = 5
WRONG_TOTAL = 30
COOKIE_NAME = "facilitation"
COOKIE_MAX_AGE_S = 3 * 24 * 3600
CONNECTIONS_PER_ADDRESS = 32


@dataclass(frozen=True)
class Session:
    """What a signed cookie says: which device, in which role, for which table."""

    device: str
    role: str  # "table" | "room" | "reports"
    table: int | None
    issued: float


class Signer:
    """HMAC-SHA256 signed, base64 cookie values; nothing secret is inside, only ids."""

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        self.secret = secret
        self.clock = clock

    def _mac(self, body: bytes) -> str:
        return hmac.new(self.secret, body, hashlib.sha256).hexdigest()[:32]

    def dumps(self, session: Session) -> str:
        payload = {"d": session.device, "r": session.role, "t": session.table, "i": session.issued}
        body = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode())
        return f"{body.decode()}.{self._mac(body)}"

    def loads(self, value: str | None) -> Session | None:
        """The session of a cookie value, or None if it is missing, forged, or too old."""
        if not value or "." not in value or len(value) > 512:
            return None
        body, mac = value.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac(body.encode())):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(body.encode()))
            session = Session(str(data["d"]), str(data["r"]), data["t"], float(data["i"]))
        except (ValueError, KeyError, TypeError):
            return None
        if session.table is not None and not isinstance(session.table, int):
            return None
        if self.clock() - session.issued > COOKIE_MAX_AGE_S:
            return None
        return session


class AttemptLimiter:
    """Wrong codes per client address and in total, over a sliding window. Kept by address,
    so closing the page or reconnecting does not give new tries."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.by_address: dict[str, deque[float]] = defaultdict(deque)
        self.total: deque[float] = deque()

    def _trim(self, times: deque[float]) -> None:
        horizon = self.clock() - WINDOW_S
        while times and times[0] < horizon:
            times.popleft()

    def blocked(self, address: str) -> str | None:
        """ "address" or "room" when a new attempt from `address` must be refused, else None."""
        mine = self.by_address.get(address)
        if mine is not None:
            self._trim(mine)
            if len(mine) >= WRONG_PER_ADDRESS:
                return "address"
            if not mine:
                del self.by_address[address]
        self._trim(self.total)
        return "room" if len(self.total) >= WRONG_TOTAL else None

    def failed(self, address: str, at: float | None = None) -> None:
        when = self.clock() if at is None else at
        self.by_address[address].append(when)
        self.total.append(when)

    def retry_after(self, address: str) -> int:
        """Seconds until `address` may try again (rounded up to a minute's worth)."""
        times = self.by_address.get(address) or self.total
        if not times:
            return 0
        return max(1, int(times[0] + WINDOW_S - self.clock()) + 1)


def host_allowed(host_header: str) -> bool:
    """DNS rebinding: a page of another site reaches us only through a host *name* it
    controls; people type or scan an address. So the Host must be an IP address or
    localhost (with any port)."""
    host = host_header.strip().lower()
    if not host or len(host) > 255:
        return False
    if host.startswith("["):  # [::1]:8000
        end = host.find("]")
        if end < 0:
            return False
        name, rest = host[1:end], host[end + 1 :]
        if rest and not (rest.startswith(":") and rest[1:].isdigit()):
            return False
    else:
        name, _sep, port = host.partition(":")
        if port and not port.isdigit():
            return False
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def origin_allowed(origin: str | None, scheme: str, host: str) -> bool:
    """A write or a websocket must come from a page of this server."""
    return bool(origin) and origin == f"{scheme}://{host}"


def peer_address(transport: object) -> str:
    """The client's IP address of a connection ('' if unknown)."""
    get = getattr(transport, "get_extra_info", None)
    peer = get("peername") if get else None
    return str(peer[0]) if isinstance(peer, tuple) and peer else ""


class ConnectionCap:
    """At most CONNECTIONS_PER_ADDRESS open connections per client address: the one over is
    closed at once, so one device holding sockets open cannot lock the others out. Idle ones
    are closed by aiohttp's keep-alive timeout (also armed before the first request)."""

    def __init__(self, per_address: int = CONNECTIONS_PER_ADDRESS) -> None:
        self.per_address = per_address
        self.open: dict[str, int] = defaultdict(int)
        self.refused = 0

    def install(self, server: object) -> None:
        """Wrap an aiohttp `web.Server`'s connection callbacks."""
        made = server.connection_made  # type: ignore[attr-defined]
        lost = server.connection_lost  # type: ignore[attr-defined]
        counted: dict[int, str] = {}

        def connection_made(handler: object, transport: object) -> None:
            address = peer_address(transport)
            if self.open[address] >= self.per_address:
                self.refused += 1
                transport.abort()  # type: ignore[attr-defined]
                return
            self.open[address] += 1
            counted[id(handler)] = address
            made(handler, transport)

        def connection_lost(handler: object, exc: BaseException | None = None) -> None:
            address = counted.pop(id(handler), None)
            if address is not None:
                self.open[address] -= 1
                if self.open[address] <= 0:
                    del self.open[address]
            lost(handler, exc)

        server.connection_made = connection_made  # type: ignore[attr-defined]
        server.connection_lost = connection_lost  # type: ignore[attr-defined]
