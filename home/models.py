from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


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
        # Imported here: it reads the case and expert models, which import this app's models.
        from .home_page import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self))
        return context
