"""What a search is about, apart from how its page shows it: the words, the filters
and the year range, as a query string. A feed and a saved search keep these and drop
the sort, the page and the page size, and anything the search page would ignore."""

from django.http import QueryDict
from django.utils.translation import gettext as _

from .query import SearchRequest


def criteria(search):
    """The query string of a SearchRequest's criteria, in a stable order."""
    params = QueryDict(mutable=True)
    if search.text:
        params["q"] = search.text
    for facet in search.facets:
        for value in search.selections.get(facet.parameter, []):
            params.appendlist(facet.parameter, str(value))
    for name in ("year_from", "year_to"):
        if getattr(search, name):
            params[name] = str(getattr(search, name))
    return params.urlencode()


def read_criteria(query_string, *, ui_language, strict=False):
    """The SearchRequest of a stored or requested query string, newest first."""
    search, problems = SearchRequest.from_query_dict(QueryDict(query_string), ui_language=ui_language, strict=strict)
    search.sort = "newest"
    return search, problems


def describe(search, length=100):
    """The search as a person reads it: its words and its filters' labels, in the active language."""
    parts = [f"“{search.text}”"] if search.text else []
    for facet in search.facets:
        parts += facet.labels(search.selections.get(facet.parameter, [])).values()
    parts += [str(year) for year in (search.year_from, search.year_to) if year]
    name = " · ".join(parts) or _("All practices and experts")
    return name if len(name) <= length else name[: length - 1] + "…"
