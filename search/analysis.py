"""Text analysis for the public index: one analyzer per content language, rebuilt
from OpenSearch's built-in language analyzers so that accents are folded at index
*and* query time, plus a language-neutral folded analyzer.

Only filters from the standard analysis-common module are used, so the same settings
work on any OpenSearch 2.x cluster, with or without the ICU plugin.
https://opensearch.org/docs/latest/analyzers/language-analyzers/
"""

from django.conf import settings

from .synonyms import FILTER_NAME

# Stop lists and stemmers of OpenSearch's analysis-common module, by ISO 639-1 code:
# a language configured in settings.LANGUAGES is analysed by its own rules if it is
# here, and system checks refuse to start without (search/checks.py). The lighter
# stemmers, where there is one, as for French and Spanish below: an aggressive one
# conflates words a visitor tells apart.
# https://opensearch.org/docs/latest/analyzers/token-filters/stemmer/
LANGUAGE_RULES = {
    "ca": ("_catalan_", "catalan"),
    "cs": ("_czech_", "czech"),
    "da": ("_danish_", "danish"),
    "de": ("_german_", "light_german"),
    "el": ("_greek_", "greek"),
    "fi": ("_finnish_", "light_finnish"),
    "gl": ("_galician_", "galician"),
    "hu": ("_hungarian_", "light_hungarian"),
    "id": ("_indonesian_", "indonesian"),
    "it": ("_italian_", "light_italian"),
    "nl": ("_dutch_", "dutch"),
    "no": ("_norwegian_", "light_norwegian"),
    "pt": ("_portuguese_", "light_portuguese"),
    "ro": ("_romanian_", "romanian"),
    "ru": ("_russian_", "light_russian"),
    "sv": ("_swedish_", "light_swedish"),
    "tr": ("_turkish_", "turkish"),
}

FILTERS = {
    "english_possessive": {"type": "stemmer", "language": "possessive_english"},
    "english_stop": {"type": "stop", "stopwords": "_english_"},
    "english_stemmer": {"type": "stemmer", "language": "english"},
    "french_elision": {
        "type": "elision",
        "articles_case": True,
        "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    },
    "french_stop": {"type": "stop", "stopwords": "_french_"},
    "french_stemmer": {"type": "stemmer", "language": "light_french"},
    "spanish_stop": {"type": "stop", "stopwords": "_spanish_"},
    "spanish_stemmer": {"type": "stemmer", "language": "light_spanish"},
    # The light Spanish stemmer leaves words of four letters whole but takes the last
    # vowel (or the plural "-os", "-as", "-es") from longer ones: "bono" stayed "bono"
    # while "bonos" became "bon", so "bono verde" missed "bonos verdes" ("agua"/"aguas",
    # "café"/"cafés" likewise). Four-letter words lose their last vowel first, as longer
    # words do in the stemmer, and both forms then stem alike.
    "spanish_short_words": {"type": "pattern_replace", "pattern": "^(\\w{3})[aeo]$", "replacement": "$1"},
    # No synonyms here: the index settings hold the editors' (search.mapping.index_settings).
    FILTER_NAME: {"type": "synonym_graph", "synonyms": [], "lenient": True},
}

# The languages tuned by hand against the relevance sets (docs/search-relevance.md).
# Stop words are removed before folding because the stop lists are accented ("été").
TUNED_ANALYZERS = {
    "en": {
        "tokenizer": "standard",
        "filter": ["english_possessive", "lowercase", "english_stop", "asciifolding", "english_stemmer"],
    },
    "fr": {
        "tokenizer": "standard",
        "filter": ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
    },
    "es": {
        "tokenizer": "standard",
        "filter": ["lowercase", "spanish_stop", "asciifolding", "spanish_short_words", "spanish_stemmer"],
    },
}
FOLDED_ANALYZER = {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}


def content_languages():
    """The codes of the content languages, read from settings when asked."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def has_analyzer(code):
    return code in TUNED_ANALYZERS or code in LANGUAGE_RULES


def rules_filters(code):
    """The stop and stemmer filters of a language analysed by LANGUAGE_RULES."""
    stopwords, stemmer = LANGUAGE_RULES[code]
    return {
        f"{code}_stop": {"type": "stop", "stopwords": stopwords},
        f"{code}_stemmer": {"type": "stemmer", "language": stemmer},
    }


def text_analyzer(code):
    if code in TUNED_ANALYZERS:
        return TUNED_ANALYZERS[code]
    return {"tokenizer": "standard", "filter": ["lowercase", f"{code}_stop", "asciifolding", f"{code}_stemmer"]}


def analyzers():
    """One analyzer per content language (`text_<code>`) and the folded one."""
    return {**{f"text_{code}": text_analyzer(code) for code in content_languages()}, "folded": FOLDED_ANALYZER}


def with_synonyms(analyzer, after):
    """The analyzer a query goes through: the same, with the editors' synonyms
    (search/synonyms.py) right after the filter named `after`, so that rules and
    queries are lowercased alike and stop words inside a rule ("banco de alimentos")
    are still read."""
    filters = list(analyzer["filter"])
    filters.insert(filters.index(after) + 1, FILTER_NAME)
    return {**analyzer, "filter": filters}


def search_analyzers():
    """Synonyms apply at query time only: changing them then needs no reindexing."""
    return {
        f"{name}_search": with_synonyms(analyzer, after="lowercase" if name.startswith("text_") else "asciifolding")
        for name, analyzer in analyzers().items()
    }


def analysis_settings():
    filters = dict(FILTERS)
    for code in content_languages():
        if code not in TUNED_ANALYZERS:
            filters.update(rules_filters(code))
    return {"analysis": {"filter": filters, "analyzer": {**analyzers(), **search_analyzers()}}}


def language_text_fields():
    """A text field per content language, each analysed by its own language."""
    return {
        f"text_{code}": {"type": "text", "analyzer": f"text_{code}", "search_analyzer": f"text_{code}_search"}
        for code in content_languages()
    }


def text_field_names(boost=""):
    """The language fields a query reads, e.g. ["text_en^2", ...] with boost "^2"."""
    return [f"text_{code}{boost}" for code in content_languages()]
