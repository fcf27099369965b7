"""Counting what a client does per minute (or any period) in Django's default cache,
so every process that shares the cache counts together.

A fixed window: simple and cheap (one add and one incr per call); a client may spend
two windows' worth across a boundary, which is acceptable for what it guards.
"""

import time
from math import ceil

from django.core.cache import cache


def wait_seconds(scope, client, limit, period):
    """Count one call of `scope` by `client`; 0 when it is within `limit` calls per
    `period` seconds, otherwise the seconds until the next window (for Retry-After)."""
    now = time.time()
    window = int(now // period)
    count = counted(f"throttle:{scope}:{client}:{window}", period)
    return 0 if count <= limit else max(1, ceil((window + 1) * period - now))


def counted(key, timeout):
    """Add one to the counter `key` (created for `timeout` seconds) and return it."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # the counter expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1
