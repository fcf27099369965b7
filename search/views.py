import re

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 500


def search(request):
    """Site search over the live, public pages of the visitor's language.

    This is the database search that stays available when OpenSearch cannot be
    reached; the faceted OpenSearch search replaces it as the first choice.
    """
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    # Database full-text engines give quotes and operators a syntax of their own
    # (SQLite FTS fails on an unbalanced quote): search the words alone.
    words = " ".join(re.findall(r"\w+", query))
    results = Page.objects.none()
    if words:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), depth__gt=1)
            .specific()
            .search(words, operator="and")
        )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": page})
