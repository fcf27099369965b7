"""Articles around the cases: city portraits and positions (interviews)."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from taxonomy.mixins import CityMixin, ThemedMixin

from .case import SECTION_FEATURES, CaseStudyPage


class ArticleIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CityPortraitPage", "cases.PositionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("article index")

    def articles(self):
        """The newest first, each as its card shows it: portraits and interviews are
        two tables, so their pictures come in one query after them, not one per card."""
        articles = list(self.get_children().live().public().specific().order_by("-first_published_at"))
        prefetch_related_objects(articles, "hero_image__renditions")
        return articles


class Article(ThemedMixin, Page):
    summary = models.TextField(_("summary"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = RichTextField(_("body"), features=SECTION_FEATURES)

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cases.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True


class CityPortraitPage(CityMixin, Article):
    """ "Spotlight on...": a member city, its culture and economy, and its cases."""

    content_panels = [
        *Page.content_panels,
        *CityMixin.city_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        *ThemedMixin.themed_panels,
    ]

    class Meta:
        verbose_name = _("city portrait")

    def city_cases(self):
        return CaseStudyPage.objects.live().public().filter(locale=self.locale, city=self.city)


class PositionPage(Article):
    """An interview with a mayor, practitioner or researcher."""

    interviewee = models.CharField(_("interviewee"), max_length=200)
    interviewee_role = models.CharField(_("role"), max_length=255, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("interviewee"),
        FieldPanel("interviewee_role"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        *ThemedMixin.themed_panels,
        InlinePanel("linked_cases", label=_("Cases discussed")),
    ]

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def cases(self):
        return [link.case for link in self.linked_cases.select_related("case") if link.case.live]


class PositionCase(Orderable):
    page = ParentalKey(PositionPage, on_delete=models.CASCADE, related_name="linked_cases")
    case = models.ForeignKey(CaseStudyPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("case"))

    panels = [FieldPanel("case")]
