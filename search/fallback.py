"""The database search that answers while OpenSearch cannot be reached: the same
request, the same result shape, without facet counts or highlights.

Like the index, it matches a word in any language's version of a page and in the
labels of the page's vocabulary terms in every language, accents folded, and shows
each page once, in the visitor's language where it has a version ("agua" and "eau"
find the water practices written in English). Each word is one bounded database
search (Wagtail's search backend) plus a filter on the terms whose labels hold it.
"""

import re

from django.db.models import Exists, OuterRef, Q, Subquery

from taxonomy.cache import cached, terms_by_key
from taxonomy.text import folded

from . import registry
from .analysis import CONTENT_LANGUAGES
from .documents import build_documents, indexable_pages
from .facets import FACETS
from .index import specific_pages
from .query import SearchResults

MAX_MATCHES = 1000
# Words beyond these add little and cost one search each.
MAX_WORDS = 8


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


def representing(pages, language):
    """One version per page, as the index's `represents` field picks it: the version in
    this language, or else the first published (search.documents)."""
    versions = indexable_pages().filter(translation_key=OuterRef("translation_key"))
    original = Subquery(versions.order_by("pk").values("pk")[:1])
    return pages.filter(
        Q(locale__language_code=language) | (~Exists(versions.filter(locale__language_code=language)) & Q(pk=original))
    )


def filtered_pages(search):
    pages = indexable_pages()
    if "language" in search.selections:
        pages = pages.filter(locale__language_code__in=search.selections["language"])
    else:
        pages = representing(pages, search.ui_language)
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


def label_words(facet):
    """{value: the folded words of its labels in every language} of a facet's vocabulary."""

    def load():
        return {
            value: {word for code in CONTENT_LANGUAGES for word in re.findall(r"\w+", folded(term.label_in(code)))}
            for value, term in terms_by_key(facet.model, facet.lookup).items()
        }

    return cached((facet.model, facet.lookup, "label words"), load)


def label_matches(word):
    """{facet parameter: [value, ...]} of the vocabulary terms whose label, in any
    language, holds this folded word, or its singular."""
    matches = {}
    for facet in FACETS:
        if facet.model is not None:
            for value, words in label_words(facet).items():
                if word in words or word.removesuffix("s") in words:
                    matches.setdefault(facet.parameter, []).append(value)
    return matches


def tagged_with(matches):
    """Q of the pages of every type carrying any of these terms."""
    tagged = Q(pk__in=[])
    for declared in registry.documents():
        narrowing = lookups(declared)
        chosen = any_of(condition(narrowing[name], values) for name, values in matches.items() if name in narrowing)
        tagged |= Q(pk__in=declared.model.objects.filter(chosen).values("pk"))
    return tagged


def matching_groups(word):
    """{translation key: rank} of the pages whose text in any language, or whose
    terms' labels in any language, hold this word; text matches rank first."""
    ranks = {}
    for spelling in dict.fromkeys((word, folded(word))):
        for page in indexable_pages().search(spelling)[:MAX_MATCHES]:
            ranks.setdefault(page.translation_key, len(ranks))
    matches = label_matches(folded(word))
    if matches:
        tagged = indexable_pages().filter(tagged_with(matches)).order_by("-first_published_at")
        for key in tagged.values_list("translation_key", flat=True)[:MAX_MATCHES]:
            ranks.setdefault(key, MAX_MATCHES + len(ranks))
    return ranks


def run(search):
    pages = filtered_pages(search)
    # Database full-text engines give quotes and operators a syntax of their own: search the words alone.
    words = list(dict.fromkeys(re.findall(r"\w+", search.text.casefold())))[:MAX_WORDS]
    if words:
        # Every word must match some version of the page or its terms; the best rank counts.
        ranked = None
        for word in words:
            found = matching_groups(word)
            ranked = (
                found
                if ranked is None
                else {key: max(rank, found[key]) for key, rank in ranked.items() if key in found}
            )
        chosen = pages.filter(translation_key__in=list(ranked)).values_list("pk", "translation_key")
        ordered = [pk for pk, key in sorted(chosen, key=lambda row: ranked[row[1]])][:MAX_MATCHES]
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
