"""What the case app's page types put in the public search index (registered in apps.py)."""

from django.db.models import Q
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from search.registry import SearchDocument, indexed, labels
from search.service import SHARED_FACETS, Facet
from taxonomy.models import Approach, CaseStatus, Spotlight, SpotlightFacetValue, TargetGroup

from . import attachments
from .models import CaseDocument as AttachedDocument
from .models import CaseStudyPage, CityPortraitPage, DocumentKind, EvidenceLevel, PositionPage, SpotlightPage
from .models.collections import collections_of, in_collection

THEMED = ("themes", "topics", "sdgs")
# A page placed by its city (CityMixin): country and region follow from it.
CITY_JOINS = ("city__country__region", "city__region")
CITY_LOOKUPS = {"region": "city__region__slug__in", "country": "city__country__code__in", "city": "city__slug__in"}


def in_collections(slugs):
    chosen = Q(pk__in=[])
    for spotlight in Spotlight.objects.filter(slug__in=slugs):
        chosen |= in_collection(spotlight)
    return chosen


def facet_values(key_slugs):
    """The spotlight facet values named "facet key:value slug"."""
    chosen = Q()
    for key_slug in key_slugs:
        key, slug = key_slug.split(":", 1)
        chosen |= Q(facet__key=key, slug=slug)
    return SpotlightFacetValue.objects.filter(chosen)


NUMBER_OR_NULL = {"type": ["number", "null"]}
YEAR_OR_NULL = {"type": ["integer", "null"]}
OUTCOME_SCHEMA = {
    "type": "object",
    "description": "An outcome indicator: what was measured, from its baseline to its result.",
    "properties": {
        "measure": {"type": "string"},
        "value": NUMBER_OR_NULL,
        "unit": {"type": "string"},
        "result_year": YEAR_OR_NULL,
        "baseline_value": NUMBER_OR_NULL,
        "baseline_year": YEAR_OR_NULL,
        "source_name": {"type": "string"},
        "source_url": {"type": "string"},
        "evidence_level": {"type": "string", "enum": EvidenceLevel.values},
    },
}
BUDGET_SCHEMA = {
    "type": "object",
    "properties": {
        "amount": NUMBER_OR_NULL,
        "currency": {"type": "string", "description": "ISO 4217"},
        "period": {"type": "string"},
        "funding_sources": {"type": "string"},
    },
}


