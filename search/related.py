"""Pages like this one and of its type (the case page shows similar cases):
OpenSearch's more_like_this over the page's words and its themes, topics and SDGs (and
the labels its type names, SearchDocument.like_fields), in the visitor's language when
a page has a version in it."""

from core import page_cache

from . import breaker, registry
from .client import search_client
from .documents import document_id
from .index import alias_name
from .query import own_language_first

SIMILAR_PAGES = 4
LIKE_FIELDS = ["all_text", "themes_labels", "topics_labels", "sdgs_labels"]


def similar_pages(page, ui_language, size=SIMILAR_PAGES):
    """Up to `size` other pages of its type (never a version of this one), as index
    documents; none when the page is not indexed yet or OpenSearch cannot answer: the
    page is complete without them."""

    def from_index():
        body = similarity_query(page, ui_language, size)
        return [hit["_source"] for hit in search_client().search(index=alias_name(), body=body)["hits"]["hits"]]

    # Kept until the next change to the content or the index: a member, or a visitor
    # after the page cache lost the page, does not ask OpenSearch again (about a fifth
    # of a case page's time at 10,000 cases). An answer without OpenSearch is not kept.
    return page_cache.remember(
        f"similar-pages:{page.pk}:{ui_language}:{size}",
        lambda: breaker.call(from_index, list),
        dependencies=(page_cache.CONTENT, page_cache.INDEX),
    )


def similarity_query(page, ui_language, size):
    """OpenSearch's more_like_this over the page's indexed words and labels, built only
    when the kept answer is missing or stale."""
    declared = registry.for_page(page)
    return {
        "size": size,
        "_source": ["title", "url", "language", "summary", "thumbnail"],
        "query": {
            "bool": {
                "must": {
                    "more_like_this": {
                        "fields": [*LIKE_FIELDS, *declared.like_fields],
                        "like": [{"_index": alias_name(), "_id": document_id(page.pk)}],
                        # Cases are short: a word or a label shared once already says something.
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "max_query_terms": 40,
                    }
                },
                "filter": [{"term": {"type": declared.type}}, {"term": {"represents": ui_language}}],
                "must_not": [{"term": {"translation_key": str(page.translation_key)}}],
                "should": [own_language_first(ui_language)],
            }
        },
    }
