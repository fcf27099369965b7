"""Spotlight collections as curated page trees: a spotlight page is the root, its
section pages group cases either as child pages or as curated choices of cases that
live elsewhere. A new collection is a new Spotlight term plus a page: no code."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from core import page_cache
from core.hero import HeroImageMixin
from core.privacy import private_sections
from search import service
from taxonomy.models import Spotlight

from .case import CASES_PER_PAGE, CaseStudyPage, case_card_relations

# How many of its cases a section lists on the collection's page; its own page lists them all.
SECTION_PREVIEW = 4


class CuratedCase(Orderable):
    case = models.ForeignKey(CaseStudyPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("case"))

    panels = [FieldPanel("case")]

    class Meta(Orderable.Meta):
        abstract = True


class SpotlightFeaturedCase(CuratedCase):
    page = ParentalKey("cases.SpotlightPage", on_delete=models.CASCADE, related_name="featured_cases")


class SpotlightSectionCase(CuratedCase):
    page = ParentalKey("cases.SpotlightSectionPage", on_delete=models.CASCADE, related_name="curated_cases")


class SpotlightPage(HeroImageMixin, Page):
    spotlight = models.ForeignKey(
        "taxonomy.Spotlight", on_delete=models.PROTECT, related_name="+", verbose_name=_("spotlight collection")
    )
    intro = models.TextField(_("introduction"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("spotlight"),
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        InlinePanel("featured_cases", label=_("Featured cases")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.SpotlightSectionPage"]

    class Meta:
        verbose_name = _("spotlight collection page")

    def get_context(self, request, *args, **kwargs):
        """The collection's own search: every count scoped to its spotlight, with its facets."""
        context = super().get_context(request, *args, **kwargs)
        private = private_sections(request)
        # Both scan the collection's cases: kept until the next change (core/page_cache.py).
        context.update(
            figures=page_cache.remember(f"spotlight-figures:{self.spotlight_id}", lambda: self.key_figures(private)),
            sections=page_cache.remember(f"spotlight-sections:{self.pk}", lambda: self.sections(private)),
            **service.page_search_context(
                request,
                scope={"spotlights": self.spotlight.slug},
                facets=service.SPOTLIGHT_FACETS,
            ),
        )
        return context

    def key_figures(self, private=None):
        """How many practices the collection holds (a case and its translations are
        one), from how many countries and cities: the same in every language, and the
        count its own search shows (see in_collection)."""
        return collection_cases(self.spotlight, private).aggregate(
            cases=Count("translation_key", distinct=True),
            countries=Count("city__country", distinct=True),
            cities=Count("city", distinct=True),
        )

    @cached_property
    def live_featured_cases(self):
        """The page and its structured data both list them: read once."""
        cards = self.featured_cases.select_related(*case_card_relations("case__"))
        return [item.case for item in cards if item.case.live]

    def structured_data(self, request):
        """schema.org (core/seo.py): a CollectionPage about its collection, made of its featured cases."""
        language = self.locale.language_code
        return {
            "@type": "CollectionPage",
            "name": self.title,
            "description": self.intro,
            "inLanguage": language,
            "about": {"@type": "Thing", "name": self.spotlight.label_in(language)},
            "hasPart": [
                {"@type": "Article", "headline": case.title, "url": case.get_full_url(request)}
                for case in self.live_featured_cases
            ],
        }

    def sections(self, private=None):
        """The live sections in tree order, each with how many practices it holds
        (`case_count`) and its first few (`preview_cases`, in this page's language
        where translated). A handful of queries for any number of sections."""
        if private is None:
            private = Page.objects.private_q()
        sections = list(SpotlightSectionPage.objects.child_of(self).live().exclude(private))
        in_sections = practices_in_sections(sections, private)
        previews = representatives(
            [key for section in sections for key in in_sections[section.translation_key][:SECTION_PREVIEW]],
            self.locale_id,
            private,
        )
        for section in sections:
            keys = in_sections[section.translation_key]
            section.case_count = len(keys)
            section.preview_cases = [previews[key] for key in keys[:SECTION_PREVIEW] if key in previews]
        return sections