class CaseDocument(SearchDocument):
    model = CaseStudyPage
    type = "case"
    label = _("Case study")
    taxonomies = (*THEMED, "target_groups", "approaches", "spotlights")
    text_fields = ("context", "solution", "results", "lessons")
    select_related = (*CITY_JOINS, "status")
    prefetch_related = (
        indexed("spotlight_facet_values", SpotlightFacetValue.objects.select_related("facet")),
        indexed("tags"),
        indexed("outcomes"),
        indexed("documents", AttachedDocument.objects.select_related("document")),
    )
    # What the API and the exports give of a practice's results and cost (docs/import-format.md).
    stored_fields = {
        "outcomes": {"type": "array", "items": OUTCOME_SCHEMA},
        "budget": {"oneOf": [BUDGET_SCHEMA, {"type": "null"}]},
    }
    # Who a practice serves and how it works are named in queries ("personnes âgées").
    site_facets = (
        Facet("target_group", "target_groups", _("Target group"), TargetGroup, recognised=True),
        Facet("approach", "approaches", _("Approach"), Approach, recognised=True),
        Facet("spotlight", "spotlights", _("Spotlight"), Spotlight),
        Facet("status", "status", _("Status"), CaseStatus),
        # The kind of document a city can reuse, found by the words inside it (attachments.py).
        Facet("document_type", "document_types", _("Document type"), fixed_labels=dict(DocumentKind.choices)),
    )
    # A collection's page searches its cases, with the collection's own facets first.
    scope_facets = {
        "spotlights": (
            Facet("facet", "spotlight_facets", _("In this collection"), SpotlightFacetValue, lookup="key_slug"),
            *(SHARED_FACETS[name] for name in ("theme", "sdg", "region", "country", "city", "language")),
        )
    }
    label_fields = ("spotlight_facets_labels",)
    # Practices for the same people are alike (the similar cases on a case's page).
    like_fields = ("target_groups_labels",)
    # How solid a practice is: a filter of a search of cases alone, and an insights chart.
    facets = (Facet("evidence", "evidence_level", _("Evidence level"), fixed_labels=dict(EvidenceLevel.choices)),)
    start_years = True
    fallback_lookups = {
        **CITY_LOOKUPS,
        "evidence": "evidence_level__in",
        "status": "status__slug__in",
        "document_type": "documents__kind__in",
        "facet": lambda key_slugs: Q(spotlight_facet_values__in=facet_values(key_slugs)),
        # A collection holds more than its tagged cases: the database counts as the index does.
        "spotlight": in_collections,
        "year_from": lambda year: Q(start_year__gte=year),
        "year_to": lambda year: Q(start_year__lte=year),
    }

    def read_batch(self, pages):
        collections = collections_of({page.translation_key for page in pages})
        for page in pages:
            page.collections = collections.get(page.translation_key, [])
        # The index worker reads the files that changed since it last did: never a visitor's request.
        files = {link.document for page in pages for link in page.indexed_documents}
        texts = attachments.texts_of(list(files))
        for page in pages:
            page.document_texts = texts

    def fields(self, page):
        values = page.indexed_spotlight_facet_values
        return {
            # The collections that hold the case, however it came in: the collection's
            # search then counts what its page counts (see in_collection).
            "spotlights": [spotlight.slug for spotlight in page.collections],
            "spotlights_labels": labels(page.collections),
            "start_year": page.start_year,
            "end_year": page.end_year,
            "status": page.status.slug if page.status else None,
            "evidence_level": page.evidence_level,
            "organisation": page.organisation,
            "tags": [tag.name for tag in page.indexed_tags],
            "spotlight_facets": [f"{value.facet.key}:{value.slug}" for value in values],
            "spotlight_facets_labels": labels(values),
            "outcomes": [outcome.as_record() for outcome in page.indexed_outcomes],
            "budget": page.budget_record(),
            "document_types": sorted({link.kind for link in page.indexed_documents if link.kind}),
            "attachments": self.attachment_pages(page),
        }

    def attachment_pages(self, page):
        """Each page of each readable document, its words in the case's language."""
        field = f"text_{page.locale.language_code}"
        return [
            {"kind": link.kind, "title": link.document.title, "page": number, field: text}
            for link in page.indexed_documents
            if (extracted := page.document_texts.get(link.document_id))
            for number, text in enumerate(extracted.pages, start=1)
            if text
        ]

    def card(self, hit):
        """ "Found in: terms of reference, p. 4", when the words were in an attached document."""
        found = hit.get("found_in")
        if not found:
            return {}
        kind = DocumentKind(found["kind"]).label if found.get("kind") in DocumentKind.values else found["title"]
        # OpenSearch HTML-encodes everything but its own <mark> tags ("encoder": "html").
        return {"found_in": {**found, "label": kind, "highlight": mark_safe(found["highlight"] or "")}}  # noqa: S308


class CityPortraitDocument(SearchDocument):
    model = CityPortraitPage
    type = "portrait"
    label = _("City portrait")
    taxonomies = THEMED
    text_fields = ("body",)
    select_related = CITY_JOINS
    fallback_lookups = CITY_LOOKUPS


class PositionDocument(SearchDocument):
    model = PositionPage
    type = "position"
    label = _("Position")
    taxonomies = THEMED
    text_fields = ("body",)


class SpotlightDocument(SearchDocument):
    """A collection's page is found by its name in the site's search, but it is not a
    practice of its collection: its own search (scoped to its spotlight) does not list it."""

    model = SpotlightPage
    type = "spotlight"
    label = _("Spotlight collection")
    select_related = ("spotlight",)

    def fields(self, page):
        return {"spotlights_labels": labels([page.spotlight])}


DOCUMENTS = (CaseDocument, CityPortraitDocument, PositionDocument, SpotlightDocument)
