"""The database search that answers while OpenSearch cannot be reached: the same
request, the same result shape, without facet counts or highlights."""

import re

from django.db.models import Q
from wagtail.models import Locale

from . import registry
from .documents import build_documents, indexable_pages
from .facets import FACETS
from .index import specific_pages
from .query import SearchResults

MAX_MATCHES = 1000


def any_of(conditions):
    """One Q that any of these conditions satisfies (none: nothing)."""
    combined = Q(pk__in=[])
    for condition in conditions:
        combined |= condition
    return combined


def lookups(declared):
    """How each facet narrows pages of this type in the database: through the
    vocabulary relations it declares, then its own lookups."""
    related = {
        facet.parameter: f"{facet.field}__{facet.lookup}__in" for facet in FACETS if facet.field in declared.taxonomies
    }
    return {**related, **declared.fallback_lookups}


def condition(lookup, value):
    return lookup(value) if callable(lookup) else Q(**{lookup: value})


def filtered_pages(search):
    locales = Locale.objects.filter(language_code__in=search.selections.get("language", [search.ui_language]))
    pages = indexable_pages().filter(locale__in=locales)
    types = search.selections.get("type") or ([search.scope["type"]] if "type" in search.scope else [])
    if types:
        pages = pages.type(*(registry.get(name).model for name in types))
    filters = {name: values for name, values in search.selections.items() if name not in ("type", "language")}
    if "spotlights" in search.scope:
        filters["spotlight"] = [search.scope["spotlights"]]
    filters.update({name: getattr(search, name) for name in ("year_from", "year_to") if getattr(search, name)})
    if not filters:
        return pages
    matching = Q(pk__in=[])
    # A type without a lookup for a chosen facet carries none of its values and drops out.
    for declared in registry.documents():
        narrowing = lookups(declared)
        if set(filters) <= set(narrowing):
            narrowed = declared.model.objects.all()
            for name, value in filters.items():
                narrowed = narrowed.filter(condition(narrowing[name], value))
            matching |= Q(pk__in=narrowed.values("pk"))
    return pages.filter(matching)


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
