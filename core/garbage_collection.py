"""Keeping the start-up objects out of the garbage collector's walks.

Python's cyclic collector walks every container object it tracks, and a Django and
Wagtail process holds about 350,000 of them from start-up (modules, classes, URL
patterns, model and form metadata) that live as long as the process. Each full
collection walks them all again, adding tens of milliseconds to whichever request it
lands in: on the 10,000-case demo that was a good part of the pages' p95. Frozen, they
are left out of every collection; what requests create is collected as before.
https://docs.python.org/3/library/gc.html#gc.freeze
"""

import gc

from django.urls import get_resolver


def freeze_startup_objects():
    """Load what the first request would otherwise load (the URL patterns and every
    view module they import), drop start-up's garbage, then freeze what is left."""
    get_resolver().url_patterns  # noqa: B018 - evaluated for its imports
    gc.collect()
    gc.freeze()
