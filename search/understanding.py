"""Query understanding: the vocabulary terms a visitor wrote in the query.

"affordable housing in Latin America" names the topic Housing and the region Latin
America and the Caribbean; "personnes âgées" names the target group Older people;
"ODS 14" names an SDG. Recognition reads every label of the themes, topics, SDGs,
regions, countries and cities, and of the vocabularies of the facets that page types
bring and mark `recognised` (a case's target groups, say), in every interface
language (and the words that ask for a document type: "expert"), case- and
accent-insensitively, singular or plural, longest match first.
The query builder (search/query.py) then boosts what is tagged with a recognised
term and stops requiring its words as text; the search page offers each term as a
filter, and the API lists them as `understood`.

It also finds the terms of the editors' synonym sets ("food banks", "jardines de
lluvia"), singular or plural, accents or not: the query builder searches such a
stretch as the term stored in its set, which the search analyzers' synonym filter
(search/synonyms.py) expands to the set's other terms. That filter reads the query as
typed, before stemming, so without this "rain gardens" would miss the set holding
"rain garden", and a name inside a longer query ("food pantry Lyon") would be split
into words no rule holds.

The label index is built once from the cached vocabularies (taxonomy/cache.py), so it
is dropped with them whenever a term is saved or deleted; the synonym index likewise
whenever a set is (search/signals.py). Looking a query up costs a few dictionary reads
per word.
"""

import re
from dataclasses import dataclass

from django.conf import settings

from taxonomy.cache import cached, forget, terms_by_key
from taxonomy.text import folded

from . import registry
from .analysis import content_languages
from .facets import FACETS_BY_PARAMETER, PLACES, SUBJECTS, Registered

# The facets whose terms a query may name: the subjects, the page types' own, the places.
RECOGNISED_FACETS = Registered(
    lambda: [facet.parameter for facet in (*SUBJECTS, *registry.site_facets(), *PLACES) if facet.recognised]
)
# Function words of the three languages (accents folded). A query does not need them
# in the text ("housing in Latin America"), and a label without them still matches
# ("latin america caribbean"). Deliberately short: the analyzers' own stop lists
# (Lucene's, search/analysis.py) still apply to the text; a longer generic list
# would also drop words that carry a subject ("work", "first", "public").
STOP_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
    "au", "aux", "avec", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour",
    "qu", "sur", "un", "une",
    "al", "con", "del", "e", "el", "los", "las", "o", "para", "por", "u", "una", "unas", "unos", "y",
})  # fmt: skip
# Words that say a visitor wants practices, not what about: "mobility projects in
# Africa" must not count "projects" as half of its subject (singular and plural alike).
GENERIC_WORDS = frozenset({
    "project", "projet", "proyecto", "initiative", "iniciativa", "practice", "pratique", "practica",
    "programme", "program", "programa", "example", "exemple", "ejemplo",
    "good", "best", "bonne", "meilleure", "buena", "mejor",
})  # fmt: skip
# Where a label lists several things ("Children and youth", "Industry, innovation and
# infrastructure"), each may be named alone.
LIST_SEPARATORS = re.compile(r",|;|&|\b(?:and|et|y|e)\b")
# "SDG 11", "SDG11", "ODD 11" (French), "ODS 11" (Spanish), "goal 11", "objetivo 11".
SDG_PREFIXES = ("sdg", "odd", "ods", "goal", "objectif", "objetivo")
PLACE_FACETS = ("region", "country", "city")
SHORT_NAMED_FACETS = ("topic", "theme")
SYNONYM_INDEX = "understanding-synonym-index"
WORD = re.compile(r"\w+")


