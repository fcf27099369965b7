"""From a visitor's request to an OpenSearch query and back: text, facets with counts,
sort, pagination, highlights and "did you mean".

Several values of one facet combine with OR, facets combine with AND, and each
facet's counts ignore its own selection (so a visitor can widen a choice): the
selections go to a post_filter, and every facet's aggregation applies all the
other selections.
"""

import html
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from django.conf import settings
from opensearchpy.exceptions import TransportError

from core.numbers import whole_number
from taxonomy.text import folded

from . import registry
from .analysis import text_field_names
from .breaker import caused_by_request
from .client import search_client
from .documents import SHARED_LABEL_FIELDS, UI_LANGUAGES, label_fields, own_label_fields
from .facets import FACET_VALUES, FACETS, FACETS_BY_PARAMETER
from .index import alias_name
from .mapping import ATTACHMENTS
from .understanding import (
    PLACE_FACETS,
    RECOGNISED_FACETS,
    STOP_WORDS,
    WORD,
    Concept,
    narrower_terms,
    synonym_expansion,
    term_names,
    understand,
)

MAX_QUERY_LENGTH = 500
# OpenSearch refuses a query of more than 1,024 clauses (`indices.query.bool.
# max_clause_count`) with a 500, which a visitor's long question would otherwise reach:
# each word is searched in 13 fields, and a synonym term with every term of its sets.
# A query is cut to its longest beginning within both bounds before it is sent
# (bounded()), by half again if OpenSearch still refuses it (first_answer()), and the
# page and the API say what was left out.
MAX_QUERY_WORDS = 20
# In estimated_clauses(), which counts every word of a synonym's sets where OpenSearch
# makes one phrase of each term, and not the boolean queries that hold the clauses. On
# 150 hostile queries and the judged ones, this is where it cuts most of what OpenSearch
# would refuse and nothing that it takes (docs/decisions.md, issue 28).
CLAUSE_BUDGET = 1500
# Pseudo-relevance feedback (feedback()): when a query finds fewer than a page of
# results, what is tagged with the topics its best documents share follows them, far
# below. Measured in docs/search-relevance.md (5, 10 or 20, and 0.1 or 0.3, moved
# neither set by more than 0.003).
FEEDBACK_BELOW = 10
FEEDBACK_HITS = 3
FEEDBACK_WEIGHT = 0.1
# Each tag a tier document shares with the best results, before FEEDBACK_WEIGHT.
FEEDBACK_TAG_WEIGHT = 10
# What a document holding the question scores on top of its own score in a widened
# answer: far more than the tier's most (a part of the query and a few dozen shared
# tags, times FEEDBACK_WEIGHT), so the tier always follows, never interleaves.
ABOVE_THE_TIER = {"constant_score": {"filter": {"match_all": {}}, "boost": 1000}}
# Typos are forgiven (a second, fuzzy search: costly per word) in questions of this
# many words left to match as text at most.
MAX_TYPO_WORDS = 6
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 20
MAX_RESULT_WINDOW = 10_000
# Typos allowed and "did you mean" only help when the words as typed find little.
SUGGEST_BELOW = 5
# Names the filter aggregations that group facet counts (no facet parameter starts so).
FACET_GROUP = "facets:"
# Names the one aggregation that counts the facets left unselected.
UNSELECTED = FACET_GROUP + "unselected"
# The values a facet shows at most.
FACET_SIZE = 250
# The facet values one search can count at most: enough for every value of every facet
# (a network of 1,000 cities has about 1,500 places), so that the counts stay exact on
# several shards.
ALL_FACET_VALUES = 20_000
# Names the start-year counts (no facet parameter is so named either).
YEARS = "start_years"
SORTS = {
    "relevance": ["_score", {"last_published_at": "desc"}],
    "newest": [{"first_published_at": "desc"}],
    "start_year": [{"start_year": {"order": "desc", "missing": "_last"}}, "_score"],
}
# The summary is part of each language's text field already: querying it on its own too
# would add a costly clause (every search scores each matching document on it) for a
# slight boost only. The labels the page types bring follow, unboosted (text_fields()).
TEXT_FIELDS = [
    "title^4", *text_field_names("^2"), "all_text", "organisation",
    *(f"{name}^2" for name in SHARED_LABEL_FIELDS),
]  # fmt: skip
# Where a word of the query counts as written about: the page's own text.
WORD_FIELDS = ["title^4", *text_field_names("^2"), "organisation"]
# Vocabulary labels in every language let a word find what is tagged in another
# language ("santé" finds a case tagged Public health in English), but weakly: a word
# that only matches a label ("affordable" in "Affordable and clean energy") must not
# lift a document above one written about the whole query. The label fields are
# documents.label_fields(): the shared ones and those the page types bring.
LABEL_WEIGHT = 0.3
# A recognised term (search/understanding.py) outweighs a word found in the text, and a
# place named in the query ("housing in Latin America") says where the practice must
# be: it outweighs a rare word in a title (title^4) too.
CONCEPT_WEIGHT = 20
PLACE_WEIGHT = 40
# Each other term a concept names that a document is tagged with adds this share of
# CONCEPT_WEIGHT; a term under one it names (a theme's topic) is worth this share of it.
TERMS_TIE = 0.25
NARROWER_WEIGHT = 0.5
# The kind of document a query asks for outweighs how well any document matches.
KIND_WEIGHT = 100
PHRASE_WEIGHT = 2
PHRASE_SLOP = 2
# Closeness is scored on the best documents only (a rescore of each shard's first
# RESCORE_WINDOW): reading the positions of every matching document took about a third
# of a search over common words at 1,000,000 documents (docs/scaling.md).
RESCORE_WINDOW = 100
# Typos: one edit from 4 letters, two from 7 ("AUTO" would allow one from 3, and
# "hous", the stem of "housing", would then find "hour"). Only asked for when the words
# as typed find little: on every search it would cost as much as the words themselves.
FUZZINESS = "AUTO:4,7"
# Longer "words" are pasted codes or noise, and the automaton that finds a term within
# two edits grows with its length (a 500-letter one takes seconds).
FUZZY_UP_TO = 30
WORD_NAME = "word:"
# HTML-encode the text around the marks: highlights must never carry markup.
HIGHLIGHT = {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "fragment_size": 180}
# A page of an attached file holds most of the words (all of one or two, two of three...).
# Its weight lifts a case found by its file above one in the visitor's language
# (own_language_first: 1.5) that the recall tier adds without the words; the page's own
# text (title^4, text^2) still outweighs it.
MOST_WORDS = "2<-34%"
ATTACHMENT_WEIGHT = 2


