from math import ceil

from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from experts.models import Availability
from taxonomy.models import City, Country, SustainableDevelopmentGoal

from . import service
from .facets import FACETS, TYPE_LABELS, terms_by_key
from .query import SORTS, SearchRequest


def without(params, name, value=None):
    """The query string without one value of a parameter (or all of it), back on page 1."""
    params = params.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [item for item in params.getlist(name) if item != str(value)])
    return params.urlencode()


def search(request):
    """The search page: a GET form that works without JavaScript; with it, the form
    submits itself as filters change and the URL stays shareable."""
    return render(request, "search/search.html", search_context(request))


def search_context(request, *, scope=None, facets=FACETS, years=True):
    """Results, facets, chips and pagination for a search page, whole-site or scoped."""
    search_request, problems = SearchRequest.from_query_dict(
        request.GET, ui_language=get_language(), strict=False, scope=scope, facets=facets
    )
    results = service.search(search_request)
    facet_lists = [
        {"parameter": name, "label": search_request.facet(name).label, "values": values}
        for name, values in results.facets.items()
        if values
    ]
    goals = terms_by_key(SustainableDevelopmentGoal, "number")
    for value in results.facets.get("sdg", []):
        value["colour"] = goals[value["value"]].colour if value["value"] in goals else None
    chips = [
        {"label": value["label"], "remove": without(request.GET, facet["parameter"], value["value"])}
        for facet in facet_lists
        for value in facet["values"]
        if value["selected"]
    ]
    for name in ("year_from", "year_to"):
        if getattr(search_request, name):
            chips.append({"label": getattr(search_request, name), "remove": without(request.GET, name)})
    cities, countries = terms_by_key(City, "slug"), terms_by_key(Country, "code")
    offers = dict(Availability.choices)
    for hit in results.hits:
        # OpenSearch HTML-encodes everything but its own <mark> tags ("encoder": "html").
        hit["highlight"] = mark_safe(hit["highlight"]) if hit["highlight"] else None  # noqa: S308
        hit["type_label"] = TYPE_LABELS.get(hit["type"], hit["type"])
        place = (cities.get(hit.get("city")), countries.get(hit.get("country")))
        hit["place"] = ", ".join(str(term) for term in place if term)
        hit["offers"] = [offers[value] for value in hit.get("availability") or () if value in offers]
    pages = max(1, ceil(results.total / search_request.page_size))
    base = without(request.GET, "page")
    return {
        "query": search_request.text,
        "search": search_request,
        "results": results,
        "facets": facet_lists,
        "chips": chips,
        "problems": problems,
        # Only cases have start years: a search scoped to experts offers no year range or sort.
        "offers_years": years,
        "sorts": [sort for sort in SORTS if years or sort != "start_year"],
        "page_count": pages,
        "previous_page": f"{base}&page={search_request.page - 1}" if search_request.page > 1 else None,
        "next_page": f"{base}&page={search_request.page + 1}" if search_request.page < pages else None,
    }
