from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.choice_filter import FilteredCheckboxSelectMultiple
from core.import_tools import IMPORT_ID
from core.seo import postal_address, site_name
from search.registry import STEMMED_TEXT, StemmedText
from taxonomy.mixins import CityMixin, ThemedMixin, ThemedPageForm
from taxonomy.models import latitude_field, longitude_field

from ..blocks import GalleryImageBlock, KeyFigureBlock, MilestoneBlock, PartnerBlock
from .documents import DocumentKind, DocumentTextPanel
from .outcomes import BudgetMixin
from .values import EvidenceLevel, validate_year

CASES_PER_PAGE = 12
SECTION_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


def case_card_relations(through=""):
    """What a case card (templates/includes/case_card.html) shows besides the case: a
    list of cards selects these with its cases, `through` a link model ("case__") if any."""
    return [f"{through}{name}" for name in ("hero_image", "city__country")]


class CaseTag(TaggedItemBase):
    content_object = ParentalKey("cases.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items")


EVIDENCE_HELP = _(
    "<p><b>Described by the city</b>: the city's own account, without figures.<br>"
    "<b>Monitored with indicators</b>: the city follows figures over time.<br>"
    "<b>Evaluated</b>: a study measured the results against the goals.<br>"
    "<b>Independently evaluated</b>: researchers or auditors outside the city did that study.</p>"
)
CARE_DIMENSIONS_HELP = _(
    "<p>The five dimensions of care, for cases in the Local Care Systems collection: "
    "<b>recognise</b> care work as work; <b>reduce</b> the unpaid care load with services and infrastructure; "
    "<b>redistribute</b> care between women and men, families, the state and employers; "
    "<b>reward</b> care workers with fair pay and rights; <b>represent</b> caregivers where decisions are made.</p>"
)


class CaseStudyPageForm(ThemedPageForm):
    def clean(self):
        cleaned_data = super().clean()
        follow_the_city(self, cleaned_data)
        start, end = cleaned_data.get("start_year"), cleaned_data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        spotlights = cleaned_data.get("spotlights")
        values = cleaned_data.get("spotlight_facet_values")
        if spotlights is not None and values:
            stray = [value for value in values if value.facet.spotlight not in spotlights]
            if stray:
                self.add_error(
                    "spotlight_facet_values",
                    _("These facets belong to a spotlight the case is not in: %(values)s.")
                    % {"values": ", ".join(str(value) for value in stray)},
                )
        return cleaned_data


def follow_the_city(form, cleaned_data):
    """A new city moves the map point to it, unless the editor moved the point too."""
    city = cleaned_data.get("city")
    moved = {"latitude", "longitude"} & set(form.changed_data)
    if city and "city" in form.changed_data and not moved:
        cleaned_data["latitude"], cleaned_data["longitude"] = city.latitude, city.longitude


