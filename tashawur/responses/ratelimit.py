"""Counting what one sender does in a window of time, in Django's cache.

A fixed window per hour: simple, and enough to stop one address or one machine
from flooding a consultation (or someone's inbox with confirmation requests).
The cache must be shared by all web processes for the limit to hold across
them (Django's default local-memory cache is per process).
"""

import hashlib
import ipaddress
import time
from dataclasses import dataclass

from django.core.cache import cache

HOUR = 3600


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` events per ``window`` seconds for one identity in ``scope``; 0 means no limit."""

    scope: str
    limit: int
    window: int = HOUR

    def _key(self, identity: str, now: float) -> str:
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]  # no personal data in cache keys
        return f"ratelimit:{self.scope}:{digest}:{int(now // self.window)}"

    def retry_after(self, identity: str, *, now: float | None = None) -> int | None:
        """Seconds until ``identity`` may act again, or None when it may act now."""
        if self.limit <= 0:
            return None
        now = time.time() if now is None else now
        if cache.get(self._key(identity, now), 0) < self.limit:
            return None
        return max(1, int(self.window - now % self.window))

    def hit(self, identity: str, *, now: float | None = None) -> int:
        """Count one event; returns the count in the current window."""
        now = time.time() if now is None else now
        key = self._key(identity, now)
        cache.add(key, 0, timeout=self.window)
        try:
            return cache.incr(key)
        except ValueError:  # the entry expired between add and incr
            cache.set(key, 1, timeout=self.window)
            return 1


def client_address(meta: dict, *, proxies: int = 0) -> str:
    """The client's address as a rate-limit identity.

    Behind ``proxies`` trusted reverse proxies the client is the entry that many
    places from the end of X-Forwarded-For (earlier entries can be forged).
    An IPv6 client is counted by its /64 network: one host usually holds a whole one.
    """
    address = meta.get("REMOTE_ADDR", "")
    if proxies > 0:
        forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
