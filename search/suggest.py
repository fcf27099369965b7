"""Autocomplete: page titles from the index (as you type), and the cities, themes and
topics whose label in the visitor's language starts like the query."""

from django.utils.translation import gettext_lazy as _

from core import links
from taxonomy.cache import folded_labels
from taxonomy.models import City, Theme, Topic
from taxonomy.text import folded

from . import breaker
from .client import search_client
from .documents import indexable_pages
from .facets import TYPE_LABELS
from .index import alias_name

MAX_SUGGESTIONS = 8
MAX_QUERY_LENGTH = 100
# The vocabularies offered as suggestions: the `type` a suggestion carries (also the
# search page's parameter it fills) and how the list names it.
SUGGESTED_TERMS = {
    "city": (City, _("City")),
    "theme": (Theme, _("Theme")),
    "topic": (Topic, _("Topic")),
}


def suggestion_type_labels():
    """{type: label} of every kind of suggestion: vocabulary terms and indexed pages."""
    return {**{kind: label for kind, (_model, label) in SUGGESTED_TERMS.items()}, **TYPE_LABELS}


def suggestions(text, ui_language):
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return []
    return (term_suggestions(text, ui_language) + title_suggestions(text, ui_language))[:MAX_SUGGESTIONS]


def term_suggestions(text, ui_language):
    wanted = folded(text)
    search_url = links.link("search")
    found = []
    for parameter, (model, _label) in SUGGESTED_TERMS.items():
        for folded_label, label, term in folded_labels(model, ui_language):
            if folded_label.startswith(wanted):
                found.append({"text": label, "type": parameter, "url": f"{search_url}?{parameter}={term.slug}"})
    return sorted(found, key=lambda item: item["text"])[:4]


def title_suggestions(text, ui_language):
    body = {
        "size": MAX_SUGGESTIONS,
        "_source": ["title", "type", "url"],
        "query": {
            "bool": {
                "must": {
                    "multi_match": {
                        "query": text,
                        "type": "bool_prefix",
                        "fields": ["title.autocomplete", "title.autocomplete._2gram", "title.autocomplete._3gram"],
                    }
                },
                "filter": {"term": {"represents": ui_language}},
            }
        },
    }

    def from_index():
        hits = search_client().search(index=alias_name(), body=body)["hits"]["hits"]
        return [
            {"text": hit["_source"]["title"], "type": hit["_source"]["type"], "url": hit["_source"]["url"]}
            for hit in hits
        ]

    def from_database():
        pages = indexable_pages().filter(locale__language_code=ui_language, title__istartswith=text)[:MAX_SUGGESTIONS]
        return [{"text": page.title, "type": "page", "url": page.url} for page in pages]

    return breaker.call(from_index, from_database)
