"""Atom feeds of newly published cases, in the visitor's language: all of them, or one theme's.

https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from taxonomy.models import Theme

from .models import CaseStudyPage

FEED_LENGTH = 30


class NewCasesFeed(Feed):
    """The newest live, public cases of the active locale; `theme` (a slug) narrows to one theme.

    One instance serves every request: what depends on the request comes in through
    the theme that get_object returns, never through attributes set on the feed."""

    feed_type = Atom1Feed
    # Atom asks for an author of the feed when its entries name none.
    author_name = gettext_lazy("Cities Exchange")
    subtitle = gettext_lazy("The latest good practices published by member cities.")

    def get_object(self, request, theme=None):
        return get_object_or_404(Theme, slug=theme) if theme else None

    def title(self, theme):
        if theme:
            return _("New case studies: %(theme)s") % {"theme": theme.label}
        return _("New case studies")

    def link(self, theme):
        """The search page listing the same cases, newest first."""
        filters = {"type": "case", "sort": "newest", **({"theme": theme.slug} if theme else {})}
        return f"{reverse('search:search')}?{urlencode(filters)}"

    def items(self, theme):
        cases = CaseStudyPage.objects.live().public().filter(locale=Locale.get_active())
        if theme:
            cases = cases.filter(themes=theme)
        return cases.prefetch_related("themes").order_by("-first_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, case):
        return case.title

    def item_description(self, case):
        # Atom1Feed marks the summary type="html"; ours is plain text.
        return escape(case.summary)

    def item_link(self, case):
        return case.url

    def item_pubdate(self, case):
        return case.first_published_at

    def item_updateddate(self, case):
        return case.last_published_at

    def item_categories(self, case):
        return [theme.label for theme in case.themes.all()]