def text_fields():
    """Where the words of a query that names nothing are searched (text_query)."""
    return [*TEXT_FIELDS, *own_label_fields()]


class InvalidParameter(ValueError):
    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


@dataclass
class SearchRequest:
    text: str = ""
    ui_language: str = settings.LANGUAGE_CODE
    selections: dict = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    # A scoped search (a collection's page) filters every count and offers its own facets.
    scope: dict = field(default_factory=dict)
    facets: tuple = field(default_factory=lambda: tuple(FACETS))
    # Without counts the search answers hits only (an export walks page after page).
    counts: bool = True
    # With year counts it also counts its results by start year (the insights charts).
    year_counts: bool = False
    # The end of a query too long to search (bounded()), as typed.
    left_out: str = ""
    # {facet parameter: [values]} of the places the text names that narrow the search
    # (apply_places()); `everywhere` when the visitor asked not to.
    places: dict = field(default_factory=dict)
    everywhere: bool = False

    @classmethod
    def from_query_dict(cls, params, *, ui_language, strict=True, scope=None, facets=FACETS):
        """Read request parameters; with `strict`, a bad one raises InvalidParameter,
        otherwise it is dropped (the HTML page keeps working with the rest)."""
        request = cls(ui_language=params.get("ui_language") or ui_language, scope=scope or {}, facets=tuple(facets))
        problems = []

        def check(parameter, condition, message):
            if not condition:
                if strict:
                    raise InvalidParameter(parameter, message)
                problems.append(parameter)
            return condition

        check("ui_language", request.ui_language in UI_LANGUAGES, f"must be one of {', '.join(UI_LANGUAGES)}")
        if request.ui_language not in UI_LANGUAGES:
            request.ui_language = ui_language
        request.text, request.left_out = bounded(" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH])
        request.read_selections(params, check)
        request.everywhere = params.get("everywhere") == "1"
        if not request.everywhere:
            request.apply_places()
        request.read_years(params, check)
        sort = params.get("sort") or "relevance"
        request.sort = sort if check("sort", sort in SORTS, f"must be one of {', '.join(SORTS)}") else "relevance"
        request.page = read_int(params, "page", 1, 1, MAX_RESULT_WINDOW, check)
        request.page_size = read_int(params, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, check)
        return request, problems

    def read_selections(self, params, check):
        """The known values of each facet, once each."""
        for facet in self.facets:
            values = []
            for raw in params.getlist(facet.parameter):
                value = facet.parse(raw)
                if check(facet.parameter, value is not None, f"unknown value {raw!r}"):
                    values.append(value)
            if values:
                self.selections[facet.parameter] = list(dict.fromkeys(values))

    def read_years(self, params, check):
        for name in ("year_from", "year_to"):
            raw = params.get(name, "")
            year = whole_number(raw, 1900, date.today().year + 10)
            if raw and check(name, year is not None, "must be a year"):
                setattr(self, name, year)

    @property
    def counted_facets(self):
        return self.facets if self.counts else ()

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def facet(self, parameter):
        return next(facet for facet in self.facets if facet.parameter == parameter)

    @cached_property
    def understanding(self):
        """The vocabulary terms the text names and the words left over."""
        return understand(self.text)

    def apply_places(self):
        """A place the text names narrows the search to it ("housing in Latin America":
        the region's practices, not the others first), unless the visitor chose a value
        of that facet already. A stretch that names places of several kinds (a country
        and a city of one name) is left to rank, not to filter."""
        offered = {facet.parameter for facet in self.facets}
        for concept in self.understanding.concepts:
            kinds = {parameter for parameter, _value in concept.terms}
            if len(kinds) != 1 or not kinds <= offered & set(PLACE_FACETS):
                continue
            (parameter,) = kinds
            if parameter in self.selections and parameter not in self.places:
                continue
            values = [value for _parameter, value in concept.terms]
            self.places[parameter] = list(dict.fromkeys(self.places.get(parameter, []) + values))
            self.selections[parameter] = list(dict.fromkeys(self.selections.get(parameter, []) + values))

    def shorten(self):
        """Leaves out the second half of the words searched (when OpenSearch refused
        the query as too large): False when a single word is left."""
        pieces = self.text.split()
        if len(pieces) < 2:
            return False
        kept = len(pieces) // 2
        self.text = " ".join(pieces[:kept])
        self.left_out = " ".join([*pieces[kept:], *self.left_out.split()])
        self.__dict__.pop("understanding", None)
        return True


def read_int(params, name, default, low, high, check):
    raw = params.get(name, "")
    if not raw:
        return default
    number = whole_number(raw, low, high)
    check(name, number is not None, f"must be a whole number from {low} to {high}")
    return default if number is None else number


def bounded(text):
    """The longest beginning of `text` (whole words) within MAX_QUERY_WORDS words and
    CLAUSE_BUDGET clauses, and the rest. The cost is not always monotonic in the length
    (a longer stretch may make one concept of two), so the search keeps the last length
    that fits."""
    pieces = text.split()

    def fits(count):  # a single word always does: OpenSearch has the last word (first_answer())
        beginning = SearchRequest(text=" ".join(pieces[:count]))
        words = [word for word in WORD.findall(beginning.text) if folded(word) not in STOP_WORDS]
        return len(words) <= MAX_QUERY_WORDS and estimated_clauses(text_query(beginning)) <= CLAUSE_BUDGET

    if fits(len(pieces)):
        return text, ""
    fitting, too_many = 1, len(pieces)
    while too_many - fitting > 1:
        middle = (fitting + too_many) // 2
        fitting, too_many = (middle, too_many) if fits(middle) else (fitting, middle)
    return " ".join(pieces[:fitting]), " ".join(pieces[fitting:])


def estimated_clauses(query):
    """The leaf clauses OpenSearch makes of a query, roughly: one per field for each
    word a match searches and each word its synonym terms expand to, one per term
    filter. OpenSearch also counts the boolean queries that hold them (CLAUSE_BUDGET
    leaves room for those)."""
    if isinstance(query, list):
        return sum(map(estimated_clauses, query))
    if not isinstance(query, dict):
        return 0
    if "multi_match" in query:
        match = query["multi_match"]
        words = len(WORD.findall(match["query"])) + synonym_expansion(match["query"])
        return len(match["fields"]) * max(1, words)
    if "term" in query or "terms" in query:
        return 1
    return sum(map(estimated_clauses, query.values()))


def base_filters(search):
    """Filters every count obeys: the scope of the page (e.g. one collection) and the
    year range."""
    filters = [{"term": {name: value}} for name, value in search.scope.items()]
    if search.year_from or search.year_to:
        bounds = {key: value for key, value in (("gte", search.year_from), ("lte", search.year_to)) if value}
        filters.append({"range": {"start_year": bounds}})
    return filters


def own_language_first(ui_language):
    """A should-clause: at comparable relevance, documents in the visitor's language first."""
    return {"term": {"language": {"value": ui_language, "boost": 1.5}}}


def most_of(parts, relaxed=False):
    """Most of the parts must be found: all of two, two of three, three of four or
    five...; `relaxed`, any one of them (the documents holding more score higher)."""
    return {"bool": {"should": parts, "minimum_should_match": 1 if relaxed else len(parts) - len(parts) // 3}}


def text_query(search, typos=False, relaxed=False, related=(), guessed=False):
    """What documents the words find, and which come first: those in the visitor's
    language, and those of the kind of document the words ask for ("housing expert")."""
    understood = search.understanding
    kinds = [concept for concept in understood.concepts if concept.is_kind]
    places = [concept_clause(concept) for concept in understood.concepts if concept.is_place]
    subject = subject_parts(understood, typos, relaxed)
    parts = subject + places
    kind_parts = [concept_clause(concept) for concept in kinds]
    if not parts:
        parts, kind_parts = kind_parts, []
    words = with_attachments(search, words_query(search, parts, subject, places, relaxed))
    # With no words too, when several versions of a case show because languages were chosen.
    preferred = [own_language_first(search.ui_language)]
    if kind_parts:
        # The kind asked for ("gender data specialist"): documents of that kind come
        # first, and count as one part of the query, so a profile that does not use one
        # of its words is still found; what else is on the subject follows.
        words = {"dis_max": {"queries": [words, most_of(parts + kind_parts, relaxed)]}}
        preferred += [tagged_with(concept, KIND_WEIGHT) for concept in kinds]
    if related and parts:
        # Whatever holds the question stays above the whole tier, in its own order
        # (the kind asked for first among it).
        held = {"bool": {"must": words, "should": ABOVE_THE_TIER}}
        words = {"dis_max": {"queries": [held, feedback(parts, related, guessed)]}}
    return unasked_kinds_after({"bool": {"must": words, "should": preferred}}, asked=bool(kinds))


def unasked_kinds_after(query, asked):
    """Documents of the types that count less when not asked for (registry:
    `unasked_weight`) scored so, unless the query asks for a kind of document."""
    weights = {} if asked else registry.unasked_weights()
    if not weights:
        return query
    functions = [{"filter": {"term": {"type": kind}}, "weight": weight} for kind, weight in weights.items()]
    return {"function_score": {"query": query, "functions": functions, "boost_mode": "multiply"}}


def subject_parts(understood, typos=False, relaxed=False):
    """The parts of the query that say what it is about: the terms it names (places
    and kinds of document aside), its synonym terms and its other words."""
    subject = [concept_clause(concept) for concept in understood.concepts if not (concept.is_place or concept.is_kind)]
    # A synonym term counts as many parts as it has words no concept counts already, as
    # its words did before it was recognised: "bus rapid transit at night" still finds
    # the service that runs by day (three parts of four), "affordable housing in Latin
    # America" the region's housing that is not called affordable (housing, place: two
    # parts of three), and it scores as its words would.
    subject += [
        clause
        for synonym in understood.synonyms
        for clause in [synonym_clause(synonym, typos, relaxed)] * max(1, synonym.own_words)
    ]
    return subject + [word_clause(word, typos) for word in understood.words]


def words_query(search, parts, subject, places, relaxed=False):
    """Most of the query's parts found, each as text or as a recognised term (any
    part, `relaxed`: asked only when most of it found nothing)."""
    if not search.text:
        return {"match_all": {}}
    if len(parts) == 1:
        return parts[0]
    if not parts:  # nothing but punctuation or function words: match them as they are
        return {"multi_match": {"query": search.text, "fields": text_fields(), "type": "best_fields"}}
    words = most_of(parts, relaxed)
    if places and subject and not relaxed:
        # The subject elsewhere than the place named is a lesser answer, not none:
        # "waste in Africa" lists the few African waste practices first, then others.
        # The better of the two scores counts: their sum would score the subject's
        # words twice and lift them above the place.
        words = {"dis_max": {"queries": [words, *lesser_answers(search.understanding, subject)]}}
    return words


def with_attachments(search, words):
    """The words found in the page, or in a page of a file attached to it (a case's
    terms of reference): the best page of the best file comes back with the hit, as
    its type, title, number and highlighted words (found_in)."""
    if not search.text:
        return words
    fields = [f"{ATTACHMENTS}.{name}" for name in text_field_names()]
    attachment = {
        "nested": {
            "path": ATTACHMENTS,
            "score_mode": "max",
            "boost": ATTACHMENT_WEIGHT,
            "query": {"multi_match": {"query": search.text, "fields": fields, "minimum_should_match": MOST_WORDS}},
            "inner_hits": {
                "size": 1,
                "_source": [f"{ATTACHMENTS}.{name}" for name in ("kind", "title", "page")],
                "highlight": {**HIGHLIGHT, "fields": {name: {} for name in fields}, "number_of_fragments": 1},
            },
        }
    }
    return {"dis_max": {"queries": [words, attachment]}}


def lesser_answers(understood, subject):
    """What follows the subject in the place named: the subject elsewhere, and the
    other practices of a city named. A city named is where the visitor looks: its other
    practices (the city's near-duplicates, "How Tabriz built a joint regional plan" for
    "green belt Tabriz") come before the subject elsewhere, as the city's weight alone
    outscores the subject's words. Not so for a region or a country: most of what is
    there is about something else."""
    return [most_of(subject), *(concept_clause(concept) for concept in understood.concepts if concept.is_city)]


def feedback(parts, related, guessed=False):
    """The tier behind the documents holding the query: those tagged with a topic the
    best of them share, scored far below them, the ones holding a part of the query
    first, then those sharing more of the best documents' tags (topics, goals, target
    groups...: a respite service for family carers brings the other services for
    carers before the health practices that only share a topic). A practice that
    speaks of "compost" is found for "food scraps", neighbours building their block
    together for "cohousing". When the best documents were a guess (typos forgiven, the words of a
    suggestion), a document must hold a part of the query too: a wrong guess's topics
    would fill the page with noise."""
    any_part = most_of(parts, relaxed=True)
    topic_field = FACETS_BY_PARAMETER["topic"].field
    topic = {"terms": {topic_field: list(related[topic_field])}}
    shared = [
        {"constant_score": {"filter": {"term": {name: value}}, "boost": FEEDBACK_TAG_WEIGHT}}
        for name, values in related.items()
        for value in values
    ]
    if guessed:
        return {"bool": {"must": any_part, "filter": [topic], "should": shared, "boost": FEEDBACK_WEIGHT}}
    return {"bool": {"filter": [topic], "should": [any_part, *shared], "boost": FEEDBACK_WEIGHT}}


def feedback_answer(client, search, response, guessed):
    """The answer the feedback reads: the words' own, whatever the visitor ticked, so
    that ticking a facet gives the number of results its count said (the places the
    words name and the visitor's language still apply). The page's answer is that one
    when nothing was ticked; otherwise a small search asks for it."""
    ticked = {name for name in search.selections if name not in search.places}
    if not ticked:
        return response
    words_own = {**selection_filters(search, search.places), "language": own_language_version(search)}
    filters = [*base_filters(search), *words_own.values()]
    body = {
        "size": FEEDBACK_HITS,
        "query": {"bool": {"must": text_query(search, typos=guessed), "filter": filters}},
        "_source": feedback_fields(),
        "track_total_hits": FEEDBACK_BELOW,
    }
    answer = client.search(index=alias_name(), body=body, params=CACHED)
    return answer if total_of(answer) < FEEDBACK_BELOW else {"hits": {"hits": []}}


def feedback_fields():
    """The tag fields whose values the best documents share: those of the subjects a
    query may name (themes, topics, goals, and the page types' own: target groups...)."""
    return [FACETS_BY_PARAMETER[parameter].field for parameter in RECOGNISED_FACETS if parameter not in PLACE_FACETS]


def shared_topics(response):
    """{tag field: values} the best documents of an answer share: the values of the
    first, and any that two of the first three hold; empty when they share no topic
    (the tier is what is tagged with one of those)."""
    hits = response["hits"]["hits"][:FEEDBACK_HITS]
    if not hits:
        return {}
    shared = {}
    for name in feedback_fields():
        counts = {}
        for hit in hits:
            for value in hit["_source"].get(name) or ():
                counts[value] = counts.get(value, 0) + 1
        first = hits[0]["_source"].get(name) or ()
        values = sorted(set(first) | {value for value, count in counts.items() if count >= 2})
        if values:
            shared[name] = tuple(values)
    return shared if shared.get(FACETS_BY_PARAMETER["topic"].field) else {}


def tagged_with(concept, weight):
    """The documents tagged with the concept's terms, each scoring `weight`."""
    tagged = [{"term": {FACETS_BY_PARAMETER[parameter].field: value}} for parameter, value in concept.terms]
    return {"constant_score": {"filter": {"bool": {"should": tagged}}, "boost": weight}}


def word_clause(word, typos=False):
    """A word of the query found in the text (with `typos`, within a few edits, the
    exact word first) or, weakly, in a vocabulary label in any language (with `typos`
    too: "logemnt" is a misspelt topic as often as a misspelt word of the text)."""
    fuzzy = {"fuzziness": FUZZINESS, "prefix_length": 1} if typos and len(word) <= FUZZY_UP_TO else {}
    return {
        "dis_max": {
            "queries": [
                {"multi_match": {"query": word, "fields": WORD_FIELDS, **fuzzy}},
                {"multi_match": {"query": word, "fields": label_fields(), "boost": LABEL_WEIGHT, **fuzzy}},
            ],
            # Each hit then says which words it holds (run: a word none holds may be misspelt).
            "_name": WORD_NAME + word,
        }
    }


def concept_clause(concept):
    """A recognised term: documents tagged with it (whatever their language), or
    whose text holds its words (or a synonym's) in one field: how close they stand
    counts in the rescoring, not here."""
    if concept.is_place:
        tagged, named = tagged_with(concept, PLACE_WEIGHT), all_words(concept.text)
    else:
        tagged, named = tagged_with_terms(concept), named_in_text(concept)
    return {
        "bool": {
            "should": [
                tagged,
                named,
                # Among the documents tagged alike, those whose labels name it too first
                # ("salud" is SDG 3, and a word of the topic Salud pública).
                {"multi_match": {"query": concept.text, "fields": label_fields(), "boost": LABEL_WEIGHT}},
            ]
        }
    }


def tagged_with_terms(concept):
    """The documents tagged with the concept's terms: CONCEPT_WEIGHT for one of them, a
    little more for each other one ("gender equality" names a theme and an SDG: the
    practices tagged with both come before those tagged with the goal alone), and
    those tagged only with a narrower term (a theme's topics) after them."""
    clauses = [
        {"constant_score": {"filter": {"term": {FACETS_BY_PARAMETER[parameter].field: value}}, "boost": CONCEPT_WEIGHT}}
        for parameter, value in concept.terms
    ]
    narrower = {}
    for parameter, value in concept.terms:
        for narrower_parameter, narrower_value in narrower_terms(parameter, value):
            narrower.setdefault(FACETS_BY_PARAMETER[narrower_parameter].field, []).append(narrower_value)
    clauses += [
        {"constant_score": {"filter": {"terms": {field: values}}, "boost": CONCEPT_WEIGHT * NARROWER_WEIGHT}}
        for field, values in narrower.items()
    ]
    return clauses[0] if len(clauses) == 1 else {"dis_max": {"queries": clauses, "tie_breaker": TERMS_TIE}}


def named_in_text(concept):
    """The concept's words as typed in one field, or a name of one of its terms in the
    text of that name's language: "eau" finds the English practice that speaks of
    water, tagged or not. The names are read without the editors' synonyms (the
    field's own analyzer): as many clauses as their words, not their sets' words."""
    names = dict.fromkeys(name for parameter, value in concept.terms for name in term_names(parameter, value))
    clauses = [all_words(concept.text)]
    clauses += [
        {"match": {f"text_{code}": {"query": name, "operator": "and", "analyzer": f"text_{code}"}}}
        for code, name in names
    ]
    return {"dis_max": {"queries": clauses}}


def all_words(text):
    """Every word of the text, or of one of its synonyms, in one field. As positions
    are not read (a synonym of several words is otherwise searched as a costly span
    query in every field), the cost is that of the words alone."""
    return {
        "multi_match": {
            "query": text,
            "fields": WORD_FIELDS,
            "operator": "and",
            "auto_generate_synonyms_phrase_query": False,
        }
    }


def synonym_clause(synonym, typos=False, relaxed=False):
    """A term of a synonym set: as the set holds it, so that the search analyzers'
    synonym filter finds the set's other terms ("jardines de lluvia" is searched as
    "jardín de lluvia", and so finds "rain garden"), or most of its words as typed, each
    on its own (a match query would read the words as the one phrase the term's
    synonyms make of them)."""
    as_term = {"multi_match": {"query": synonym.term, "fields": WORD_FIELDS, "type": "phrase", "slop": PHRASE_SLOP}}
    words = [word_clause(word, typos) for word in synonym.words]
    # A set that holds a vocabulary term's name ("waste management", "solid waste"):
    # what is tagged with the term is found by any of the set's names, in any language.
    tagged = [tagged_with_terms(Concept(synonym.text, synonym.names))] if synonym.names else []
    if not words:
        return {"dis_max": {"queries": [as_term, *tagged]}} if tagged else as_term
    return {"dis_max": {"queries": [as_term, words[0] if len(words) == 1 else most_of(words, relaxed), *tagged]}}


def phrase_rescore(search):
    """The words close together, as typed (or as a synonym of them), count extra among
    the best documents of each shard: a window that reaches the page asked for, so
    that paging through the results keeps their order."""
    window = min(MAX_RESULT_WINDOW, max(RESCORE_WINDOW, search.offset + search.page_size))
    phrase = {"multi_match": {"query": search.text, "fields": WORD_FIELDS, "type": "phrase", "slop": PHRASE_SLOP}}
    return {"window_size": window, "query": {"rescore_query": phrase, "rescore_query_weight": PHRASE_WEIGHT}}


def facet_aggregations(search, selections):
    """Each facet counts under every selection but its own. Facets without a selection
    therefore share one filter (all selections) and one terms aggregation over the
    facet values' field; only a selected facet needs its own. Grouping them matters:
    each filter aggregation re-reads every matching document, and each terms
    aggregation reads each one's values again."""

    def counts(facet):
        return {"terms": {"field": facet.field, "size": FACET_SIZE}}

    counted = search.counted_facets
    # It counts the selected facets' values too, unread: an `include` pattern leaving
    # them out cost more than it saved.
    every_value = {"terms": {"field": FACET_VALUES, "size": ALL_FACET_VALUES}}
    unselected = {UNSELECTED: every_value} if any(facet.parameter not in selections for facet in counted) else {}
    if not counted or not selections:
        return unselected
    aggregations = {FACET_GROUP: {"filter": {"bool": {"filter": list(selections.values())}}, "aggs": unselected}}
    for name in selections.keys() & {facet.parameter for facet in counted}:
        others = [clause for other, clause in selections.items() if other != name]
        if others:
            aggregations[f"{FACET_GROUP}{name}"] = {
                "filter": {"bool": {"filter": others}},
                "aggs": {name: counts(search.facet(name))},
            }
        else:  # the only selection: its facet counts everything the query matches
            aggregations[name] = counts(search.facet(name))
    return aggregations


def year_aggregation(selections):
    """Results by start year, a bucket per year from the first to the last (empty
    years too), under every selection like the results themselves."""
    by_year = {"histogram": {"field": "start_year", "interval": 1, "min_doc_count": 0}}
    return {"filter": {"bool": {"filter": list(selections.values())}}, "aggs": {YEARS: by_year}}


def facet_buckets(aggregations, facet):
    """The terms buckets of one facet, wherever facet_aggregations put it: a selected
    facet's own, or its values among the unselected ones (most frequent first, as a
    facet's own aggregation orders them)."""
    for group in (aggregations, aggregations.get(FACET_GROUP, {}), aggregations.get(FACET_GROUP + facet.parameter, {})):
        if facet.parameter in group:
            return group[facet.parameter]["buckets"]
    prefix = facet.field + ":"
    unselected = aggregations.get(UNSELECTED) or aggregations[FACET_GROUP][UNSELECTED]
    buckets = [
        {"key": facet.value_of(bucket["key"].removeprefix(prefix)), "doc_count": bucket["doc_count"]}
        for bucket in unselected["buckets"]
        if bucket["key"].startswith(prefix)
    ]
    return buckets[:FACET_SIZE]


def selection_filters(search, chosen=None):
    """{facet parameter: filter} of the visitor's choices (or of `chosen` only). Without
    a chosen language, the language facet's choice is one document per translation
    group, the one that stands for the visitor's language: like any selection it is
    left out of its own facet's counts, so "French (41)" counts the 41 results that
    ticking it shows."""
    chosen = search.selections if chosen is None else chosen
    selections = {name: {"terms": {search.facet(name).field: values}} for name, values in chosen.items()}
    if "language" not in search.selections:
        selections["language"] = own_language_version(search)
    return selections


def own_language_version(search):
    """One document per translation group: the one that stands for the visitor's language."""
    return {"term": {"represents": search.ui_language}}


def build_body(search, typos=False, relaxed=False, related=(), guessed=False):
    selections = selection_filters(search)
    body = {
        "query": {
            "bool": {"must": text_query(search, typos, relaxed, related, guessed), "filter": base_filters(search)}
        },
        "post_filter": {"bool": {"filter": list(selections.values())}},
        "aggs": facet_aggregations(search, selections)
        | ({YEARS: year_aggregation(selections)} if search.year_counts else {}),
        **ordering(search),
        # OpenSearch serves at most MAX_RESULT_WINDOW hits: a page reaching past it is cut short.
        "from": min(search.offset, MAX_RESULT_WINDOW),
        "size": max(0, min(search.page_size, MAX_RESULT_WINDOW - search.offset)),
        "track_total_hits": True,
        "_source": {"excludes": ["text_*", "*_labels", "all_text", "suggest_text", FACET_VALUES, ATTACHMENTS]},
        "highlight": {
            **HIGHLIGHT,
            "fields": {name: {} for name in text_field_names()},
            # The best may be where the text begins, with the title the card shows already
            # (own_highlight): then the next.
            "number_of_fragments": 2,
        },
    }
    return body


def ordering(search):
    """The sort, or for the relevance of several words, their closeness as a rescore
    (OpenSearch rescores only results sorted by score alone: equal scores then keep
    index order instead of the newest first)."""
    if search.sort == "relevance" and len(search.text.split()) > 1:
        return {"rescore": phrase_rescore(search)}
    return {"sort": SORTS[search.sort]}


def suggest_body(search):
    """Asked only when the words as typed find little: the phrase suggester is costly."""
    return {
        "size": 0,
        "suggest": {
            "text": search.text,
            "did_you_mean": {
                "phrase": {
                    "field": "suggest_text",
                    "size": 1,
                    "gram_size": 3,
                    "max_errors": 2,
                    "direct_generator": [{"field": "suggest_text", "suggest_mode": "always"}],
                    "highlight": {"pre_tag": "", "post_tag": ""},
                }
            },
        },
    }


@dataclass
class SearchResults:
    total: int
    hits: list
    facets: dict
    suggestion: str | None
    engine: str = "opensearch"
    # [{"value": year, "count": n}, ...] in year order, when the search asked for year counts.
    years: list = field(default_factory=list)
    # True when no document held most of the query and these hold only some of it.
    relaxed: bool = False


# The shard request cache keeps whole answers (hits, total and facet counts) of
# identical searches until the next refresh that changes the index; OpenSearch caches
# only size=0 searches unless asked. docs/scaling.md has its effect.
CACHED = {"request_cache": "true"}
# Runs a search's second request beside the first (run()): the client is thread-safe
# and OpenSearch answers both at once, so the visitor waits for the longer, not both.
ALONGSIDE = ThreadPoolExecutor(max_workers=8, thread_name_prefix="search-alongside")


def run(search):
    """The search as asked and, when its answer is poor, the searches that may improve
    on it (up to five round trips): typos forgiven, the words as suggested, some of
    the words only, or what the best results' topics add."""
    client = search_client()
    exact = None  # the page's documents holding the whole question, when a tier of related ones follows them
    typed = first_answer(client, search, CACHED)
    asked = suggestion_asked(client, search, typed)
    response, guessed = typos_forgiven(client, search, typed)
    suggested = asked.result() if asked else None
    # Only when the words as typed found nothing or left a word unmatched: an answer
    # that holds every word ("santé" finding the health cases) stays, however few.
    if suggested and (not total_of(typed) or misses_a_word(search, typed)):
        response, guessed = as_suggested(client, search, suggested, response, guessed)
    relaxed = bool(search.text) and not total_of(response) and search.understanding.separable
    if relaxed:
        # Nothing holds most of the words, even forgiving typos: rather than an empty
        # page, what holds some of them, said so on the page and in the API. A concept
        # with another name than the one typed ("jardines de lluvia" for a programme
        # that speaks of storm water and rain) is then still found.
        response = better(client, build_body(search, relaxed=True)) or response
    elif search.text and total_of(response) < FEEDBACK_BELOW:
        # Even when a ticked value leaves none of the pages holding the question: its
        # count came from the tier, so ticking it must give the tier's pages.
        response, exact = widened(client, search, response, guessed)
    return shaped(search, response, suggested, relaxed, exact)


def total_of(response):
    return response["hits"]["total"]["value"]


def better(client, body, params=CACHED):
    """A second search that may improve on the first answer (typos forgiven, the
    words as suggested, some of them only). It makes more clauses than the first,
    and a query near CLAUSE_BUDGET may pass where this one is refused as too
    large: the first answer then stands."""
    try:
        return client.search(index=alias_name(), body=body, params=params)
    except TransportError as error:
        if caused_by_request(error):
            return None
        raise


def typos_forgiven(client, search, typed):
    """The answer with typos forgiven when the words as typed find little and it finds
    more, else the typed one; and whether it is such a guess at what was meant."""
    words = len(search.understanding.words)
    if search.text and 0 < words <= MAX_TYPO_WORDS and finds_little(search, typed):
        forgiving = better(client, build_body(search, typos=True))
        if forgiving and total_of(forgiving) > total_of(typed):
            return forgiving, True
    return typed, False


def suggestion_asked(client, search, typed):
    """The "did you mean" of words that find little, asked now and answered while the
    typos' search runs (it does not wait for that answer); None when they find enough."""
    if search.text and total_of(typed) < SUGGEST_BELOW:
        return ALONGSIDE.submit(did_you_mean, client, search)
    return None


def did_you_mean(client, search):
    suggested_by = better(client, suggest_body(search), params=None)
    return suggested_by and suggestion(suggested_by, search.text)


def as_suggested(client, search, suggested, response, guessed):
    """The answer of the words as suggested when it finds more (a guess too). Typos of
    a word find the word, not its synonyms: "comunity land trust" finds the community
    land trust but not the fideicomiso comunitario de tierras that the words as
    suggested find. The better answer shows, beside the suggestion."""
    corrected = better(client, build_body(replace(search, text=suggested)))
    if corrected and total_of(corrected) > total_of(response):
        return corrected, True
    return response, guessed


def widened(client, search, response, guessed):
    """Fewer results than a page: the answer with what its best results' topics add
    (feedback()), when that finds more; and the pages of the answer it widens, which
    hold the whole question, so that the page can say where they end (they come
    first: ABOVE_THE_TIER)."""
    related = shared_topics(feedback_answer(client, search, response, guessed))
    wider = related and better(client, build_body(search, related=related, guessed=guessed))
    if wider and total_of(wider) > total_of(response):
        return wider, {hit["_source"]["page_id"] for hit in response["hits"]["hits"]}
    return response, None


def shaped(search, response, suggested, relaxed, exact=None):
    """The answer as the pages and the API show it; a hit is `related` when it came
    with the tier of what the best results' topics add, not holding the question."""
    total = total_of(response)
    hits = [
        {
            **hit["_source"],
            "highlight": own_highlight(hit.get("highlight", {}), hit["_source"]),
            "found_in": found_in(hit),
            "related": exact is not None and hit["_source"]["page_id"] not in exact,
        }
        for hit in response["hits"]["hits"]
    ]
    return SearchResults(
        total=total,
        hits=hits,
        facets={facet.parameter: facet_list(search, response, facet) for facet in search.counted_facets},
        suggestion=suggested,
        years=year_counts(search, response),
        relaxed=relaxed and total > 0,
    )


def facet_list(search, response, facet):
    """[{value, label, count, selected}] of a facet, most frequent first."""
    buckets = facet_buckets(response["aggregations"], facet)
    chosen = search.selections.get(facet.parameter, [])
    values = [bucket["key"] for bucket in buckets]
    labels = facet.labels(values + chosen)
    counts = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
    # A chosen value stays visible (with 0) so that its chip and tick can be undone.
    return [
        {
            "value": value,
            "label": labels.get(value, str(value)),
            "count": counts.get(value, 0),
            "selected": value in chosen,
        }
        for value in dict.fromkeys(values + chosen)
    ]


def year_counts(search, response):
    """[{value: year, count}] in year order, when the search asked for them."""
    if not search.year_counts:
        return []
    buckets = response["aggregations"][YEARS][YEARS]["buckets"]
    return [{"value": int(bucket["key"]), "count": bucket["doc_count"]} for bucket in buckets]


def first_answer(client, search, params):
    """The search as asked, or as much of it as OpenSearch takes: the estimate that
    bounded() uses cannot see everything, so a query refused as too large is cut by
    half until it passes (search.left_out says what was left out)."""
    while True:
        try:
            return client.search(index=alias_name(), body=build_body(search), params=params)
        except TransportError as error:
            if not (caused_by_request(error) and search.shorten()):
                raise


def finds_little(search, response):
    """Few results, or a word of the query that none of the best ones holds: the other
    words found something ("comunity land trust" finds land and trust), the misspelt one
    nothing, and its typos are worth a second search."""
    return total_of(response) < SUGGEST_BELOW or misses_a_word(search, response)


def misses_a_word(search, response):
    """A word of the query that none of the best hits holds."""
    held = {name for hit in response["hits"]["hits"] for name in hit.get("matched_queries", ())}
    return any(WORD_NAME + word not in held for word in search.understanding.words)


def own_highlight(highlight, document):
    """The best fragment in the result's own language (the other languages' fields hold
    its translations, whose words may be what matched, but the card shows this
    version) that marks a word once its title is left out; None when only the title
    holds the words (the card then shows the summary)."""
    for fragment in highlight.get(f"text_{document['language']}", ()):
        passage = without_title(fragment, document["title"])
        if "<mark>" in passage:
            return passage
    return None


def found_in(hit):
    """The page of an attached file where the words were found, with its words
    highlighted: {kind, title, page, highlight}, or None."""
    pages = hit.get("inner_hits", {}).get(ATTACHMENTS, {}).get("hits", {}).get("hits", [])
    if not pages:
        return None
    fragments = [fragment for values in pages[0].get("highlight", {}).values() for fragment in values]
    return {**pages[0]["_source"], "highlight": fragments[0] if fragments else None}


# A highlighted fragment's parts: its marks, an HTML entity, a character.
FRAGMENT_PARTS = re.compile(r"</?mark>|&#?\w+;|.", re.DOTALL)


def without_title(fragment, title):
    """The fragment less the title it starts with: every document's text begins with
    its title, which the card shows above it."""
    shown, marked = "", False
    for part in FRAGMENT_PARTS.finditer(fragment):
        if part.group() in ("<mark>", "</mark>"):
            marked = part.group() == "<mark>"
            continue
        shown += html.unescape(part.group())
        if not title.startswith(shown):
            return fragment
        if shown == title:
            rest = fragment[part.end() :]
            if marked and not rest.startswith("</mark>"):  # a mark that the title opened goes on
                return "<mark>" + rest.strip()
            return rest.removeprefix("</mark>").strip()
    return ""


def suggestion(response, text):
    options = response.get("suggest", {}).get("did_you_mean", [{}])[0].get("options", [])
    if options and options[0]["text"].casefold() != text.casefold():
        return options[0]["text"]
    return None