class SpotlightSectionPage(Page):
    """A chapter of a collection, such as "emergency response" or "reward care workers"."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("curated_cases", label=_("Curated cases from elsewhere")),
    ]
    parent_page_types = ["cases.SpotlightPage"]
    subpage_types = ["cases.CaseStudyPage"]

    class Meta:
        verbose_name = _("spotlight section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        private = private_sections(request)
        # A section may hold thousands of cases: a page of them at a time, read whole.
        practices = page_cache.remember(
            f"section-practices:{self.pk}", lambda: practices_in_sections([self], private)[self.translation_key]
        )
        cases = Paginator(practices, CASES_PER_PAGE).get_page(request.GET.get("page"))
        shown = representatives(cases.object_list, self.locale_id, private)
        cases.object_list = [shown[key] for key in cases.object_list if key in shown]
        context["cases"] = cases
        return context


def public_cases(private=None):
    """Live cases outside private sections; `private` is Wagtail's Q of the pages in
    private sections, when the caller has it already."""
    return CaseStudyPage.objects.live().exclude(Page.objects.private_q() if private is None else private)


def in_collection(spotlight, private=None):
    """Which cases a collection holds, defined once: every version (language) of a
    practice of which one live, public version is tagged with the spotlight, placed
    below one of the spotlight's pages, or curated into one of its sections. The
    landing figures, the section cards and the index's `spotlights` field (so the
    collection's search and its facets) all count through it."""
    below_roots = Q(pk__in=[])
    for path in SpotlightPage.objects.live().filter(spotlight=spotlight).values_list("path", flat=True):
        below_roots |= Q(path__startswith=path)
    curated = SpotlightSectionCase.objects.filter(page__in=SpotlightSectionPage.objects.live().filter(below_roots))
    placed = Q(spotlights=spotlight) | below_roots | Q(pk__in=curated.values("case"))
    return Q(translation_key__in=public_cases(private).filter(placed).values("translation_key"))


def collection_cases(spotlight, private=None):
    return public_cases(private).filter(in_collection(spotlight, private))


def collections_of(translation_keys):
    """{translation key: [spotlight, ...]} of the collections these practices are in."""
    found = {}
    private = Page.objects.private_q()
    for spotlight in Spotlight.objects.all():
        members = collection_cases(spotlight, private).filter(translation_key__in=translation_keys)
        for key in members.values_list("translation_key", flat=True).distinct():
            found.setdefault(key, []).append(spotlight)
    return found


def practices_in_sections(sections, private):
    """{section translation key: [practice translation key, ...]} in the order a
    section lists them: its child cases in tree order (those below this language's
    section first), then those curated into it in their chosen order. A practice is in
    a section when any of its versions is below, or curated into, any of the
    section's versions, so the count is the same in every language."""
    keys = {section.translation_key for section in sections}
    ordered = {key: {} for key in keys}
    versions = list(SpotlightSectionPage.objects.live().exclude(private).filter(translation_key__in=keys))
    if not versions:
        return {key: [] for key in keys}
    own = {section.pk for section in sections}
    below = Q()
    for version in versions:
        below |= Q(path__startswith=version.path, depth=version.depth + 1)
    children = sorted(public_cases(private).filter(below).values_list("path", "translation_key"))
    for own_first in (True, False):
        for version in versions:
            if (version.pk in own) == own_first:
                for path, key in children:
                    if path.startswith(version.path):
                        ordered[version.translation_key].setdefault(key, None)
    curated = (
        SpotlightSectionCase.objects.filter(page__in=versions, case__in=public_cases(private))
        .order_by("sort_order")
        .values_list("page__translation_key", "case__translation_key")
    )
    for section_key, key in curated:
        ordered[section_key].setdefault(key, None)
    return {key: list(practices) for key, practices in ordered.items()}


def representatives(translation_keys, locale_id, private):
    """{translation key: the case shown for it}: its version in this language, or else
    its original (the first published), as the search shows it (search.documents)."""
    found = {}
    versions = public_cases(private).filter(translation_key__in=translation_keys).select_related(*case_card_relations())
    for case in versions.order_by("pk"):
        chosen = found.get(case.translation_key)
        if chosen is None or (case.locale_id == locale_id and chosen.locale_id != locale_id):
            found[case.translation_key] = case
    return found
