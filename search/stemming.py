"""Word stems for the database fallback: another inflection of a word ("vendedor
ambulante" for "vendedores ambulantes", "logements rénovés" for "logement rénové")
finds what the index's language analyzers would find.

The database search (Wagtail's backend: FTS5 on SQLite, a text search configuration on
PostgreSQL) stems nothing on SQLite and only in English on PostgreSQL. So the stems are
made here, with the Snowball stemmers (the `snowballstemmer` package, the algorithms
OpenSearch's own stemmers descend from), on both sides alike: a page's text is
indexed with the stems of its words in its own language beside the words
(`StemmedText`), and a query's word is looked for as its stem in every content
language, since a query's language is not known ("ciudad esponja" from an English
reader). Stems are folded (no accents), as the database search folds the text.
https://snowballstem.org/
"""

import re
from functools import cache

import snowballstemmer
from django.conf.locale import LANG_INFO

from taxonomy.text import folded

from .analysis import content_languages

WORD = re.compile(r"\w+")


@cache
def stemmer(language):
    """The Snowball stemmer of a language code ("fr": French), or None without one."""
    name = LANG_INFO.get(language, {}).get("name", "").casefold()
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


def stems_of(text, language):
    """The folded stems of the text's words in this language, each once, in order;
    none for a language without a stemmer."""
    found = stemmer(language)
    if found is None:
        return []
    words = WORD.findall(text.casefold())
    return list(dict.fromkeys(folded(stem) for stem in found.stemWords(words)))


def word_stems(word):
    """The folded stems of one word in every content language, bar the word itself
    (folded): what else to look for."""
    stems = (stem for code in content_languages() for stem in stems_of(word, code))
    return [stem for stem in dict.fromkeys(stems) if stem != folded(word)]
