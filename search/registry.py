"""The page types the public index holds, and what each puts in its documents.

Search names no page type: each content app describes its searchable page types
where it defines them, one `SearchDocument` subclass per type, and registers them from
its `AppConfig.ready()`. Rebuild, outbox, facets, the database fallback, result cards
and the API read them here.
"""

import re
from html import unescape

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# Filter objects rather than specs: each one parses its spec once, not once per page.
THUMBNAIL = Filter("fill-480x270|format-webp")
PORTRAIT = Filter("fill-160x160|format-webp")
TAG = re.compile(r"<[^>]*>")


def plain_text(html):
    """Rich text as words: a space where each tag was, so "<p>clinics.</p><p>Next" does
    not become one token "clinics.Next". Wagtail stores well-formed rich text, so a
    pattern is enough (Django's HTML parser took a tenth of a rebuild)."""
    return " ".join(unescape(TAG.sub(" ", html)).split())


def labels(terms):
    """Every label of these vocabulary terms, in every language: a query in one
    language then matches pages tagged in another."""
    return [label for term in terms for label in term.all_labels.values()]


def indexed(name, queryset=None):
    """Prefetch a relation into a plain list, `page.indexed_<name>`: reading prefetched
    objects through modelcluster's many-to-many manager builds a new manager and
    queryset on every access, which cost a sixth of a rebuild's time."""
    return Prefetch(name, queryset=queryset, to_attr=f"indexed_{name}")


def image_with_rendition(field, spec):
    """The image and its thumbnail rendition, prefetched for a whole batch: looking
    each rendition up on its own cost a query per page."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(spec))


class SearchDocument:
    """What one page type puts in the public index; subclass it beside the page type.

    Every document holds the shared fields (title, summary, language, translations,
    URL, dates, `external_id`), the page's place (its `city`, or its `country` when it
    has no city, with `latitude`/`longitude` or the city's) and its vocabulary terms;
    the attributes below say what else, and how a batch of pages is read.
    """

    model = None
    # The document's `type`: the value of the type facet and of a type-scoped search.
    type = ""
    label = ""
    # Words a query uses to ask for this type, in every language ("housing expert",
    # "experta en energía"): query understanding recognises them like a vocabulary term.
    query_names = ()
    # Vocabulary relations ("themes", "topics", "sdgs", "target_groups", "approaches",
    # "spotlights"), indexed as slugs for facets and as labels for text.
    taxonomies = ()
    # Rich text whose words join the title and summary in the field of the page's language.
    text_fields = ()
    # What building a batch of documents reads besides the locale and `taxonomies`.
    select_related = ()
    prefetch_related = ()
    image = "hero_image"
    image_filter = THUMBNAIL
    # Facets only this type carries (search.facets.Facet); their fields are facet keywords in the index.
    facets = ()
    # The facet parameters a search of this type alone offers (the expert directory), in order.
    scoped_facets = ()
    # Whether its pages have start years: a search of this type alone then offers the year range and sort.
    start_years = False
    # How the database fallback narrows these pages by a facet (or year) the index
    # answers from a field: {parameter: ORM lookup taking the values, or callable(values) -> Q}.
    # The relations in `taxonomies` need none; a type without a lookup for a chosen facet drops out.
    fallback_lookups = {}

    def read_batch(self, pages):
        """Read, for a batch of its pages at once, what `fields` needs beyond each
        page's own rows (say, which collections hold them), and keep it on the pages."""

    def fields(self, page):
        """The document fields only this type has: years, status, organisation, tags..."""
        return {}

    def card(self, hit):
        """What a result card shows of this type beyond the shared values."""
        return {}

    def joins(self):
        return ("locale", *self.select_related)

    def prefetches(self):
        image = (image_with_rendition(self.image, self.image_filter),) if self.image else ()
        return (*(indexed(name) for name in self.taxonomies), *self.prefetch_related, *image)

    def text(self, page):
        return " ".join(plain_text(getattr(page, name)) for name in self.text_fields)

    def thumbnail(self, page):
        image = getattr(page, self.image) if self.image else None
        return image.get_rendition(self.image_filter).url if image else None


_documents = {}


def register(*document_classes):
    """Called from an app's ready(): the index holds these page types from now on."""
    for document_class in document_classes:
        _documents[document_class.type] = document_class()


def documents():
    return list(_documents.values())


def types():
    return list(_documents)


def get(type_key):
    """The declaration of a document type, or None when no app registers it (the index
    may still hold documents of a type removed since its last rebuild)."""
    return _documents.get(type_key)


def for_page(page):
    """The declaration of a specific page's type (exactly its class, as the index reads it)."""
    return next(document for document in _documents.values() if document.model is type(page))


def models():
    return [document.model for document in _documents.values()]


def facet_fields():
    """The index fields of the facets that page types bring themselves."""
    return [facet.field for document in _documents.values() for facet in document.facets]
