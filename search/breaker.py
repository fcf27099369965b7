"""A circuit breaker in front of OpenSearch for what visitors wait for (search,
suggestions, exports, similar pages): a node that hangs would otherwise cost every
request the full timeout.

Its state lives in Django's default cache, so every process that shares the cache
agrees (with a per-process cache, each process trips on its own failures):

- closed: reads go to OpenSearch; failures and timeouts are counted for
  SEARCH_BREAKER_WINDOW seconds, and after one of them the node is suspect: reads
  give up after OPENSEARCH_SUSPECT_TIMEOUT until one succeeds;
- open: after SEARCH_BREAKER_FAILURES of them, reads go straight to the fallback for
  SEARCH_BREAKER_COOL_DOWN seconds;
- half-open: after the cool-down one request (whichever adds the probe key first)
  tries OpenSearch (with the suspect's timeout) while the others keep the fallback;
  its success closes the breaker, its failure opens it again.

Counting is approximate with a cache whose `incr` is not atomic (the database cache):
a failure or two may be lost in a race, which only delays the opening.
"""

import logging
from contextlib import nullcontext
from math import ceil

from django.conf import settings
from django.core.cache import cache
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from core import page_cache
from core.throttle import counted

from .client import short_timeout

logger = logging.getLogger(__name__)

OPEN = "search-breaker:open"
TRIPPED = "search-breaker:tripped"
FAILURES = "search-breaker:failures"
PROBE = "search-breaker:probe"
SUSPECT = "search-breaker:suspect"


# What OpenSearch answers with a 500 although the request is at fault: a query with
# more clauses than the node allows (`indices.query.bool.max_clause_count`), or one it
# cannot parse. The node is as healthy as before.
REQUEST_FAULTS = frozenset({
    "too_many_clauses", "too_many_nested_clauses", "query_shard_exception", "parsing_exception",
    "x_content_parse_exception", "illegal_argument_exception", "search_context_missing_exception",
})  # fmt: skip


def caused_by_request(error):
    """Whether OpenSearch refused the request itself: a 4xx (bar 429, too many
    requests), or a 500 whose every root cause is one of REQUEST_FAULTS."""
    status = error.status_code
    if not isinstance(status, int) or isinstance(error, OpenSearchConnectionError):
        return False
    if 400 <= status < 500:
        return status != 429
    info = error.info if isinstance(error.info, dict) else {}
    details = info.get("error") if isinstance(info.get("error"), dict) else {}
    causes = {cause.get("type") for cause in details.get("root_cause") or () if isinstance(cause, dict)}
    return status == 500 and bool(causes) and causes <= REQUEST_FAULTS


def counts_as_failure(error):
    """The node is down, hung or overloaded. An error about the request (a query it
    refused, a missing index) says nothing of its health, and must not let one
    visitor's odd query send everybody to the database."""
    return not caused_by_request(error)


def call(read, fallback):
    """read() from OpenSearch unless the breaker is open; fallback() when it is, or when the read fails.
    A page showing a fallback's answer is not cached; one showing the index's answer
    is cached until the index changes (core/page_cache.py)."""
    state = cache.get_many([OPEN, TRIPPED, SUSPECT])
    probing = TRIPPED in state
    suspect = probing or SUSPECT in state
    # The probe key outlives one read at most, so a probe that never reports frees its turn.
    if OPEN in state or (probing and not cache.add(PROBE, True, timeout=ceil(settings.OPENSEARCH_SEARCH_TIMEOUT) + 1)):
        return fall_back(fallback)
    try:
        with short_timeout() if suspect else nullcontext():
            result = read()
    except TransportError as error:
        log = logger.warning if isinstance(error, (OpenSearchConnectionError, NotFoundError)) else logger.error
        log("OpenSearch unavailable, answering from the database: %s", error)
        if counts_as_failure(error):
            failed(probing)
        elif suspect:
            # The node answered: it is well, whatever it thought of the request.
            answered(probing)
        return fall_back(fallback)
    if suspect:
        answered(probing)
    page_cache.depends_on_index()
    return result


def answered(probing):
    """The node answered in time: no longer suspect, and after a probe, closed. (Failures
    still count within their window: a node that fails every other read must trip.)"""
    if probing:
        cache.delete_many([TRIPPED, PROBE, FAILURES, SUSPECT])
        logger.warning("OpenSearch answers again: search breaker closed")
    else:
        cache.delete(SUSPECT)


def fall_back(fallback):
    page_cache.do_not_cache()
    return fallback()


def failed(probing):
    cache.set(SUSPECT, True, timeout=settings.SEARCH_BREAKER_WINDOW)
    failures = counted(FAILURES, settings.SEARCH_BREAKER_WINDOW)
    if probing or failures >= settings.SEARCH_BREAKER_FAILURES:
        cache.set(OPEN, True, timeout=settings.SEARCH_BREAKER_COOL_DOWN)
        # Stays until a probe succeeds, so the first read after the cool-down is a probe.
        cache.set(TRIPPED, True, timeout=None)
        cache.delete_many([FAILURES, PROBE])
        logger.error(
            "Search breaker open: reads go to the database for %s s after %s failures",
            settings.SEARCH_BREAKER_COOL_DOWN,
            failures,
        )


def is_open():
    """True while reads skip OpenSearch (for /readyz, tests and the bench)."""
    return cache.get(OPEN) is not None