def canonical(word):
    """A folded word reduced to a form its singular and plural share, in the three
    languages: "households"/"household", "cities"/"city", "âgées"/"âgé",
    "ciudades"/"ciudad", "eaux"/"eau". Only for matching words to each other."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "y":
        word = word[:-1] + "i"
    return word


GENERIC_KEYS = frozenset(canonical(word) for word in GENERIC_WORDS)


def label_keys(label):
    """The word sequences that name a label: the whole label, the label without its
    function words (when two words or more remain), and each item of a list of things. A single-word item is only
    taken when every item is a single word: in "Affordable and clean energy" the
    items share their last word, and "affordable" alone names no goal."""
    text = folded(label)
    words = WORD.findall(text)
    keys = {tuple(words), *list_items(text)}
    content = tuple(word for word in words if word not in STOP_WORDS)
    # One word left is too loose a name: "La Paz" is not "paz" (peace).
    if len(content) > 1:
        keys.add(content)
    return {tuple(canonical(word) for word in key) for key in keys if key}


def list_items(text):
    """The items of a folded label that lists several things, as word sequences (see label_keys)."""
    items = [strip_function_words(WORD.findall(item)) for item in LIST_SEPARATORS.split(text)]
    items = [words for words in items if words]
    if len(items) < 2:
        return []
    single_words_only = all(len(words) == 1 for words in items)
    return [tuple(words) for words in items if single_words_only or len(words) > 1]


def strip_function_words(words):
    """An item without the function words around it: "the Caribbean" -> "Caribbean"."""
    start, end = 0, len(words)
    while start < end and words[start] in STOP_WORDS:
        start += 1
    while end > start and words[end - 1] in STOP_WORDS:
        end -= 1
    return words[start:end]


@dataclass(frozen=True)
class LabelIndex:
    keys: dict  # (canonical word, ...) -> ((facet parameter, value), ...)
    longest: int


def label_index():
    """Every recognisable word sequence, from the cached vocabularies in every language."""

    def load():
        keys = {}
        for parameter in RECOGNISED_FACETS:
            facet = FACETS_BY_PARAMETER[parameter]
            for value, term in terms_by_key(facet.model, facet.lookup).items():
                names = {term.label_in(code) for code, _name in settings.LANGUAGES}
                if parameter == "sdg":
                    names.update(f"{prefix} {value}" for prefix in SDG_PREFIXES)
                    names.update(f"{prefix}{value}" for prefix in SDG_PREFIXES)
                if parameter in SHORT_NAMED_FACETS:
                    # A topic's slug is its short English name ("health" for Public
                    # health, "climate", "waste"), as visitors write it.
                    names.add(value.replace("-", " "))
                if parameter == "region":
                    # A region named by a compound ("Asia-Pacific") is named by its
                    # first part too: a visitor writes "water in Asia".
                    names.update(name.split("-")[0] for name in list(names) if re.fullmatch(r"\w+-\w+", name))
                for name in names:
                    for key in label_keys(name):
                        keys.setdefault(key, {})[(parameter, value)] = None
        # Asking for a kind of document ("housing expert") is asking for its type.
        for document in registry.documents():
            for name in document.query_names:
                for key in label_keys(name):
                    keys.setdefault(key, {})[("type", document.type)] = None
        frozen = {key: tuple(found) for key, found in keys.items()}
        return LabelIndex(keys=frozen, longest=max(map(len, frozen), default=0))

    return cached("understanding-label-index", load)


def term_names(parameter, value):
    """[(language code, name)] of a recognised term: in each language its label (folded)
    and, when the label lists several things, each item of it ("residuos solidos",
    "economia circular"). A concept is searched as text by all of them, each in its
    language's text, so that "eau" finds the English practice that speaks of water
    without being tagged Water."""

    def load():
        names = {}
        for facet_parameter in RECOGNISED_FACETS:
            facet = FACETS_BY_PARAMETER[facet_parameter]
            for key, term in terms_by_key(facet.model, facet.lookup).items():
                found = {}
                for code in content_languages():
                    text = folded(term.labels.get(code, ""))
                    found[(code, text)] = None
                    found.update(((code, " ".join(item)), None) for item in list_items(text))
                names[(facet_parameter, key)] = tuple(name for name in found if WORD.search(name[1]))
        return names

    return cached("understanding-term-names", load).get((parameter, value), ())


def narrower_terms(parameter, value):
    """[(facet parameter, value)] of the terms under a recognised one: a theme's topics."""
    if parameter != "theme":
        return []

    def load():
        topics = {}
        for slug, theme in FACETS_BY_PARAMETER["topic"].model.objects.values_list("slug", "theme__slug"):
            topics.setdefault(theme, []).append(("topic", slug))
        return topics

    return cached("understanding-narrower-terms", load).get(value, [])


