"""The facets of the public search: request parameter, index field, and how a value
is checked and labelled in the visitor's language.

Here are the facets every page type shares: its type, themes, topics and goals, its
place and its language. A page type brings its own through its search document
(search/registry.py): facets of every search of the site (`site_facets`), of a search
of that type alone (`facets`) and of a search scoped to one of its collections
(`scope_facets`). The lists below read the registry whenever they are used, since the
content apps register their types after this module is loaded.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.numbers import whole_number
from taxonomy.cache import terms_by_key
from taxonomy.models import City, Country, Region, SustainableDevelopmentGoal, Theme, Topic

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
    # Whether query understanding recognises its terms in a query's words (search/understanding.py).
    recognised: bool = False

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


class Registered(Sequence):
    """A list built from the registry, again whenever a page type has registered since
    (every search reads these lists several times)."""

    def __init__(self, build):
        self.build = build
        self.built = (None, [])

    def current(self):
        version, built = self.built
        if version != registry.version():
            version, built = registry.version(), self.build()
            self.built = (version, built)
        return built

    def __getitem__(self, index):
        return self.current()[index]

    def __iter__(self):
        return iter(self.current())

    def __len__(self):
        return len(self.current())


TYPE = Facet("type", "type", _("Type"), fixed_labels=TYPE_LABELS)
# What a page is about (taxonomy.ThemedMixin) and where it is (taxonomy.CityMixin).
SUBJECTS = (
    Facet("theme", "themes", _("Theme"), Theme, recognised=True),
    Facet("topic", "topics", _("Topic"), Topic, recognised=True),
    Facet(
        "sdg", "sdgs", _("Sustainable Development Goal"), SustainableDevelopmentGoal, lookup="number", recognised=True
    ),
)
PLACES = (
    Facet("region", "region", _("Region"), Region, recognised=True),
    Facet("country", "country", _("Country"), Country, lookup="code", recognised=True),
    Facet("city", "city", _("City"), City, recognised=True),
)
LANGUAGE = Facet("language", "language", _("Language"), fixed_labels=LANGUAGE_LABELS)
# The shared facets by parameter: a page type's declaration composes its scoped searches' facets of them.
SHARED_FACETS = {facet.parameter: facet for facet in (TYPE, *SUBJECTS, *PLACES, LANGUAGE)}
# The facets of the site's search: the shared ones, then those the page types bring, the language last.
FACETS = Registered(lambda: [TYPE, *SUBJECTS, *PLACES, *registry.site_facets(), LANGUAGE])


class FacetsByParameter(Mapping):
    """{parameter: facet} of the site's search."""

    def __init__(self):
        self.by_parameter = Registered(lambda: [{facet.parameter: facet for facet in FACETS}])

    def __getitem__(self, parameter):
        return self.facets()[parameter]

    def __iter__(self):
        return iter(self.facets())

    def __len__(self):
        return len(self.facets())

    def facets(self):
        return self.by_parameter[0]


FACETS_BY_PARAMETER = FacetsByParameter()
# Every facet value of a document, as "field:value", in one keyword field: one terms
# aggregation over it counts all the facets a search leaves unselected, at a fraction
# of the cost of one aggregation per facet (docs/scaling.md).
FACET_VALUES = "facet_values"
# The facets of a search scoped to one collection (a spotlight page), as its page type declares them.
SPOTLIGHT_FACETS = Registered(lambda: registry.scope_facets("spotlights"))


def counted_fields():
    """The index fields of every facet a search may count, those the page types bring
    included: each document holds their values in one field as well (FACET_VALUES)."""
    return sorted({facet.field for facet in FACETS} | {*registry.facet_fields(), *registry.scope_fields()})


def site_facets(params):
    """The facets of the site's search for these request parameters: a search of one
    page type alone adds those the type brings (a case's evidence level, an expert's
    availability), so that a link from the insights charts narrows it by them."""
    chosen = params.getlist("type")
    declared = registry.get(chosen[0]) if len(chosen) == 1 else None
    return [*FACETS, *declared.facets] if declared else list(FACETS)
