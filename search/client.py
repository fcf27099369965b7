"""One configured OpenSearch client for the whole site, and index names under the
site's prefix (OPENSEARCH_INDEX_PREFIX lets several sites or test runs share a node).

OPENSEARCH_URL may name several nodes of a cluster, separated by commas: a request
that cannot reach one node is retried once on each other node, so losing a node
costs a visitor nothing. A search that timed out is retried too; a write is not,
since it may still be applied (creating an index twice fails)."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from opensearchpy import OpenSearch


def opensearch_hosts(url):
    """[{"host", "port", "scheme"}] of a comma-separated OPENSEARCH_URL; a URL without
    a port means OpenSearch's 9200 (or 443 over https)."""
    hosts = []
    for part in url.split(","):
        parsed = urlsplit(part.strip())
        if not parsed.hostname:
            raise ValueError(f"OPENSEARCH_URL: {part.strip()!r} is not a URL such as http://127.0.0.1:9200")
        scheme = parsed.scheme or "http"
        port = parsed.port or (443 if scheme == "https" else 9200)
        hosts.append({"host": parsed.hostname, "port": port, "scheme": scheme})
    return hosts


# Connections kept open to each node, per process: urllib3 keeps one unless told, so
# a gunicorn worker's threads (and a search's second request, query.ALONGSIDE) each
# opened a new connection and dropped it ("Connection pool is full, discarding").
POOL_SIZE = 16


@cache
def client_for(url, timeout, retry_on_timeout):
    hosts = opensearch_hosts(url)
    # No sniffing: the configured addresses are the ones reachable from here (a node
    # may publish an address only its peers can use).
    return OpenSearch(
        hosts=hosts,
        timeout=timeout,
        retry_on_timeout=retry_on_timeout,
        max_retries=len(hosts) - 1,
        pool_maxsize=POOL_SIZE,
    )


def get_client():
    """For indexing and administration: bulk writes may take seconds."""
    return client_for(settings.OPENSEARCH_URL, settings.OPENSEARCH_TIMEOUT, retry_on_timeout=False)


# Set by search.breaker while the node is suspect (short_timeout()).
suspect = ContextVar("opensearch_suspect", default=False)


@contextmanager
def short_timeout():
    """Searches made inside give up after OPENSEARCH_SUSPECT_TIMEOUT."""
    token = suspect.set(True)
    try:
        yield
    finally:
        suspect.reset(token)


def search_client():
    """For what a visitor waits for, with the short OPENSEARCH_SEARCH_TIMEOUT (shorter
    still while the breaker suspects the node); call it through search.breaker."""
    timeout = settings.OPENSEARCH_SUSPECT_TIMEOUT if suspect.get() else settings.OPENSEARCH_SEARCH_TIMEOUT
    return client_for(settings.OPENSEARCH_URL, timeout, retry_on_timeout=True)


def index_name(name):
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{name}"
