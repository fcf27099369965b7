from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.seo import absolute_url, site_name

from .home_page import home_page_context


class HomePage(Page):
    """The root of each language's site: /en/, /fr/, /es/."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences that tell a visitor what the platform offers."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cases.CaseIndexPage",
        "cases.SpotlightPage",
        "cases.ArticleIndexPage",
        "experts.ExpertDirectoryPage",
    ]
    # One home page per language: each locale's copy is a translation of the first.
    max_count_per_parent = 3

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self))
        return context

    def structured_data(self, request):
        """schema.org (core/seo.py): the WebSite of its language, with its search as a
        SearchAction (https://schema.org/SearchAction)."""
        language = self.locale.language_code
        with translation.override(language):
            search = absolute_url(request, reverse("search:search"))
        return {
            "@type": "WebSite",
            "name": site_name(),
            "inLanguage": language,
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
                "query-input": "required name=search_term_string",
            },
        }
