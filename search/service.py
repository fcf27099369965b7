"""One entry point for the search page, the scoped searches, the exports and the API:
OpenSearch first, the database when OpenSearch cannot be reached or the breaker is
open (search/breaker.py)."""

from . import breaker, fallback, query


def search(request):
    return breaker.call(lambda: query.run(request), lambda: fallback.run(request))
