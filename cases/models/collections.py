"""Spotlight collections as curated page trees: a spotlight page is the root, its
section pages group cases either as child pages or as curated choices of cases that
live elsewhere. A new collection is a new Spotlight term plus a page: no code."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from .case import CaseStudyPage, case_card_relations


class CuratedCase(Orderable):
    case = models.ForeignKey(CaseStudyPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("case"))

    panels = [FieldPanel("case")]

    class Meta(Orderable.Meta):
        abstract = True


class SpotlightFeaturedCase(CuratedCase):
    page = ParentalKey("cases.SpotlightPage", on_delete=models.CASCADE, related_name="featured_cases")


class SpotlightSectionCase(CuratedCase):
    page = ParentalKey("cases.SpotlightSectionPage", on_delete=models.CASCADE, related_name="curated_cases")


class SpotlightPage(Page):
    spotlight = models.ForeignKey(
        "home.Spotlight", on_delete=models.PROTECT, related_name="+", verbose_name=_("spotlight collection")
    )
    intro = models.TextField(_("introduction"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("spotlight"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("featured_cases", label=_("Featured cases")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.SpotlightSectionPage"]

    class Meta:
        verbose_name = _("spotlight collection page")

    def get_context(self, request, *args, **kwargs):
        """The collection's own search: every count scoped to its spotlight, with its facets."""
        # Imported here: the search app builds its documents from these models.
        from search.facets import SPOTLIGHT_FACETS
        from search.views import search_context

        context = super().get_context(request, *args, **kwargs)
        context.update(search_context(request, scope={"spotlights": self.spotlight.slug}, facets=SPOTLIGHT_FACETS))
        return context

    def cases(self):
        """Every live case of the collection in this language: tagged with its
        spotlight, placed below it, or curated into one of its sections."""
        curated = SpotlightSectionCase.objects.filter(page__in=self.get_descendants()).values("case_id")
        return (
            CaseStudyPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .filter(Q(spotlights=self.spotlight) | Q(path__startswith=self.path) | Q(pk__in=curated))
            .distinct()
        )

    def key_figures(self):
        figures = self.cases().aggregate(
            cases=models.Count("pk", distinct=True),
            countries=models.Count("city__country", distinct=True),
            cities=models.Count("city", distinct=True),
        )
        return figures

    def live_featured_cases(self):
        cards = self.featured_cases.select_related(*case_card_relations("case__"))
        return [item.case for item in cards if item.case.live]

    def sections(self):
        return SpotlightSectionPage.objects.child_of(self).live().public()


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

    def cases(self):
        """Child cases first, in tree order, then the curated ones in their chosen order."""
        children = list(CaseStudyPage.objects.child_of(self).live().public())
        curated = [item.case for item in self.curated_cases.select_related("case") if item.case.live]
        return children + [case for case in curated if case not in children]