class CaseStudyPage(StemmedText, ThemedMixin, CityMixin, BudgetMixin, Page):
    """A good practice, structured as context, solution, results and lessons."""

    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, db_index=True, help_text=_("Identifier in the imported source.")
    )
    summary = models.TextField(_("summary"), help_text=_("One paragraph that says what the city did and why."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(_("hero caption"), max_length=255, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=255, blank=True)

    context = RichTextField(_("context and challenge"), blank=True, features=SECTION_FEATURES)
    solution = RichTextField(_("solution and approach"), blank=True, features=SECTION_FEATURES)
    results = RichTextField(_("results and impact"), blank=True, features=SECTION_FEATURES)
    key_figures = StreamField([("figure", KeyFigureBlock())], blank=True, verbose_name=_("key figures"))
    lessons = RichTextField(_("lessons learned and transferability"), blank=True, features=SECTION_FEATURES)
    budget = RichTextField(_("budget and funding"), blank=True, features=SECTION_FEATURES)
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))
    timeline = StreamField([("milestone", MilestoneBlock())], blank=True, verbose_name=_("timeline"))

    further_cities = ParentalManyToManyField(
        "taxonomy.City", blank=True, related_name="+", verbose_name=_("further cities")
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, validators=[validate_year])
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True, validators=[validate_year])
    status = models.ForeignKey(
        "taxonomy.CaseStatus",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("status"),
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup", blank=True, related_name="+", verbose_name=_("target groups")
    )
    approaches = ParentalManyToManyField(
        "taxonomy.Approach", blank=True, related_name="+", verbose_name=_("approaches")
    )
    tags = ClusterTaggableManager(through=CaseTag, blank=True, verbose_name=_("tags"))
    spotlights = ParentalManyToManyField(
        "taxonomy.Spotlight", blank=True, related_name="+", verbose_name=_("spotlight collections")
    )
    spotlight_facet_values = ParentalManyToManyField(
        "taxonomy.SpotlightFacetValue", blank=True, related_name="+", verbose_name=_("spotlight facets")
    )

    organisation = models.CharField(_("implementing organisation"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(
        _("contact name"), max_length=200, blank=True, help_text=_("Shown publicly; no e-mail address is ever shown.")
    )
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    contact_expert = models.ForeignKey(
        "experts.ExpertProfilePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact expert"),
        help_text=_("The expert profile of the contact, if they have one."),
    )
    gallery = StreamField([("image", GalleryImageBlock())], blank=True, verbose_name=_("gallery"))
    video_url = models.URLField(_("video link"), blank=True)
    source = models.CharField(
        _("source or award"), max_length=255, blank=True, help_text=_("For example: Guangzhou Award 2018 finalist.")
    )
    latitude = latitude_field(help_text=_("Leave empty to use the city's position."))
    longitude = longitude_field()
    evidence_level = models.CharField(
        _("evidence level"), max_length=30, choices=EvidenceLevel.choices, default=EvidenceLevel.DESCRIBED
    )
    last_verified = models.DateField(
        _("last verified"), null=True, blank=True, help_text=_("When an editor last checked the facts with the city.")
    )

    base_form_class = CaseStudyPageForm
    # Where a member follows their case's review (editorial/review_notifications.py).
    member_area_url_name = "contributions:list"
    parent_page_types = ["cases.CaseIndexPage", "cases.SpotlightSectionPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("organisation"),
        index.FilterField("external_id"),
        STEMMED_TEXT,
    ]

    # Translations share the source's vocabulary (see ThemedMixin), not its import id.
    override_translatable_fields = [
        *ThemedMixin.override_translatable_fields,
        *(
            SynchronizedField(name)
            for name in ("further_cities", "target_groups", "approaches", "spotlights", "spotlight_facet_values")
        ),
        IMPORT_ID,
    ]
    exclude_fields_in_copy = ["external_id"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")])],
            heading=_("Hero image"),
        ),
        FieldPanel("context"),
        FieldPanel("solution"),
        FieldPanel("results"),
        FieldPanel("key_figures"),
        InlinePanel("outcomes", heading=_("Outcome indicators"), label=_("Outcome indicator")),
        FieldPanel("lessons"),
        FieldPanel("budget"),
        *BudgetMixin.budget_panels,
        FieldPanel("partners"),
        FieldPanel("timeline"),
        FieldPanel("gallery"),
        FieldPanel("video_url"),
        InlinePanel("documents", label=_("Documents")),
    ]
    facts_panels = [
        FieldPanel("city"),
        FieldPanel("further_cities", widget=FilteredCheckboxSelectMultiple(filter_label=_("Filter the cities"))),
        FieldRowPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")],
            heading=_("Map position"),
            help_text=_(
                "The point follows the city. To move it, type its position in decimal degrees, "
                "as online maps show it (Barcelona: 41.3874 and 2.1686; south and west are negative)."
            ),
        ),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("status", widget=forms.Select)]),
        *ThemedMixin.themed_panels,
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("approaches", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("spotlights", widget=forms.CheckboxSelectMultiple),
                FieldPanel("spotlight_facet_values", widget=forms.CheckboxSelectMultiple),
                HelpPanel(CARE_DIMENSIONS_HELP),
            ],
            heading=_("Spotlight collections"),
        ),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("website")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]), FieldPanel("contact_expert")],
            heading=_("Contact"),
        ),
        FieldPanel("source"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("evidence_level"), FieldPanel("last_verified")]), HelpPanel(EVIDENCE_HELP)],
            heading=_("Evidence"),
        ),
        InlinePanel("follow_ups", heading=_("Follow-ups"), label=_("Follow-up")),
        InlinePanel("related_cases", label=_("Related cases")),
        FieldPanel("external_id", read_only=True),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(facts_panels, heading=_("Facts and tags")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def save(self, *args, **kwargs):
        if self.latitude is None and self.longitude is None and self.city_id:
            self.latitude, self.longitude = self.city.latitude, self.city.longitude
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # The template reads each document's file and each related case's picture and
        # place: fetched here with the lists, not one query per item. A new case shown
        # in the editor's preview is not saved yet: its lists are all in memory.
        if self.pk is not None:
            prefetch_related_objects(
                [self],
                Prefetch("documents", queryset=CaseDocument.objects.select_related("document")),
                Prefetch("related_cases", queryset=RelatedCase.objects.select_related(*case_card_relations("case__"))),
                "outcomes",
                "follow_ups",
            )
        context = super().get_context(request, *args, **kwargs)
        context["location_map"] = self.location_map()
        context.update(self.replication_context(request))
        return context

    def replication_context(self, request):
        """The chain of cities this practice travelled through, and its map."""
        # Imported here: that module reads these models.
        from ..replications import chain, spread_map

        links = chain(self) if self.pk is not None else []
        return {"replications": links, "spread_map": spread_map(links, self, request) if links else None}

    def location_map(self):
        """The case's place on a map of its region, with the nearby cities' practices;
        the markers lead to each city's practices."""
        # cases.maps reads this module's models: imported when first drawn.
        from ..maps import region_map

        return region_map(self.city, self.latitude, self.longitude) if self.city_id else None

    def structured_data(self, request):
        """schema.org (core/seo.py): an Article about its themes, located in its city."""
        language = self.locale.language_code
        return {
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at,
            "inLanguage": language,
            "about": [{"@type": "Thing", "name": theme.label_in(language)} for theme in self.themes.all()],
            "keywords": [topic.label_in(language) for topic in self.topics.all()],
            "contentLocation": {"@type": "Place", "address": postal_address(self.city, self.city.country, language)},
            "publisher": {"@type": "Organization", "name": site_name()},
        }


class CaseDocument(Orderable):
    """A document attached to a case: its words are searchable (cases/attachments.py)."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("document type"), max_length=20, choices=DocumentKind.choices, blank=True)

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("kind")]), DocumentTextPanel()]


class RelatedCase(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_cases")
    case = models.ForeignKey(CaseStudyPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("case"))

    panels = [FieldPanel("case")]


class CaseIndexPage(Page):
    """Lists the published cases of its language, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cases = (
            CaseStudyPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related(*case_card_relations())
            .order_by("-first_published_at")
        )
        context["cases"] = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
        return context
