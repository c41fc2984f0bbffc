"""A fixed-window rate limit per client address, in the shared cache (Redis when configured)."""

import time

from django.core.cache import cache


def client_address(request) -> str:
    """The client's address as the web server reports it (a proxy in front sets REMOTE_ADDR through gunicorn's
    forwarded-allow-ips)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_exceeded(scope: str, address: str, limit: tuple[int, int]) -> bool:
    """Count one use of `scope` by `address`; whether it goes beyond `limit` (count, seconds) in this window."""
    count, seconds = limit
    key = f"ratelimit:{scope}:{address}:{int(time.time()) // seconds}"
    if cache.add(key, 1, timeout=seconds):
        return 1 > count
    try:
        return cache.incr(key) > count
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return False
