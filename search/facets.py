"""The facets of the public search: request parameter, index field, and how a value
is checked and labelled in the visitor's language."""

import time
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from experts.models import Availability
from experts.models.profile import SPOKEN_LANGUAGES
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

TYPE_LABELS = {
    "case": _("Case study"),
    "portrait": _("City portrait"),
    "position": _("Position"),
    "spotlight": _("Spotlight collection"),
    "expert": _("Expert"),
}
LANGUAGE_LABELS = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
# Every search reads the vocabularies: keep them in memory a little while. A label
# renamed in another process shows in facets after at most this long.
VOCABULARY_TTL = 60
_vocabulary_cache = {}


def terms_by_key(model, lookup):
    expires, terms = _vocabulary_cache.get((model, lookup), (0, None))
    if expires < time.monotonic():
        terms = {getattr(term, lookup): term for term in model.objects.all()}
        _vocabulary_cache[model, lookup] = (time.monotonic() + VOCABULARY_TTL, terms)
    return terms


def forget_vocabularies():
    _vocabulary_cache.clear()


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
            return int(raw) if raw.isdigit() and int(raw) in terms_by_key(self.model, self.lookup) else None
        return raw if raw in terms_by_key(self.model, self.lookup) else None

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
# The expert directory searches profiles only, by expertise, place, what they offer and the languages they speak.
EXPERT_FACETS = [
    *(FACETS_BY_PARAMETER[name] for name in ("theme", "topic", "sdg", "region", "country", "city")),
    Facet("availability", "availability", _("Available for"), fixed_labels=dict(Availability.choices)),
    Facet("speaks", "speaks", _("Languages spoken"), fixed_labels=SPOKEN_LANGUAGES),
    FACETS_BY_PARAMETER["language"],
]
# A spotlight page searches its own collection, with the collection's own facets first.
SPOTLIGHT_FACETS = [
    Facet("facet", "spotlight_facets", _("In this collection"), SpotlightFacetValue, lookup="key_slug"),
    *(FACETS_BY_PARAMETER[name] for name in ("theme", "sdg", "region", "country", "city", "language")),
]
