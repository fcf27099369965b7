"""The database search that answers while OpenSearch cannot be reached: the same
request, the same result shape, without facet counts or highlights.

Like the index, it matches a word in any language's version of a page and in the
labels of the page's vocabulary terms in every language, accents folded, and shows
each page once, in the visitor's language where it has a version ("agua" and "eau"
find the water practices written in English), and another inflection of a word finds
it, through the stems every page is also indexed as (search/stemming.py). Each word,
with its stems, is one bounded database search (Wagtail's search backend) plus a
filter on the terms whose labels hold it.

It reads the query as the engine does (search/understanding.py): a recognised term
finds what is tagged with it, a synonym term finds the other terms of its sets, a kind
of document ("expert") finds that kind, and a page must hold most of these parts
(all of two, two of three...), the pages holding more first; only when none does, any
one of them. A place the words name narrows the search already (SearchRequest.places).
"""

import difflib
import re
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery

from taxonomy.cache import cached, terms_by_key
from taxonomy.text import folded

from . import registry
from .analysis import content_languages
from .documents import build_documents, indexable_pages
from .facets import FACETS
from .index import specific_pages
from .query import SearchResults
from .stemming import stems_of, word_stems
from .understanding import synonym_alternatives, synonym_index, understand

MAX_MATCHES = 1000
# Parts beyond these add little and cost a search or more each.
MAX_WORDS = 8
# A synonym term finds the other terms of its sets (at most 20 by search/synonyms.py),
# each a search per word not searched yet.
MAX_ALTERNATIVES = 20
# A misspelt word is read as a vocabulary word this close (difflib's ratio: one letter
# left out of ten is 0.95), and only from this length: short words have too many
# neighbours.
TYPO_CUTOFF = 0.85
MIN_TYPO_LENGTH = 5


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
    filters = chosen_filters(search)
    return pages.filter(narrowed_by(filters)) if filters else pages


def chosen_filters(search):
    """{facet parameter or year bound: values} that pages must match besides their type
    and language; a scope (one collection) counts as a choice of its facet."""
    filters = {name: values for name, values in search.selections.items() if name not in ("type", "language")}
    by_field = {facet.field: facet.parameter for facet in FACETS}
    filters.update({by_field[name]: [value] for name, value in search.scope.items() if name != "type"})
    filters.update({name: getattr(search, name) for name in ("year_from", "year_to") if getattr(search, name)})
    return filters


def narrowed_by(filters):
    """Q of the pages of every type that match all these filters: a type without a
    lookup for a chosen facet carries none of its values and drops out."""
    matching = Q(pk__in=[])
    for declared in registry.documents():
        narrowing = lookups(declared)
        if set(filters) <= set(narrowing):
            narrowed = declared.model.objects.all()
            for name, value in filters.items():
                narrowed = narrowed.filter(condition(narrowing[name], value))
            matching |= Q(pk__in=narrowed.values("pk"))
    return matching


def label_words(facet):
    """{value: the folded words of its labels in every language} of a facet's vocabulary."""

    def load():
        return {
            value: {
                word
                for code in content_languages()
                for word in (*re.findall(r"\w+", folded(term.label_in(code))), *stems_of(term.label_in(code), code))
            }
            for value, term in terms_by_key(facet.model, facet.lookup).items()
        }

    return cached((facet.model, facet.lookup, "label words"), load)


def label_matches(word):
    """{facet parameter: [value, ...]} of the vocabulary terms whose label, in any
    language, holds this folded word, its singular or its stem (labels are stemmed in their language)."""
    matches = {}
    forms = {word, word.removesuffix("s"), *word_stems(word)}
    for facet in FACETS:
        if facet.model is not None:
            for value, words in label_words(facet).items():
                if forms & words:
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
    # The word or another inflection of it, in one search: the stems every page's text
    # is also indexed as (search/stemming.py).
    spellings = " ".join(dict.fromkeys((folded(word), *word_stems(word))))
    for page in indexable_pages().search(spellings, operator="or")[:MAX_MATCHES]:
        ranks.setdefault(page.translation_key, len(ranks))
    matches = label_matches(folded(word))
    if matches:
        tagged = indexable_pages().filter(tagged_with(matches)).order_by("-first_published_at")
        for key in tagged.values_list("translation_key", flat=True)[:MAX_MATCHES]:
            ranks.setdefault(key, MAX_MATCHES + len(ranks))
    return ranks


def all_of(ranks):
    """{key: rank} of the keys every mapping holds, at their worst rank."""
    ranks = list(ranks)
    common = set(ranks[0]).intersection(*ranks[1:]) if ranks else set()
    return {key: max(found[key] for found in ranks) for key in common}


def text_of(text, groups=matching_groups):
    """{key: rank} of the pages holding every word of the text (or its terms' labels)."""
    return all_of(groups(word) for word in re.findall(r"\w+", text.casefold())[:MAX_WORDS])


