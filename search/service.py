"""One entry point for the search page, the scoped searches and the API: OpenSearch
first, the database when OpenSearch cannot be reached."""

import logging

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from . import fallback, query

logger = logging.getLogger(__name__)


def search(request):
    try:
        return query.run(request)
    except (OpenSearchConnectionError, NotFoundError) as error:
        logger.warning("OpenSearch unavailable, answering from the database: %s", error)
    except TransportError as error:
        # A cluster that answers but fails (red index, 5xx): the visitor still gets results.
        logger.error("OpenSearch failed, answering from the database: %s", error)
    return fallback.run(request)
