"""Controlled vocabularies: themes and topics, SDGs, regions, target groups,
approaches, spotlight collections and their facets, case status, countries and cities.

Each term has a stable slug (used by imports, URLs, facets and the search API) and a
label in every interface language, kept as {language code: label} in one JSON field
so that adding a language to settings.LANGUAGES is data, not a migration; code refers
to slugs, people see labels. The terms are loaded from taxonomy/data/ by the
`load_vocabularies` command (taxonomy/loader.py) and editable as snippets in the admin.

The tables keep the names they had when the vocabularies lived in the `home` app
(`db_table`): SQLite cannot rename a table that other tables' foreign keys point to
inside Django's migrations without rebuilding each of those tables.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


def latitude_field(**options):
    return models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        **options,
    )


def longitude_field(**options):
    return models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        **options,
    )


def label_order():
    """Orders terms by their label in the visitor's language (the source language's
    when that is blank), as they are shown."""
    code = (get_language() or settings.LANGUAGE_CODE)[:2]
    return Coalesce(NullIf(KT(f"labels__{code}"), models.Value("")), KT(f"labels__{settings.LANGUAGE_CODE}"))


def label_field_name(code):
    """The admin form's field for one language's label."""
    return f"label_{code}"


class LabelsForm(WagtailAdminModelForm):
    """The admin form of a term: one label field per configured language (declared by
    labels_form_class), kept together in the term's `labels`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            self.initial.setdefault(label_field_name(code), self.instance.labels.get(code, ""))

    def clean(self):
        cleaned = super().clean()
        # Labels of languages no longer configured are kept: configuring them again restores them.
        self.instance.labels = {
            **self.instance.labels,
            **{code: cleaned.get(label_field_name(code), "") for code, _name in settings.LANGUAGES},
        }
        return cleaned


def labels_form_class():
    fields = {
        label_field_name(code): forms.CharField(label=format_lazy("{} ({})", _("label"), name), max_length=200)
        for code, name in settings.LANGUAGES
    }
    return type("LabelsForm", (LabelsForm,), fields)


class Labelled(index.Indexed, models.Model):
    """A label in each interface language, shown in the visitor's language."""

    # {language code: label}; edited through one form field per language (LabelsForm).
    labels = models.JSONField(default=dict)

    base_form_class = labels_form_class()
    label_panels = [FieldRowPanel([FieldPanel(label_field_name(code)) for code, _name in settings.LANGUAGES])]
    # Autocomplete lets the admin's choosers find "Barcelona" from "Barc".
    search_fields = [index.SearchField("label_text"), index.AutocompleteField("label_text")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def label_in(self, language_code):
        """The label in that language, or in the source language (LANGUAGE_CODE) when
        it has none yet."""
        language = (language_code or settings.LANGUAGE_CODE)[:2]
        return self.labels.get(language) or self.labels.get(settings.LANGUAGE_CODE, "")

    @property
    def label(self):
        return self.label_in(get_language())

    @property
    def all_labels(self):
        """Every configured language's label, as the search index stores them."""
        return {code: self.label_in(code) for code, _name in settings.LANGUAGES}

    def label_text(self):
        """Every language's label in one text, for the admin's search."""
        return " ".join(self.all_labels.values())


class Term(Labelled):
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Stable identifier used by imports and URLs.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("slug"), *Labelled.label_panels, FieldPanel("sort_order")]
    search_fields = [index.SearchField("slug"), *Labelled.search_fields]

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]


