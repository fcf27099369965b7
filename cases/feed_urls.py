"""The first feeds, of all cases and of one theme's, are now searches like any other
(searchweb/feeds.py): their addresses lead there for good, so subscriptions keep working."""

from django.http import HttpResponsePermanentRedirect
from django.urls import path

from core import links

app_name = "feeds"


def case_feed(request, theme=None):
    filters = {"type": "case", **({"theme": theme} if theme else {})}
    return HttpResponsePermanentRedirect(links.link("search_feed", query=filters))


urlpatterns = [
    path("cases/", case_feed, name="cases"),
    path("cases/<slug:theme>/", case_feed, name="cases_theme"),
]
