"""The public index: settings and field mapping.

Text is analysed by its own language (`text_en`, `text_fr`... one per language of
settings.LANGUAGES); every
document also feeds a folded, language-neutral field, so a word in any language and
without accents still matches. Taxonomy terms are keywords (slugs) for filters and
facets, and their labels in every language are text, so "santé" finds a case tagged
SDG 3 in English.
"""

from . import registry
from .analysis import analysis_settings, language_text_fields
from .documents import label_fields
from .facets import FACET_VALUES, FACETS
from .synonyms import FILTER_NAME, synonym_filter

SUGGEST_ANALYSIS = {
    "filter": {"suggest_shingle": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3}},
    "analyzer": {
        # Unstemmed and accent-folded: the "did you mean" suggestions must be real words.
        "suggest_shingles": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding", "suggest_shingle"]},
    },
}

KEYWORD = {"type": "keyword"}
# Facet fields are aggregated on every search: build their ordinals at refresh, not at query time.
FACET_KEYWORD = {"type": "keyword", "eager_global_ordinals": True}
# Queries reach folded fields through the same analyzer plus the editors' synonyms.
FOLDED = {"type": "text", "analyzer": "folded", "search_analyzer": "folded_search"}
FOLDED_TEXT = {**FOLDED, "copy_to": ["all_text"]}
# Kept whole in the document, read back by the API and exports, never searched.
STORED = {"type": "object", "enabled": False}
# The nested pages of a page's attached files (SearchDocument.fields fills it).
ATTACHMENTS = "attachments"
KEYWORD_FIELDS = ("translation_key", "represents", "external_id", "tags")


def index_settings(shards=1, replicas=0):
    text_analysis = analysis_settings()["analysis"]
    analysis = {
        "filter": {
            **text_analysis["filter"],
            **SUGGEST_ANALYSIS["filter"],
            FILTER_NAME: synonym_filter(),
        },
        "analyzer": {**text_analysis["analyzer"], **SUGGEST_ANALYSIS["analyzer"]},
    }
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        # The node's filter cache kept bitsets of the facet selections and languages
        # (cheap term filters), evicted and rebuilt them as selections varied, and so
        # made searches slower once it had filled: API p95 110 ms at 1,000,000
        # documents with it cleared, 160-170 ms with it full (docs/scaling.md).
        "queries": {"cache": {"enabled": False}},
        "analysis": analysis,
    }


def attachments_mapping():
    """The pages of the files attached to a page (a case's ordinance, its evaluation),
    one nested document each, its words analysed by its language: a search finds the
    page that holds them and says where (query.attachment_clause)."""
    return {
        "type": "nested",
        "properties": {
            "kind": KEYWORD,
            "title": {"type": "keyword", "index": False},
            "page": {"type": "integer"},
            **language_text_fields(),
        },
    }


def index_mappings():
    text_fields = {
        name: {**field, "copy_to": ["all_text", "suggest_text"]} for name, field in language_text_fields().items()
    }
    return {
        "dynamic": "strict",
        "properties": {
            # A scoped search's facets count a few documents: ordinals built when asked are enough.
            **dict.fromkeys((*KEYWORD_FIELDS, *registry.scope_fields()), KEYWORD),
            # The site's facets and a type's own (the integer "sdgs" below excepted).
            **dict.fromkeys(
                (*(facet.field for facet in FACETS), *registry.facet_fields(), FACET_VALUES), FACET_KEYWORD
            ),
            **dict.fromkeys(label_fields(), FOLDED_TEXT),
            **text_fields,
            "page_id": {"type": "integer"},
            "revision_id": {"type": "integer"},
            "sdgs": {"type": "integer"},  # a facet too; numeric terms need no ordinals
            "start_year": {"type": "integer"},
            "end_year": {"type": "integer"},
            "first_published_at": {"type": "date"},
            "last_published_at": {"type": "date"},
            "location": {"type": "geo_point"},
            "title": {
                **FOLDED,
                "fields": {"autocomplete": {"type": "search_as_you_type", "analyzer": "folded"}},
            },
            "summary": FOLDED,
            "organisation": FOLDED,
            "url": {"type": "keyword", "index": False},
            "thumbnail": {"type": "keyword", "index": False},
            "translations": {"type": "object", "enabled": False},
            **dict.fromkeys(registry.stored_fields(), STORED),
            "all_text": FOLDED,
            ATTACHMENTS: attachments_mapping(),
            "suggest_text": {"type": "text", "analyzer": "suggest_shingles"},
        },
    }
