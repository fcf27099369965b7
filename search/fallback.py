"""The database search that answers while OpenSearch cannot be reached: the same
request, the same result shape, without facet counts or highlights."""

import re

from django.db.models import Q
from wagtail.models import Locale

from cases.models import CaseStudyPage
from home.models import SpotlightFacetValue

from .documents import DOCUMENT_TYPES, build_documents, indexable_pages
from .index import specific_pages
from .query import SearchResults

# How each facet narrows cases in the database; other page types carry none of them.
CASE_LOOKUPS = {
    "theme": "themes__slug__in",
    "topic": "topics__slug__in",
    "sdg": "sdgs__number__in",
    "region": "city__region__slug__in",
    "country": "city__country__code__in",
    "city": "city__slug__in",
    "target_group": "target_groups__slug__in",
    "approach": "approaches__slug__in",
    "spotlight": "spotlights__slug__in",
    "status": "status__slug__in",
}
MAX_MATCHES = 1000
TYPE_MODELS = {name: model for model, name in DOCUMENT_TYPES.items()}


def filtered_pages(search):
    locales = Locale.objects.filter(language_code__in=search.selections.get("language", [search.ui_language]))
    pages = indexable_pages().filter(locale__in=locales)
    if "type" in search.selections:
        pages = pages.type(*(TYPE_MODELS[name] for name in search.selections["type"]))
    case_filters = {CASE_LOOKUPS[name]: values for name, values in search.selections.items() if name in CASE_LOOKUPS}
    if search.year_from:
        case_filters["start_year__gte"] = search.year_from
    if search.year_to:
        case_filters["start_year__lte"] = search.year_to
    if "spotlights" in search.scope:
        case_filters["spotlights__slug"] = search.scope["spotlights"]
    if case_filters or "facet" in search.selections:
        cases = CaseStudyPage.objects.all()
        for lookup, value in case_filters.items():
            cases = cases.filter(**{lookup: value})
        if "facet" in search.selections:
            cases = cases.filter(spotlight_facet_values__in=facet_values(search.selections["facet"]))
        pages = pages.filter(pk__in=cases.values("pk"))
    return pages


def facet_values(key_slugs):
    chosen = Q()
    for key_slug in key_slugs:
        key, slug = key_slug.split(":", 1)
        chosen |= Q(facet__key=key, slug=slug)
    return SpotlightFacetValue.objects.filter(chosen)


def run(search):
    pages = filtered_pages(search)
    # Database full-text engines give quotes and operators a syntax of their own: search the words alone.
    words = " ".join(re.findall(r"\w+", search.text))
    if words:
        # The database search backends filter only on indexed fields: rank the live
        # pages first, then keep the filtered ones in that order.
        wanted = set(pages.values_list("pk", flat=True))
        ranked = indexable_pages().search(words, operator="and")[:MAX_MATCHES]
        ordered = [page.pk for page in ranked if page.pk in wanted]
    else:
        ordered = list(pages.order_by("-first_published_at").values_list("pk", flat=True)[:MAX_MATCHES])
    window = ordered[search.offset : search.offset + search.page_size]
    position = {pk: rank for rank, pk in enumerate(window)}
    documents = sorted(build_documents(specific_pages(window)), key=lambda doc: position[doc["page_id"]])
    return SearchResults(
        total=len(ordered),
        hits=[{**doc, "highlight": None} for doc in documents],
        facets={},
        suggestion=None,
        engine="database",
    )
