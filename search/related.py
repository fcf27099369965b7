"""Cases like this one, for the case page: OpenSearch's more_like_this over the case's
words and its themes, topics and SDGs, in the visitor's language when a case has a
version in it."""

import logging

from opensearchpy.exceptions import TransportError

from .client import get_client
from .documents import document_id
from .index import alias_name
from .query import own_language_first

logger = logging.getLogger(__name__)
SIMILAR_CASES = 4
LIKE_FIELDS = ["all_text", "themes_labels", "topics_labels", "sdgs_labels", "target_groups_labels"]


def similar_cases(page, ui_language, size=SIMILAR_CASES):
    """Up to `size` other cases (never a version of this one), as index documents;
    none when the page is not indexed yet or OpenSearch cannot answer: the case page
    is complete without them."""
    body = {
        "size": size,
        "_source": ["title", "url", "language", "summary", "thumbnail"],
        "query": {
            "bool": {
                "must": {
                    "more_like_this": {
                        "fields": LIKE_FIELDS,
                        "like": [{"_index": alias_name(), "_id": document_id(page.pk)}],
                        # Cases are short: a word or a label shared once already says something.
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "max_query_terms": 40,
                    }
                },
                "filter": [{"term": {"type": "case"}}, {"term": {"represents": ui_language}}],
                "must_not": [{"term": {"translation_key": str(page.translation_key)}}],
                "should": [own_language_first(ui_language)],
            }
        },
    }
    try:
        return [hit["_source"] for hit in get_client().search(index=alias_name(), body=body)["hits"]["hits"]]
    except TransportError as error:
        logger.warning("No similar cases for page %s: %s", page.pk, error)
        return []
