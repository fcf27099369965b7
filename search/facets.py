"""The facets of the public search: request parameter, index field, and how a value
is checked and labelled in the visitor's language."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.numbers import whole_number
from taxonomy.cache import terms_by_key
from taxonomy.models import (
    Approach,
    CaseStatus,
    City,
    Country,
    Region,
    Spotlight,
    SpotlightFacetValue,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    Topic,
)

from . import registry


class TypeLabels(Mapping):
    """{type: label} of the registered page types, read from the registry when asked:
    the content apps register theirs after this module is loaded."""

    def __getitem__(self, type_key):
        declared = registry.get(type_key)
        if declared is None:
            raise KeyError(type_key)
        return declared.label

    def __iter__(self):
        return iter(registry.types())

    def __len__(self):
        return len(registry.types())


TYPE_LABELS = TypeLabels()
# Content languages named in the visitor's language (settings.LANGUAGES names each in its own).
LANGUAGE_LABELS = dict(settings.WAGTAIL_CONTENT_LANGUAGES)


@dataclass(frozen=True)
class Facet:
    parameter: str
    field: str
    label: str
    model: type | None = None
    lookup: str = "slug"
    fixed_labels: dict | None = None

    def parse(self, raw):
        """The index value of a request value, or None when it is not a known one."""
        if self.fixed_labels is not None:
            return raw if raw in self.fixed_labels else None
        if self.lookup == "number":
            number = whole_number(raw)
            return number if number in terms_by_key(self.model, self.lookup) else None
        return raw if raw in terms_by_key(self.model, self.lookup) else None

    def value_of(self, key):
        """The index value of a key of the facet values' field (search/documents.py)."""
        return int(key) if self.lookup == "number" else key

    def labels(self, values):
        """{value: label in the active language} for the values shown."""
        if self.fixed_labels is not None:
            return {value: str(self.fixed_labels.get(value, value)) for value in values}
        terms = terms_by_key(self.model, self.lookup)
        return {value: str(terms[value]) for value in values if value in terms}


FACETS = [
    Facet("type", "type", _("Type"), fixed_labels=TYPE_LABELS),
    Facet("theme", "themes", _("Theme"), Theme),
    Facet("topic", "topics", _("Topic"), Topic),
    Facet("sdg", "sdgs", _("Sustainable Development Goal"), SustainableDevelopmentGoal, lookup="number"),
    Facet("region", "region", _("Region"), Region),
    Facet("country", "country", _("Country"), Country, lookup="code"),
    Facet("city", "city", _("City"), City),
    Facet("target_group", "target_groups", _("Target group"), TargetGroup),
    Facet("approach", "approaches", _("Approach"), Approach),
    Facet("language", "language", _("Language"), fixed_labels=LANGUAGE_LABELS),
    Facet("spotlight", "spotlights", _("Spotlight"), Spotlight),
    Facet("status", "status", _("Status"), CaseStatus),
]
FACETS_BY_PARAMETER = {facet.parameter: facet for facet in FACETS}
# Every facet value of a document, as "field:value", in one keyword field: one terms
# aggregation over it counts all the facets a search leaves unselected, at a fraction
# of the cost of one aggregation per facet (docs/scaling.md).
FACET_VALUES = "facet_values"
# A spotlight page searches its own collection, with the collection's own facets first.
SPOTLIGHT_FACETS = [
    Facet("facet", "spotlight_facets", _("In this collection"), SpotlightFacetValue, lookup="key_slug"),
    *(FACETS_BY_PARAMETER[name] for name in ("theme", "sdg", "region", "country", "city", "language")),
]


def counted_fields():
    """The index fields of every facet a search may count, those the page types bring
    included: each document holds their values in one field as well (FACET_VALUES)."""
    return sorted({facet.field for facet in (*FACETS, *SPOTLIGHT_FACETS)} | set(registry.facet_fields()))


def site_facets(params):
    """The facets of the site's search for these request parameters: a search of one
    page type alone adds those the type brings (a case's evidence level, an expert's
    availability), so that a link from the insights charts narrows it by them."""
    chosen = params.getlist("type")
    declared = registry.get(chosen[0]) if len(chosen) == 1 else None
    return [*FACETS, *declared.facets] if declared else FACETS
