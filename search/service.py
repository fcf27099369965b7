"""The search engine's one public interface: every app outside search/ asks here.

The one other entry point is `search.registry`, where a content app declares its page
types (`SearchDocument`, from its `AppConfig.ready()`); the declaration's own facets
and database-fallback lookups are built with `Facet` and `any_of` from here.

A search goes: `read(params)` checks the request parameters into a SearchRequest,
`search(search_request)` answers it, OpenSearch first (query.py), the database when
OpenSearch cannot be reached or the breaker is open (breaker.py, fallback.py). The
search web app (searchweb/) draws the pages from that, and so does a page type that
shows a search of part of the site (a spotlight page, the expert directory) through
`page_search_context`, which the web app registers, being above the page types.

- Searching: `read`, `search`, `InvalidParameter`, `SORTS`,
  `MAX_QUERY_WORDS`, `MAX_RESULT_WINDOW`, `UI_LANGUAGES`, `RECOGNISED_FACETS`.
- Facets: `FACETS` (the site's), `FACETS_BY_PARAMETER`, `SPOTLIGHT_FACETS` (a
  collection's), `site_facets(params)`, `type_facets(type)`; `Facet`, `SHARED_FACETS` (the facets
  every page type may carry) and `any_of` for a page type's declaration.
- What a saved search or a feed keeps of a search: `criteria`, `describe`, `read_criteria`.
- Pages showing a search of part of the site: `page_search_context`,
  `type_search_context`; `serve_page_search` for the web app.
- Autocomplete: `suggestions`, `suggestion_type_labels`.
- The index: `enqueue_page` (in the caller's transaction), `rebuild_index`, and for
  the readiness probe `engine_status`, `outbox_status`.
"""

from opensearchpy.exceptions import OpenSearchException

from . import breaker, fallback, index, query, registry, sync
from .client import search_client
from .criteria import criteria, describe, read_criteria
from .documents import UI_LANGUAGES
from .facets import FACETS, FACETS_BY_PARAMETER, SHARED_FACETS, SPOTLIGHT_FACETS, Facet, site_facets
from .fallback import any_of
from .query import MAX_QUERY_WORDS, MAX_RESULT_WINDOW, SORTS, InvalidParameter, SearchRequest
from .suggest import suggestion_type_labels, suggestions
from .sync import enqueue_page
from .understanding import RECOGNISED_FACETS

# What the rest of the site may use (the docstring groups them).
__all__ = [
    "FACETS",
    "FACETS_BY_PARAMETER",
    "MAX_QUERY_WORDS",
    "MAX_RESULT_WINDOW",
    "RECOGNISED_FACETS",
    "SHARED_FACETS",
    "SORTS",
    "SPOTLIGHT_FACETS",
    "UI_LANGUAGES",
    "Facet",
    "InvalidParameter",
    "any_of",
    "criteria",
    "describe",
    "engine_status",
    "enqueue_page",
    "outbox_status",
    "page_search_context",
    "read",
    "read_criteria",
    "rebuild_index",
    "search",
    "serve_page_search",
    "site_facets",
    "suggestion_type_labels",
    "suggestions",
    "type_facets",
    "type_search_context",
]


def read(params, *, ui_language, strict=True, scope=None, facets=FACETS):
    """(SearchRequest, [names of the parameters dropped]) of request parameters (a
    QueryDict); with `strict`, a bad parameter raises InvalidParameter instead."""
    return SearchRequest.from_query_dict(params, ui_language=ui_language, strict=strict, scope=scope, facets=facets)


def search(search_request):
    """The SearchResults of a SearchRequest: hits, facet counts, engine ("opensearch" or "database")."""
    return breaker.call(lambda: query.run(search_request), lambda: fallback.run(search_request))


def type_facets(type_key):
    """The facets a search of one page type alone offers, in its order (SearchDocument.scoped_facets)."""
    declared = registry.get(type_key)
    own = {facet.parameter: facet for facet in declared.facets}
    return [own.get(name) or FACETS_BY_PARAMETER[name] for name in declared.scoped_facets]


# The function that draws a search of part of the site as a page shows it: set by the
# search web app (searchweb/apps.py), which sits above the page types that show one.
_page_search = None


def serve_page_search(function):
    """Called once by the search web app: function(request, *, scope, facets, years) -> context."""
    global _page_search
    _page_search = function


def page_search_context(request, *, scope, facets, years=True):
    """The context of a page showing the search of part of the site: results, facets,
    chips and pagination limited to `scope` (say {"spotlights": slug}), offering
    `facets`, and the year range if `years`. The page's template includes the panel
    it names, `search_panel`."""
    return _page_search(request, scope=scope, facets=facets, years=years)


def type_search_context(request, type_key):
    """page_search_context of one page type alone, with the facets it offers (the expert directory)."""
    return page_search_context(
        request,
        scope={"type": type_key},
        facets=type_facets(type_key),
        years=registry.get(type_key).start_years,
    )


def rebuild_index():
    """Build a new index of every live public page and swap the alias to it."""
    return index.rebuild()


def engine_status():
    """How OpenSearch is doing for the readiness probe; the breaker's state first: while
    it is open nobody asks the node anything."""
    if breaker.is_open():
        return {"status": "degraded", "breaker": "open"}
    try:
        health = search_client().cluster.health()
    except OpenSearchException as error:
        return {"status": "degraded", "breaker": "closed", "error": str(error)[:300]}
    return {
        "status": "ok" if health["status"] in ("green", "yellow") else "degraded",
        "breaker": "closed",
        "cluster": health["status"],
        "nodes": health["number_of_nodes"],
    }


def outbox_status():
    """The changes waiting for the index and the age of the oldest: a worker that stopped shows here."""
    age = sync.backlog_age()
    return {"status": "ok", "backlog": sync.backlog(), "oldest_age_seconds": None if age is None else round(age, 1)}
