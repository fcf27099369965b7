"""What a page of search results shows: results as cards, facets, chips and
pagination. The search page shows the whole site (views.py); a spotlight page searches
its collection and a page type's listing (the expert directory) searches that type
alone, both through search.service.page_search_context, which this module serves
(apps.py).

A visitor's query goes one way: the view -> search_context here -> search.service
(read, then search) -> the query and OpenSearch; the results come back here to be
drawn."""

from math import ceil

from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext

from core import links, world_map
from search import registry, service
from searchstats import recording
from searchstats.models import Source
from taxonomy.cache import terms_by_key
from taxonomy.models import City, Country, SustainableDevelopmentGoal

# A facet shows its first values and folds the rest behind "Show all", rather than
# scrolling inside a box that cuts labels off on a phone; a fold hiding a mere value
# or two would cost more than it saves.
FACET_VALUES_SHOWN = 6
FACET_FOLD_MINIMUM = 3


def without(params, name, value=None):
    """The query string without one value of a parameter (or all of it), back on page 1."""
    params = params.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [item for item in params.getlist(name) if item != str(value)])
    return params.urlencode()


def with_value(params, name, value):
    """The query string with one more value of a parameter, back on page 1."""
    params = params.copy()
    params.pop("page", None)
    params.appendlist(name, str(value))
    return params.urlencode()


def filter_suggestions(request, search_request):
    """The recognised terms (search/understanding.py) the page can filter by and does
    not yet, each with the link that applies it."""
    return [
        {
            **term,
            "facet_label": search_request.facet(term["facet"]).label,
            "apply": with_value(request.GET, term["facet"], term["value"]),
        }
        for term in search_request.understanding.described(search_request.facets)
        if term["value"] not in search_request.selections.get(term["facet"], [])
    ]


def search_context(request, *, scope=None, facets=service.FACETS, years=True, source=Source.SEARCH_PAGE):
    """Results, facets, chips and pagination for a search page, whole-site or scoped."""
    search_request, problems = service.read(
        request.GET, ui_language=get_language(), strict=False, scope=scope, facets=facets
    )
    results = service.search(search_request)
    facet_lists = [
        {"parameter": name, "label": search_request.facet(name).label, "values": values, **folded(values)}
        for name, values in results.facets.items()
        if values
    ]
    goals = terms_by_key(SustainableDevelopmentGoal, "number")
    for value in results.facets.get("sdg", []):
        value["colour"] = goals[value["value"]].colour if value["value"] in goals else None
    for rank, hit in enumerate(results.hits, start=search_request.offset + 1):
        card(hit)
        hit["rank"] = rank
    pages = max(1, ceil(results.total / search_request.page_size))
    base = without(request.GET, "page")
    return {
        "query": search_request.text,
        "search": search_request,
        # What a feed or a saved search of this search keeps (search/criteria.py).
        "criteria": service.criteria(search_request),
        "results": results,
        # What the result links hand back when one is opened (searchstats/).
        "search_record": recorded(request, search_request, results, source),
        "facets": facet_lists,
        "chips": chips(request, search_request, results),
        "places": place_filter(request, search_request, results),
        "understood": filter_suggestions(request, search_request),
        "results_map": results_map(request, results.facets.get("city", [])),
        "problems": problems,
        # Some page types have no start years: a search of those alone offers no year range or sort.
        "offers_years": years,
        "sorts": [sort for sort in service.SORTS if years or sort != "start_year"],
        "page_count": pages,
        "previous_page": f"{base}&page={search_request.page - 1}" if search_request.page > 1 else None,
        "next_page": f"{base}&page={search_request.page + 1}" if search_request.page < pages else None,
        # The panel a spotlight page or the directory includes (they cannot name this app's templates).
        "search_panel": "searchweb/includes/search_panel.html",
    }


