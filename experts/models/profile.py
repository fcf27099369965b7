"""Expert profiles: people (or organisations) a city can learn from directly.

A profile is a Wagtail page under the expert directory, so it gets revisions,
moderation, translations and the search index like every other page; `owner_account`
ties it to the one member account that may edit it from the site.
"""

import functools
import gettext as gettext_module
import re

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cases.models.case import CaseStudyPage, case_card_relations
from core.import_tools import IMPORT_ID
from core.seo import postal_address
from search import service
from search.registry import STEMMED_TEXT, StemmedText
from taxonomy.mixins import ThemedMixin, ThemedPageForm

BIOGRAPHY_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Languages an expert can speak: every ISO 639-1 code.


@functools.cache
def iso_639_names(language):
    return gettext_module.translation("iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def language_name_in_active_language(english_name):
    """Django's catalogs name the hundred languages it supports best; pycountry's ISO 639
    catalog covers the rest (with gaps: those keep their English name)."""
    translated = gettext(english_name)
    if translated != english_name:
        return translated
    return iso_639_names(get_language() or settings.LANGUAGE_CODE).gettext(english_name)


# ISO 639-1 code -> the language's name, translated when shown.
SPOKEN_LANGUAGES = {
    language.alpha_2: lazy(language_name_in_active_language, str)(language.name)
    for language in pycountry.languages
    if hasattr(language, "alpha_2")
}
ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
SIMILAR_EXPERTS = 3


def validate_language_codes(value):
    unknown = [code for code in value.split() if code not in SPOKEN_LANGUAGES]
    if unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s. Use ISO 639-1 codes such as en, fr, es.")
            % {"codes": ", ".join(unknown)}
        )


def validate_orcid(value):
    if value and not ORCID_PATTERN.match(value):
        raise ValidationError(_("Enter an ORCID iD such as 0000-0002-1825-0097."))


