"""One configured OpenSearch client for the whole site, and index names under the
site's prefix (OPENSEARCH_INDEX_PREFIX lets several sites or test runs share a node)."""

from functools import cache

from django.conf import settings
from opensearchpy import OpenSearch


@cache
def client_for(url, timeout):
    return OpenSearch(hosts=[url], timeout=timeout, retry_on_timeout=False, max_retries=0)


def get_client():
    """For indexing and administration: bulk writes may take seconds."""
    return client_for(settings.OPENSEARCH_URL, settings.OPENSEARCH_TIMEOUT)


def search_client():
    """For what a visitor waits for, with the short OPENSEARCH_SEARCH_TIMEOUT; call it
    through search.breaker."""
    return client_for(settings.OPENSEARCH_URL, settings.OPENSEARCH_SEARCH_TIMEOUT)


def index_name(name):
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{name}"
