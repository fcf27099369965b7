"""Atom feeds of any search: the query string of the search page (words, filters,
years) gives the newest matching pages. Links are made absolute by the syndication
framework with the domain of Django's sites framework, which setup_site points at the
public address (home/site_setup.py).

https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/
"""

from dataclasses import replace

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from search import service

FEED_LENGTH = 30


def date(value):
    return parse_datetime(value) if isinstance(value, str) else value


class SearchFeed(Feed):
    """The newest pages a search finds, in the visitor's language.

    One instance serves every request: what depends on the request travels in the
    SearchRequest that get_object returns, never in attributes set on the feed."""

    feed_type = Atom1Feed
    # Atom asks for an author of the feed when its entries name none.
    author_name = gettext_lazy("Cities Exchange")
    subtitle = gettext_lazy("The latest good practices published by member cities.")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except service.InvalidParameter as error:
            # A feed reader shows the answer as it is: plain words naming the parameter.
            return HttpResponseBadRequest(f"{error.parameter}: {error}", content_type="text/plain; charset=utf-8")

    def get_object(self, request):
        search, _problems = service.read_criteria(request.GET.urlencode(), ui_language=get_language(), strict=True)
        return replace(search, page_size=FEED_LENGTH, counts=False)

    def title(self, search):
        if not service.criteria(search):
            return _("New on %(site)s") % {"site": settings.SITE_NAME}
        return _("New: %(search)s") % {"search": service.describe(search)}

    def link(self, search):
        """The search page listing the same pages, newest first."""
        query = service.criteria(search)
        return f"{reverse('search:search')}?{query}{'&' if query else ''}sort=newest"

    def items(self, search):
        return service.search(search).hits

    def item_title(self, hit):
        return hit["title"]

    def item_description(self, hit):
        # Atom1Feed marks the summary type="html"; ours is plain text.
        return escape(hit.get("summary") or "")

    def item_link(self, hit):
        return hit["url"]

    def item_pubdate(self, hit):
        return date(hit.get("first_published_at"))

    def item_updateddate(self, hit):
        return date(hit.get("last_published_at"))

    def item_categories(self, hit):
        return list(service.FACETS_BY_PARAMETER["theme"].labels(hit.get("themes") or []).values())
