from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.hero import HeroImageMixin
from core.seo import absolute_url, site_name

from .home_page import home_page_context


class HomePage(HeroImageMixin, Page):
    """The root of each language's site: /en/, /fr/, /es/."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences that tell a visitor what the platform offers."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), *HeroImageMixin.hero_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cases.CaseIndexPage",
        "cases.SpotlightPage",
        "cases.ArticleIndexPage",
        "experts.ExpertDirectoryPage",
        "home.InformationPage",
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


class InformationPage(Page):
    """About, contact, privacy, terms: what the operator of the platform says about it,
    linked from every page's footer (home/templatetags/footer_tags.py)."""

    body = RichTextField(_("body"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    # Shown as a link below the text, so that the contact page says how to reach the
    # network without anyone having to write an address into the rich text.
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_("The address of the team that runs the platform (never an expert's own address)."),
    )
    postal_address = models.TextField(_("postal address"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        FieldPanel("contact_email"),
        FieldPanel("postal_address"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # Linked from the footer (home/templatetags/footer_tags.py), not the main menu.
    in_main_menu = False

    class Meta:
        verbose_name = _("information page")