class ProfileType(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    ORGANISATION = "organisation", _("Organisation")


class Availability(models.TextChoices):
    """What an expert offers other cities; each is a boolean field of the profile."""

    PEER_EXCHANGE = "peer_exchange", _("Peer exchange")
    MENTORING = "mentoring", _("Mentoring")
    SPEAKING = "speaking", _("Speaking")
    STUDY_VISITS = "study_visits", _("Study visits")


class ExpertiseTag(TaggedItemBase):
    content_object = ParentalKey("experts.ExpertProfilePage", on_delete=models.CASCADE, related_name="tagged_items")


class ExpertProfilePage(StemmedText, ThemedMixin, Page):
    owner_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expert_profiles",
        verbose_name=_("member account"),
        help_text=_("The one account that may edit this profile from the site."),
    )
    external_id = models.CharField(_("external id"), max_length=100, blank=True, db_index=True)
    # What the last import wrote, field by field: a later import tells the expert's
    # own changes (values that differ from it) from values it may replace.
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    profile_type = models.CharField(
        _("profile type"), max_length=20, choices=ProfileType.choices, default=ProfileType.INDIVIDUAL
    )
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    position = models.CharField(_("job title"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    city = models.ForeignKey(
        "taxonomy.City", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("city")
    )
    country = models.ForeignKey(
        "taxonomy.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country"),
        help_text=_("Follows the city when one is chosen."),
    )  # fmt: skip
    biography = RichTextField(_("biography"), blank=True, features=BIOGRAPHY_FEATURES)
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("ISO 639-1 codes separated by spaces, for example: en fr es."),
    )
    expertise_tags = ClusterTaggableManager(through=ExpertiseTag, blank=True, verbose_name=_("expertise tags"))
    website = models.URLField(_("website"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid])
    peer_exchange = models.BooleanField(Availability.PEER_EXCHANGE.label, default=False)
    mentoring = models.BooleanField(Availability.MENTORING.label, default=False)
    speaking = models.BooleanField(Availability.SPEAKING.label, default=False)
    study_visits = models.BooleanField(Availability.STUDY_VISITS.label, default=False)

    # Unlike a case, a profile may be saved before its owner names any theme or goal.
    themes = ParentalManyToManyField("taxonomy.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    sdgs = ParentalManyToManyField(
        "taxonomy.SustainableDevelopmentGoal",
        blank=True,
        related_name="+",
        verbose_name=_("sustainable development goals"),
    )
    base_form_class = ThemedPageForm
    # Where a member follows their profile's review (editorial/review_notifications.py).
    member_area_url_name = "experts:edit_profile"
    # A translated profile is the same person: the languages spoken and the ORCID iD
    # follow the source; the import id stays its own (see IMPORT_ID).
    override_translatable_fields = [
        *ThemedMixin.override_translatable_fields,
        SynchronizedField("languages"),
        SynchronizedField("orcid"),
        IMPORT_ID,
    ]
    exclude_fields_in_copy = ["external_id"]
    parent_page_types = ["experts.ExpertDirectoryPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("biography"),
        index.SearchField("organisation"),
        index.FilterField("external_id"),
        STEMMED_TEXT,
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("profile_type"), FieldPanel("owner_account")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("position"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldPanel("biography"),
        FieldPanel("languages"),
        *ThemedMixin.themed_panels,
        FieldPanel("expertise_tags"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldRowPanel([FieldPanel("linkedin_url"), FieldPanel("orcid")])],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [FieldPanel(choice.value) for choice in Availability],
            heading=_("Availability"),
        ),
        FieldPanel("external_id", read_only=True),
    ]

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Apps above this one add what they offer on a profile (members: the contact
        # form, as `contact_template` and its context); experts knows none of them.
        for add_to_context in hooks.get_hooks("expert_profile_context"):
            add_to_context(request, self, context)
        return context

    def save(self, *args, **kwargs):
        if self.city_id:
            self.country_id = self.city.country_id
        super().save(*args, **kwargs)

    @property
    def region(self):
        return self.city.region if self.city_id else self.country.region

    @property
    def summary(self):
        """What a search result says under the name."""
        return ", ".join(part for part in (self.position, self.organisation) if part)

    def availability(self):
        return [choice.label for choice in Availability if getattr(self, choice.value)]

    def spoken_languages(self):
        return [SPOKEN_LANGUAGES[code] for code in self.languages.split() if code in SPOKEN_LANGUAGES]

    def structured_data(self, request):
        """schema.org (core/seo.py): a Person, or an Organization for an organisation's
        profile. Never an e-mail address: members reach experts through the site's contact form."""
        language = self.locale.language_code
        orcid = self.orcid and f"https://orcid.org/{self.orcid}"
        data = {
            "@type": "Organization" if self.profile_type == ProfileType.ORGANISATION else "Person",
            "name": self.title,
            "address": postal_address(self.city, self.country, language),
            "knowsLanguage": self.languages.split(),
            "sameAs": [url for url in (self.website, self.linkedin_url, orcid) if url],
        }
        if data["@type"] == "Person":
            data["jobTitle"] = self.position
            data["worksFor"] = self.organisation and {"@type": "Organization", "name": self.organisation}
        return data

    def cases(self):
        """Live cases this expert is the contact for or contributed as a member."""
        profiles = ExpertProfilePage.objects.filter(translation_key=self.translation_key)
        contributed = models.Q(contribution__member=self.owner_account) if self.owner_account_id else models.Q()
        return (
            CaseStudyPage.objects.live()
            .public()
            .filter(models.Q(contact_expert__in=profiles) | contributed, locale=self.locale)
            .select_related(*case_card_relations())
            .distinct()
            .order_by("-first_published_at")
        )

    def similar_experts(self, size=SIMILAR_EXPERTS):
        """Other live experts of this language who share the most topics, then themes,
        with this one: one query plus the privacy check, whatever the number shown."""
        shared_topics = self.topics.through.objects.filter(expertprofilepage=self.pk).values("topic")
        shared_themes = self.themes.through.objects.filter(expertprofilepage=self.pk).values("theme")
        return (
            ExpertProfilePage.objects.live()
            .public()
            .filter(locale=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .annotate(
                topics_shared=models.Count("topics", filter=models.Q(topics__in=shared_topics), distinct=True),
                themes_shared=models.Count("themes", filter=models.Q(themes__in=shared_themes), distinct=True),
            )
            .filter(models.Q(topics_shared__gt=0) | models.Q(themes_shared__gt=0))
            .select_related("city", "country")
            .order_by("-topics_shared", "-themes_shared", "title")[:size]
        )


class ExpertDirectoryPage(Page):
    """Lists the published experts of its language."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["experts.ExpertProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("expert directory")

    def get_context(self, request, *args, **kwargs):
        """The directory is the public search scoped to expert profiles, with their facets."""
        context = super().get_context(request, *args, **kwargs)
        context.update(service.type_search_context(request, "expert"))
        return context