def words_key(text):
    return tuple(canonical(word) for word in WORD.findall(folded(text)))


@dataclass(frozen=True)
class SynonymTerm:
    """A term as its set holds it, and what the search analyzers' synonym filter may put
    in its place: every term of every set holding it, and how many words they have."""

    term: str
    alternatives: tuple
    expansion: int
    # (facet parameter, value) of the subjects a term of its sets names as a whole
    # ("gestión de residuos" is in a set with "solid waste", a name of the topic Waste).
    names: tuple = ()


def synonym_index():
    """Every term of the editors' synonym sets, by its canonical words."""

    def load():
        from .models import SynonymSet

        sets = [synonym_set.term_list() for synonym_set in SynonymSet.objects.all()]
        alternatives = {}
        for terms in sets:
            for key in {words_key(term) for term in terms}:
                alternatives.setdefault(key, []).extend(terms)
        keys = {}
        for terms in sets:
            for term in terms:
                key = words_key(term)
                if key not in keys:
                    others = tuple(dict.fromkeys(alternatives[key]))
                    expansion = sum(len(WORD.findall(other)) for other in others)
                    keys[key] = SynonymTerm(term, others, expansion, subjects_named(others))
        keys.pop((), None)
        return LabelIndex(keys=keys, longest=max(map(len, keys), default=0))

    return cached(SYNONYM_INDEX, load)


def subjects_named(terms):
    """The subject terms (not places nor kinds of document) that any of these synonym
    terms names as a whole."""
    named = {}
    for term in terms:
        for parameter, value in label_index().keys.get(words_key(term), ()):
            if parameter not in PLACE_FACETS and parameter != "type":
                named[(parameter, value)] = None
    return tuple(named)


def forget_synonyms():
    forget(SYNONYM_INDEX)


def synonym_alternatives(term):
    """Every term of the sets holding this one, itself included."""
    found = synonym_index().keys.get(words_key(term))
    return found.alternatives if found else (term,)


def synonym_expansion(text):
    """How many words the search analyzers' synonym filter may put in place of the
    synonym terms in `text` (the query builder's estimate of a query's clauses)."""
    tokens = [(None, canonical(word)) for word in WORD.findall(folded(text))]
    added, position = 0, 0
    while position < len(tokens):
        length, found = longest_match(synonym_index(), tokens, position)
        if length:
            added += found.expansion
        position += length or 1
    return added


def longest_match(index, tokens, position):
    """The length of the longest key of `index` at `position` and what it names, or (0, None)."""
    for length in range(min(index.longest, len(tokens) - position), 0, -1):
        found = index.keys.get(tuple(word for _match, word in tokens[position : position + length]))
        if found:
            return length, found
    return 0, None


@dataclass(frozen=True)
class Concept:
    """A stretch of the query that names one or more terms ("gender equality" is a
    theme and an SDG): `terms` are (facet parameter, value) pairs."""

    text: str
    terms: tuple

    @property
    def is_place(self):
        return any(parameter in PLACE_FACETS for parameter, _value in self.terms)

    @property
    def is_city(self):
        return any(parameter == "city" for parameter, _value in self.terms)

    @property
    def is_kind(self):
        """A kind of document asked for ("housing expert"): only the type facet."""
        return all(parameter == "type" for parameter, _value in self.terms)


