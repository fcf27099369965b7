"""Spotlight collections as curated page trees: a spotlight page is the root, its
section pages group cases either as child pages or as curated choices of cases that
live elsewhere. A new collection is a new Spotlight term plus a page: no code."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber, Substr
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from core.privacy import private_sections
from search.page_context import collection_search_context

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


class SpotlightPage(Page):
    spotlight = models.ForeignKey(
        "taxonomy.Spotlight", on_delete=models.PROTECT, related_name="+", verbose_name=_("spotlight collection")
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
        context = super().get_context(request, *args, **kwargs)
        private = private_sections(request)
        context.update(
            figures=self.key_figures(private),
            sections=self.sections(private),
            **collection_search_context(request, self.spotlight),
        )
        return context

    def cases(self, private=None):
        """Every live case of the collection in this language: tagged with its
        spotlight, placed below it, or curated into one of its sections. `private` is
        Wagtail's Q of the pages in private sections, when the caller has it already."""
        curated = SpotlightSectionCase.objects.filter(page__in=self.get_descendants()).values("case_id")
        return (
            CaseStudyPage.objects.live()
            .exclude(Page.objects.private_q() if private is None else private)
            .filter(locale=self.locale)
            .filter(Q(spotlights=self.spotlight) | Q(path__startswith=self.path) | Q(pk__in=curated))
            .distinct()
        )

    def key_figures(self, private=None):
        # Counted over the cases' ids: counting over the distinct rows of the
        # collection's three-way OR itself took a third longer at 10,000 cases.
        return CaseStudyPage.objects.filter(pk__in=self.cases(private).values("pk")).aggregate(
            cases=models.Count("pk"),
            countries=models.Count("city__country", distinct=True),
            cities=models.Count("city", distinct=True),
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
        """The live sections in tree order, each with how many cases it has
        (`case_count`) and its first few (`preview_cases`): its child cases in tree
        order, then those curated into it. A handful of queries for any number of
        sections, reading only the cases shown, though a section may hold thousands."""
        if private is None:
            private = Page.objects.private_q()
        live_sections = SpotlightSectionPage.objects.child_of(self).live().exclude(private)
        sections = {section.pk: section for section in live_sections}
        for section in sections.values():
            section.case_count, section.preview_cases = 0, []
        public = CaseStudyPage.objects.live().exclude(private)
        # A case below a section that is not live has no section here.
        by_path = {section.path: section for section in sections.values()}
        section_path = Substr("path", 1, len(self.path) + self.steplen)
        children = public.filter(path__startswith=self.path, depth=self.depth + 2).annotate(section_path=section_path)
        for path, count in children.order_by().values_list("section_path").annotate(Count("pk")):
            if path in by_path:
                by_path[path].case_count += count
        in_tree_order = Window(RowNumber(), partition_by=section_path, order_by=F("path").asc())
        # Ranked on narrow rows, then only the cases shown are read whole.
        first_children = children.annotate(rank=in_tree_order).filter(rank__lte=SECTION_PREVIEW).values("pk")
        for case in children.filter(pk__in=first_children).order_by("path").select_related(*case_card_relations()):
            if case.section_path in by_path:
                by_path[case.section_path].preview_cases.append(case)
        # Curated cases live elsewhere, maybe in a private section: only the few shown
        # are checked (asking which of all the cases are public cost more than the
        # rest of the page). A count may include such a rare case; no list shows it.
        curated = SpotlightSectionCase.objects.filter(page__in=sections, case__live=True)
        for page, count in curated.order_by().values_list("page").annotate(Count("pk")):
            sections[page].case_count += count
        in_chosen_order = Window(RowNumber(), partition_by=F("page"), order_by=F("sort_order").asc())
        first_curated = (
            curated.annotate(rank=in_chosen_order)
            .filter(rank__lte=SECTION_PREVIEW)
            .order_by("page", "sort_order")
            .values_list("page", "case")
        )
        first_curated = list(first_curated)
        shown = public.select_related(*case_card_relations()).in_bulk([case for _page, case in first_curated])
        for page, case in first_curated:
            preview = sections[page].preview_cases
            if case in shown and len(preview) < SECTION_PREVIEW:
                preview.append(shown[case])
        return list(sections.values())


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
        # A section may hold thousands of cases: a page of them at a time.
        cases = self.cases_in_order(private_sections(request)).select_related(*case_card_relations())
        context["cases"] = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
        return context

    def cases_in_order(self, private):
        """Its live, public cases: its child cases first, in tree order, then the cases
        curated into it from elsewhere, in their chosen order. `private` is Wagtail's Q
        of the pages in private sections."""
        curated = SpotlightSectionCase.objects.filter(page=self)
        return (
            CaseStudyPage.objects.live()
            .exclude(private)
            .filter(Q(path__startswith=self.path, depth=self.depth + 1) | Q(pk__in=curated.values("case")))
            .annotate(
                curated_elsewhere=Case(When(path__startswith=self.path, then=Value(0)), default=Value(1)),
                curated_order=Subquery(curated.filter(case=OuterRef("pk")).values("sort_order")[:1]),
            )
            .order_by("curated_elsewhere", F("curated_order").asc(nulls_first=True), "path")
        )
