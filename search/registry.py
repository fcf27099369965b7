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
from wagtail.search import index

from .stemming import stems_of

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


class StemmedText:
    """A page mixin for the database fallback, which answers while OpenSearch cannot be
    reached: the page's text is also indexed as the stems of its words in its language
    (search/stemming.py), so another inflection of a word finds it there as it does in
    the index. Put `STEMMED_TEXT` among the page type's `search_fields`; an existing
    database needs `manage.py update_index` once."""

    def stemmed_text(self):
        fields = [field for field in self.get_search_fields() if isinstance(field, index.SearchField)]
        values = (getattr(self, field.field_name) for field in fields if field.field_name != "stemmed_text")
        text = " ".join(plain_text(str(value)) for value in values if value and not callable(value))
        return " ".join(stems_of(text, self.locale.language_code))


STEMMED_TEXT = index.SearchField("stemmed_text")


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
    # What a document of this type scores, as a share of its relevance, for a query that
    # asks for no kind of document: below 1 for a lesser answer to a plain question
    # (an expert's profile mentions a subject in a line; a practice is written about it).
    unasked_weight = 1.0
    # Vocabulary relations ("themes", "topics", "sdgs", or a type's own), indexed as
    # slugs for facets and as labels (`<relation>_labels`) for text. Every document
    # carries every type's relations, empty where its type has none.
    taxonomies = ()
    # Text fields that `fields` fills with vocabulary labels in every language, besides
    # those of `taxonomies`: the query searches them as it searches labels.
    label_fields = ()
    # Label fields that make two of its pages alike (search/related.py), besides the
    # shared subjects' (themes, topics, SDGs).
    like_fields = ()
    # Rich text whose words join the title and summary in the field of the page's language.
    text_fields = ()
    # What building a batch of documents reads besides the locale and `taxonomies`.
    select_related = ()
    prefetch_related = ()
    image = "hero_image"
    image_filter = THUMBNAIL
    # Facets this type brings to every search of the site (search.facets.Facet), shown
    # after the shared ones; documents of other types have no value for them.
    site_facets = ()
    # Facets only this type carries, offered by a search of this type alone; their
    # fields are facet keywords in the index.
    facets = ()
    # {scope field: facets} of a search scoped to one value of that field (a
    # collection's page searches what the collection holds), in the page's order.
    scope_facets = {}
    # The facet parameters a search of this type alone offers (the expert directory), in order.
    scoped_facets = ()
    # Whether its pages have start years: a search of this type alone then offers the year range and sort.
    start_years = False
    # How the database fallback narrows these pages by a facet (or year) the index
    # answers from a field: {parameter: ORM lookup taking the values, or callable(values) -> Q}.
    # The relations in `taxonomies` need none; a type without a lookup for a chosen facet drops out.
    fallback_lookups = {}

    # Values kept in the document for the API and the exports, never searched:
    # {field: JSON schema of its value} (cases: outcome indicators, budget). `fields`
    # fills them; the mapping stores them unindexed and the OpenAPI schema names them.
    stored_fields = {}

    def read_batch(self, pages):
        """Read, for a batch of its pages at once, what `fields` needs beyond each
        page's own rows (say, which collections hold them), and keep it on the pages."""

    def fields(self, page):
        """The document fields only this type has: years, organisation, tags..."""
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
# Counts the registrations: what is built from the registry (search/facets.py) is
# built again only when it changes, not on every read.
_version = 0


def register(*document_classes):
    """Called from an app's ready(): the index holds these page types from now on."""
    global _version
    for document_class in document_classes:
        _documents[document_class.type] = document_class()
    _version += 1


def version():
    return _version


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


def ordered_union(lists):
    return list(dict.fromkeys(item for items in lists for item in items))


def unasked_weights():
    """{type: weight} of the types whose documents count less when not asked for."""
    return {document.type: document.unasked_weight for document in documents() if document.unasked_weight != 1}


def site_facets():
    """The facets the page types bring to every search of the site, in their order
    (one per parameter: two types may bring the same)."""
    by_parameter = {facet.parameter: facet for document in _documents.values() for facet in document.site_facets}
    return list(by_parameter.values())


def scope_facets(field):
    """The facets of a search scoped to one value of `field`, as a page type declares them."""
    return next(
        (list(document.scope_facets[field]) for document in _documents.values() if field in document.scope_facets), []
    )


def facet_fields():
    """The index fields of the facets a search of one page type alone adds."""
    return [facet.field for document in _documents.values() for facet in document.facets]


def stored_fields():
    """{field: JSON schema} of every page type's stored values (the API and exports give them)."""
    return {name: schema for document in _documents.values() for name, schema in document.stored_fields.items()}


def scope_fields():
    """The index fields of the facets of the page types' scoped searches."""
    return ordered_union(
        [facet.field for facet in facets]
        for document in _documents.values()
        for facets in document.scope_facets.values()
    )


def taxonomies():
    """The vocabulary relations the page types declare, in their order."""
    return ordered_union(document.taxonomies for document in _documents.values())


def label_fields():
    """The label fields the page types fill themselves."""
    return ordered_union(document.label_fields for document in _documents.values())
