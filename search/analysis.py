"""Text analysis for the public index: one analyzer per content language, rebuilt
from OpenSearch's built-in language analyzers so that accents are folded at index
*and* query time, plus a language-neutral folded analyzer.

Only filters from the standard analysis-common module are used, so the same settings
work on any OpenSearch 2.x cluster, with or without the ICU plugin.
https://opensearch.org/docs/latest/analyzers/language-analyzers/
"""

from django.conf import settings

from .synonyms import FILTER_NAME

# Each needs its analyzer below.
CONTENT_LANGUAGES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)

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

# Stop words are removed before folding because the stop lists are accented ("été").
ANALYZERS = {
    "text_en": {
        "tokenizer": "standard",
        "filter": ["english_possessive", "lowercase", "english_stop", "asciifolding", "english_stemmer"],
    },
    "text_fr": {
        "tokenizer": "standard",
        "filter": ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
    },
    "text_es": {
        "tokenizer": "standard",
        "filter": ["lowercase", "spanish_stop", "asciifolding", "spanish_short_words", "spanish_stemmer"],
    },
    "folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
}


def with_synonyms(analyzer, after):
    """The analyzer a query goes through: the same, with the editors' synonyms
    (search/synonyms.py) right after the filter named `after`, so that rules and
    queries are lowercased alike and stop words inside a rule ("banco de alimentos")
    are still read."""
    filters = list(analyzer["filter"])
    filters.insert(filters.index(after) + 1, FILTER_NAME)
    return {**analyzer, "filter": filters}


# Synonyms apply at query time only: changing them then needs no reindexing.
SEARCH_ANALYZERS = {
    f"{name}_search": with_synonyms(analyzer, after="lowercase" if name.startswith("text_") else "asciifolding")
    for name, analyzer in ANALYZERS.items()
}
ANALYSIS_SETTINGS = {"analysis": {"filter": FILTERS, "analyzer": {**ANALYZERS, **SEARCH_ANALYZERS}}}


def language_text_fields():
    """A text field per content language, each analysed by its own language."""
    return {
        f"text_{code}": {"type": "text", "analyzer": f"text_{code}", "search_analyzer": f"text_{code}_search"}
        for code in CONTENT_LANGUAGES
    }