class Theme(Term):
    class Meta(Term.Meta):
        db_table = "home_theme"
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Topic(Term):
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="topics", verbose_name=_("theme"))

    panels = [FieldPanel("theme"), *Term.panels]

    class Meta(Term.Meta):
        db_table = "home_topic"
        ordering = ["theme__sort_order", "sort_order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class SustainableDevelopmentGoal(Labelled):
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    colour = models.CharField(
        _("official colour"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Enter a colour such as #4C9F38."))],
    )

    panels = [FieldPanel("number"), *Labelled.label_panels, FieldPanel("colour")]

    class Meta:
        db_table = "home_sustainabledevelopmentgoal"
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self):
        return f"{self.number}. {self.label}"


class Region(Term):
    class Meta(Term.Meta):
        db_table = "home_region"
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class TargetGroup(Term):
    class Meta(Term.Meta):
        db_table = "home_targetgroup"
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Approach(Term):
    class Meta(Term.Meta):
        db_table = "home_approach"
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")


class CaseStatus(Term):
    class Meta(Term.Meta):
        db_table = "home_casestatus"
        verbose_name = _("case status")
        verbose_name_plural = _("case statuses")


class Spotlight(Term):
    """A spotlight collection (COVID-19 responses, local care systems...). Editors add
    a new one here, with its own facets below, without code."""

    class Meta(Term.Meta):
        db_table = "home_spotlight"
        verbose_name = _("spotlight collection")
        verbose_name_plural = _("spotlight collections")


class SpotlightFacet(Labelled):
    """A facet that only cases of one spotlight carry, such as the COVID-19 phase."""

    spotlight = models.ForeignKey(
        Spotlight, on_delete=models.CASCADE, related_name="facets", verbose_name=_("spotlight")
    )
    key = models.SlugField(_("key"), max_length=40, help_text=_("Identifier used by imports, such as response_area."))

    panels = [FieldPanel("spotlight"), FieldPanel("key"), *Labelled.label_panels]

    class Meta:
        db_table = "home_spotlightfacet"
        ordering = ["spotlight__sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["spotlight", "key"], name="unique_facet_per_spotlight")]
        verbose_name = _("spotlight facet")
        verbose_name_plural = _("spotlight facets")


class SpotlightFacetValue(Labelled):
    facet = models.ForeignKey(SpotlightFacet, on_delete=models.CASCADE, related_name="values", verbose_name=_("facet"))
    slug = models.SlugField(_("slug"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("facet"), FieldPanel("slug"), *Labelled.label_panels, FieldPanel("sort_order")]

    class Meta:
        db_table = "home_spotlightfacetvalue"
        ordering = ["facet__pk", "sort_order", "slug"]
        constraints = [models.UniqueConstraint(fields=["facet", "slug"], name="unique_value_per_facet")]
        verbose_name = _("spotlight facet value")
        verbose_name_plural = _("spotlight facet values")

    @property
    def key_slug(self):
        """How the search index and URLs name the value: "phase:emergency"."""
        return f"{self.facet.key}:{self.slug}"


class Country(Labelled):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Enter an ISO 3166-1 alpha-2 code such as FR."))],
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="countries", verbose_name=_("region")
    )

    panels = [FieldPanel("code"), *Labelled.label_panels, FieldPanel("region")]
    search_fields = [index.SearchField("code"), *Labelled.search_fields]

    class Meta:
        db_table = "home_country"
        ordering = [f"labels__{settings.LANGUAGE_CODE}"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class City(Term):
    """A city or metropolitan area; its country and region follow every case and
    expert placed in it."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="cities", verbose_name=_("country"))
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="cities", verbose_name=_("region"))
    institution = models.CharField(_("member institution"), max_length=255, blank=True)
    is_member = models.BooleanField(_("Metropolis member"), default=False)
    # Empty for a city an import created without coordinates; an editor can add them.
    latitude = latitude_field()
    longitude = longitude_field()

    panels = [
        *Term.panels,
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
        FieldPanel("institution"),
        FieldPanel("is_member"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta:
        db_table = "home_city"
        ordering = [f"labels__{settings.LANGUAGE_CODE}"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def with_country(self):
        """ "Accra, Ghana": how a list of cities tells apart those that share a name."""
        return f"{self}, {self.country}"


# Every vocabulary, in the order the admin lists them: permissions, caches and the
# search index's label updates all read this one tuple.
VOCABULARY_MODELS = (
    Theme,
    Topic,
    SustainableDevelopmentGoal,
    Region,
    Country,
    City,
    TargetGroup,
    Approach,
    CaseStatus,
    Spotlight,
    SpotlightFacet,
    SpotlightFacetValue,
)
