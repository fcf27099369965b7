"""The database search that answers while OpenSearch cannot be reached: the same
request, the same result shape, without facet counts or highlights."""

import re

from django.db.models import Q
from wagtail.models import Locale

from cases.models import CaseStudyPage, CityPortraitPage, PositionPage
from experts.models import ExpertProfilePage
from taxonomy.models import SpotlightFacetValue

from .documents import DOCUMENT_TYPES, build_documents, indexable_pages
from .index import specific_pages
from .query import SearchResults

# How each facet narrows each page type in the database; a type without a lookup
# for a chosen facet carries none of its values and drops out.
SHARED_LOOKUPS = {"theme": "themes__slug__in", "topic": "topics__slug__in", "sdg": "sdgs__number__in"}
MODEL_LOOKUPS = {
    CaseStudyPage: {
        **SHARED_LOOKUPS,
        "region": "city__region__slug__in",
        "country": "city__country__code__in",
        "city": "city__slug__in",
        "target_group": "target_groups__slug__in",
        "approach": "approaches__slug__in",
        "spotlight": "spotlights__slug__in",
        "status": "status__slug__in",
        "facet": lambda key_slugs: Q(spotlight_facet_values__in=facet_values(key_slugs)),
        "year_from": lambda year: Q(start_year__gte=year),
        "year_to": lambda year: Q(start_year__lte=year),
    },
    CityPortraitPage: {
        **SHARED_LOOKUPS,
        "region": "city__region__slug__in",
        "country": "city__country__code__in",
        "city": "city__slug__in",
    },
    PositionPage: SHARED_LOOKUPS,
    ExpertProfilePage: {
        **SHARED_LOOKUPS,
        "region": "country__region__slug__in",
        "country": "country__code__in",
        "city": "city__slug__in",
        "availability": lambda names: any_of(Q(**{name: True}) for name in names),
        "speaks": lambda codes: any_of(Q(languages__regex=rf"(^| ){code}( |$)") for code in codes),
    },
}
MAX_MATCHES = 1000
TYPE_MODELS = {name: model for model, name in DOCUMENT_TYPES.items()}


def any_of(conditions):
    combined = Q(pk__in=[])
    for condition in conditions:
        combined |= condition
    return combined


def condition(lookup, value):
    return lookup(value) if callable(lookup) else Q(**{lookup: value})


def filtered_pages(search):
    locales = Locale.objects.filter(language_code__in=search.selections.get("language", [search.ui_language]))
    pages = indexable_pages().filter(locale__in=locales)
    types = search.selections.get("type") or ([search.scope["type"]] if "type" in search.scope else [])
    if types:
        pages = pages.type(*(TYPE_MODELS[name] for name in types))
    filters = {name: values for name, values in search.selections.items() if name not in ("type", "language")}
    if "spotlights" in search.scope:
        filters["spotlight"] = [search.scope["spotlights"]]
    filters.update({name: getattr(search, name) for name in ("year_from", "year_to") if getattr(search, name)})
    if not filters:
        return pages
    matching = Q(pk__in=[])
    for model, lookups in MODEL_LOOKUPS.items():
        if set(filters) <= set(lookups):
            narrowed = model.objects.all()
            for name, value in filters.items():
                narrowed = narrowed.filter(condition(lookups[name], value))
            matching |= Q(pk__in=narrowed.values("pk"))
    return pages.filter(matching)


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