@dataclass(frozen=True)
class Synonym:
    """A stretch of the query that is a term of a synonym set: `term` as the set holds
    it, the stretch's own words (without function words) as typed, and how many of
    them no concept holds ("affordable housing": one, "housing" is a topic)."""

    text: str
    term: str
    words: tuple
    own_words: int
    # The subjects its set names (SynonymTerm.names): what is tagged with them matches it too.
    names: tuple = ()


@dataclass(frozen=True)
class Understanding:
    concepts: tuple = ()
    # Terms of synonym sets that reach beyond any concept ("affordable housing" holds
    # the topic "housing" and goes on); their words are not left to match one by one.
    synonyms: tuple = ()
    # The words left to find as text, as typed, without function words.
    words: tuple = ()

    @property
    def separable(self):
        """Whether the query has several parts that could be found apart: several
        concepts or words, or a synonym term of several words."""
        words = sum(max(1, len(synonym.words)) for synonym in self.synonyms)
        return len(self.concepts) + words + len(self.words) > 1

    def described(self, facets=None):
        """[{facet, value, label, text}] in the active language, as the API shows them;
        with `facets`, only the terms of those facets (what a page can filter by)."""
        offered = {facet.parameter for facet in facets} if facets is not None else None
        described = []
        for concept in self.concepts:
            for parameter, value in concept.terms:
                if offered is not None and parameter not in offered:
                    continue
                facet = FACETS_BY_PARAMETER[parameter]
                label = facet.labels([value]).get(value, str(value))
                described.append({"facet": parameter, "value": value, "label": label, "text": concept.text})
        return described


def understand(text):
    """The concepts named in `text` (longest match first, left to right), the synonym
    terms that are more than a concept, and the words left over."""
    tokens = [(match, canonical(folded(match.group()))) for match in WORD.finditer(text)]
    concepts, spans = named_concepts(text, tokens)
    synonyms, covered = named_synonyms(text, tokens, spans)
    words = content_words(tokens, covered)
    specific = tuple(word for word in words if canonical(folded(word)) not in GENERIC_KEYS)
    if concepts or synonyms or specific:
        words = specific
    return Understanding(concepts=tuple(concepts), synonyms=tuple(synonyms), words=words)


def stretch_text(text, tokens, start, end):
    """The stretch of `text` from token `start` to token `end` (excluded), as typed."""
    return text[tokens[start][0].start() : tokens[end - 1][0].end()]


def named_concepts(text, tokens):
    """The concepts the tokens name, and the token positions each spans."""
    concepts, spans = [], []
    position = 0
    while position < len(tokens):
        length, terms = longest_match(label_index(), tokens, position)
        if length:
            concepts.append(Concept(stretch_text(text, tokens, position, position + length), terms))
            spans.append(range(position, position + length))
        position += length or 1
    return concepts, spans


def named_synonyms(text, tokens, spans):
    """The synonym terms that reach beyond the concepts' spans, and the token
    positions that concepts and synonyms cover."""
    in_concepts = {position for span in spans for position in span}
    covered = set(in_concepts)
    synonyms = []
    position = 0
    while position < len(tokens):
        length, found = longest_match(synonym_index(), tokens, position)
        stretch = range(position, position + length)
        if length and not any(set(stretch) <= set(span) for span in spans):
            words = content_words(tokens[position : position + length])
            own = content_words([tokens[at] for at in stretch if at not in in_concepts])
            synonym_text = stretch_text(text, tokens, position, position + length)
            synonyms.append(Synonym(synonym_text, found.term, words, len(own), found.names))
            covered.update(stretch)
        position += length or 1
    return synonyms, covered


def content_words(tokens, skipped=()):
    """The words of these tokens as typed, without function words, repeats or the skipped positions."""
    words, seen = [], set()
    for position, (match, word) in enumerate(tokens):
        if position not in skipped and folded(match.group()) not in STOP_WORDS and word not in seen:
            seen.add(word)
            words.append(match.group())
    return tuple(words)