def term_groups(terms):
    """{key: rank} of the pages tagged with any of these (facet parameter, value) terms,
    newest first; a kind of document ("expert") counts as a term of the type facet."""
    matches = {}
    for parameter, value in terms:
        matches.setdefault(parameter, []).append(value)
    kinds = [registry.get(value).model for value in matches.pop("type", ())]
    pages = indexable_pages()
    tagged = pages.filter(tagged_with(matches)) if matches else pages.none()
    if kinds:
        tagged = tagged | pages.type(*kinds)
    keys = tagged.order_by("-first_published_at").values_list("translation_key", flat=True)[:MAX_MATCHES]
    return {key: rank for rank, key in enumerate(dict.fromkeys(keys))}


def vocabulary():
    """The folded words of every vocabulary label (and their stems) and of every synonym
    term, in every language: the words a misspelt one is read as."""
    words = set()
    for facet in FACETS:
        if facet.model is not None:
            words.update(*label_words(facet).values())
    for found in synonym_index().keys.values():
        words.update(word for term in found.alternatives for word in re.findall(r"\w+", folded(term)))
    return words


def corrected(text, groups):
    """The text with each word that nothing holds read as the closest word of the
    vocabulary ("compostge": "compostage"), as the engine forgives a typo; the database
    search has no edit distance. Unchanged when nothing is close enough."""
    fixed = text
    for word in dict.fromkeys(re.findall(r"\w+", text)):
        if len(word) >= MIN_TYPO_LENGTH and not groups(word):
            close = difflib.get_close_matches(folded(word), vocabulary(), n=1, cutoff=TYPO_CUTOFF)
            fixed = re.sub(rf"\b{re.escape(word)}\b", close[0], fixed) if close else fixed
    return fixed


def synonym_part(synonym, groups):
    """{key: rank} of the pages holding a synonym term: the term as typed first, then
    each other term of its sets."""
    found = {}
    terms = dict.fromkeys((synonym.text, *synonym_alternatives(synonym.term)))
    for order, term in enumerate(list(terms)[:MAX_ALTERNATIVES]):
        for key, rank in text_of(term, groups).items():
            found.setdefault(key, order * MAX_MATCHES + rank)
    return found


def query_parts(search):
    """What a page should hold, each as {translation key: rank}, text matches first,
    and the keys of the kind of document asked for ("housing expert": the experts come
    first, and the practices on housing follow, as the engine ranks them)."""
    # The terms of a synonym's sets share words ("solar roofs", "solar panels"): each is
    # searched once.
    groups = cache(matching_groups)
    text = corrected(search.text, groups)
    understood = understand(text) if text != search.text else search.understanding
    parts, kinds = [], {}
    for concept in understood.concepts:
        if concept.is_kind:
            kinds.update(term_groups(concept.terms))
            continue
        # What names it in the text first, then what is only tagged with it.
        tagged = term_groups(concept.terms)
        text = text_of(concept.text, groups)
        parts.append({**{key: MAX_MATCHES + rank for key, rank in tagged.items()}, **text})
    parts += [synonym_part(synonym, groups) for synonym in understood.synonyms]
    words = understood.words if parts or understood.words or kinds else re.findall(r"\w+", text.casefold())
    parts += [groups(word) for word in list(dict.fromkeys(words))[: MAX_WORDS - len(parts)]]
    return (parts[:MAX_WORDS] or [kinds]), kinds


def most_parts(parts, kinds):
    """{key: (not of the kind asked for, parts missed, rank)} of the pages holding most
    of the parts, or any one when none does (relaxed, said as the engine says it); the
    best rank a page has in a part counts."""
    held, best = {}, {}
    for ranks in parts:
        for key, rank in ranks.items():
            held[key] = held.get(key, 0) + 1
            best[key] = min(rank, best.get(key, rank))
    needed = len(parts) - len(parts) // 3
    relaxed = needed > 1 and not any(count >= needed for count in held.values())
    if relaxed:
        needed = 1
    ranked = {key: (key not in kinds, len(parts) - count, best[key]) for key, count in held.items() if count >= needed}
    return ranked, relaxed


def unasked_weights(asked):
    """{content type id: weight} of the page types that count less when the query asks
    for no kind of document (registry: `unasked_weight`; an expert's profile mentions a
    subject in a line, a practice is written about it), as the engine weighs them."""
    if asked:
        return {}
    weights = registry.unasked_weights()
    return {
        ContentType.objects.get_for_model(declared.model).pk: weights[declared.type]
        for declared in registry.documents()
        if declared.type in weights
    }


def run(search):
    pages = filtered_pages(search)
    relaxed = False
    if search.text.strip():
        parts, kinds = query_parts(search)
        ranked, relaxed = most_parts(parts, kinds)
        weights = unasked_weights(asked=bool(kinds))
        chosen = pages.filter(translation_key__in=list(ranked)).values_list("pk", "translation_key", "content_type")
        # The pages holding as many parts come in the order of their type's weight, then their rank.
        order = sorted(chosen, key=lambda row: (ranked[row[1]][:2], -weights.get(row[2], 1), ranked[row[1]][2:]))
        ordered = [pk for pk, _key, _type in order][:MAX_MATCHES]
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
        relaxed=relaxed and bool(ordered),
    )