def recorded(request, search_request, results, source):
    """Notes the search for the editors' analytics, anonymously (searchstats/recording.py)."""
    return recording.searched(
        request,
        source=source,
        language=search_request.ui_language,
        text=search_request.text,
        filters={
            **search_request.scope,
            **search_request.selections,
            "year_from": search_request.year_from,
            "year_to": search_request.year_to,
        },
        results=results.total,
        engine=results.engine,
        first_page=search_request.page == 1,
    )


def chips(request, search_request, results):
    """The filters in force, each with the link that removes it (for a place the words
    named, the link that searches everywhere)."""
    everywhere = with_value(request.GET, "everywhere", 1)
    active = [
        {
            "label": value["label"],
            "remove": everywhere
            if value["value"] in search_request.places.get(parameter, ())
            else without(request.GET, parameter, value["value"]),
        }
        for parameter, values in results.facets.items()
        for value in values
        if value["selected"]
    ]
    for name in ("year_from", "year_to"):
        if getattr(search_request, name):
            active.append({"label": getattr(search_request, name), "remove": without(request.GET, name)})
    return active


def place_filter(request, search_request, results):
    """The places the words named that narrow the results, and the link that undoes it."""
    labels = [
        value["label"]
        for parameter, values in results.facets.items()
        for value in values
        if value["value"] in search_request.places.get(parameter, ())
    ]
    return {"labels": labels, "everywhere": with_value(request.GET, "everywhere", 1)} if labels else None


def folded(values):
    """The values a facet shows first and those behind "Show all", unfolded when one
    of them is ticked so that a ticked box is never hidden."""
    if len(values) < FACET_VALUES_SHOWN + FACET_FOLD_MINIMUM:
        return {"shown": values, "more": [], "more_open": False}
    more = values[FACET_VALUES_SHOWN:]
    return {
        "shown": values[:FACET_VALUES_SHOWN],
        "more": more,
        "more_open": any(value["selected"] for value in more),
    }


def results_map(request, cities):
    """The current results on a world map, a marker per city sized by the city facet's
    count, each leading to this search narrowed to that city; the places are also
    listed beside the map."""
    located = terms_by_key(City, "slug")
    places = []
    for value in cities:
        city = located.get(value["value"])
        # A city the search is narrowed to stays in its facet with no result: no marker.
        if city is None or not value["count"]:
            continue
        params = request.GET.copy()
        params.pop("page", None)
        params.setlist("city", [value["value"]])
        name = ngettext("%(city)s: %(count)s result", "%(city)s: %(count)s results", value["count"]) % {
            "city": value["label"],
            "count": value["count"],
        }
        places.append(world_map.Place(name, f"?{params.urlencode()}", city.latitude, city.longitude, value["count"]))
    return {"map": world_map.draw(places) if places else None, "places": places}


def card(hit):
    """A result as its card shows it: safe highlight, type label, place, and what its
    page type adds (SearchDocument.card)."""
    # OpenSearch HTML-encodes everything but its own <mark> tags ("encoder": "html").
    hit["highlight"] = mark_safe(hit["highlight"]) if hit["highlight"] else None  # noqa: S308
    place = (terms_by_key(City, "slug").get(hit.get("city")), terms_by_key(Country, "code").get(hit.get("country")))
    hit["place"] = ", ".join(str(term) for term in place if term)
    # Every city with a live practice or expert has a page (cities/).
    hit["city_url"] = links.link("city", place[0].slug) if place[0] else None
    declared = registry.get(hit["type"])
    # A document of a type no app registers any more still shows, under its raw type.
    hit["type_label"] = declared.label if declared else hit["type"]
    if declared:
        hit.update(declared.card(hit))


def scoped_search_context(request, *, scope, facets, years):
    """What search.service.page_search_context answers a page that shows the search of
    part of the site: a page type's listing (the expert directory) or a collection."""
    source = Source.DIRECTORY if "type" in scope else Source.SPOTLIGHT
    return search_context(request, scope=scope, facets=facets, years=years, source=source)
