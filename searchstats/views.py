"""The beacon that counts an opened result, and the editors' report."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core import links
from core.numbers import whole_number
from core.throttle import wait_seconds

from . import recording, report
from .models import PAGE_SOURCES, Source

# A visitor opens a few results a minute; more from one address is not reading.
OPENS_PER_MINUTE = 60
# A token names one search (words and filters bounded in length); a longer one is not ours.
MAX_TOKEN_LENGTH = 2000
MAX_RANK = 10_000


@csrf_exempt  # sent by navigator.sendBeacon, which carries no CSRF token; it changes nothing but a count
@require_POST
def opened(request):
    """A result of a search page was opened: `search` (the token of the page's results),
    `rank` (1 for the first result) and `page` (the page id of the result). 204 when
    counted, 400 for anything else; the client's address only keys the rate limit."""
    if not recording.enabled():
        return HttpResponse(status=204)
    if wait_seconds("search-opened", request.META.get("REMOTE_ADDR", ""), OPENS_PER_MINUTE, 60):
        return HttpResponse(status=429)
    token = request.POST.get("search", "")
    rank = whole_number(request.POST.get("rank"), 1, MAX_RANK)
    page_id = whole_number(request.POST.get("page"), 1)
    if len(token) > MAX_TOKEN_LENGTH or rank is None or page_id is None:
        return HttpResponseBadRequest()
    try:
        search = recording.search_from_token(token)
    except signing.BadSignature:
        return HttpResponseBadRequest()
    if rank > search.results:
        return HttpResponseBadRequest()
    recording.record_open(search, rank, page_id)
    return HttpResponse(status=204)


DEFAULT_DAYS = 30
SOURCES = {
    "pages": (gettext_lazy("Site pages"), PAGE_SOURCES),
    "api": (gettext_lazy("API"), (Source.API,)),
    "all": (gettext_lazy("Site pages and API"), tuple(Source)),
}


class ReportFilter(forms.Form):
    days = forms.TypedChoiceField(
        label=gettext_lazy("Period"),
        coerce=int,
        choices=[(days, gettext_lazy("Last %(days)d days") % {"days": days}) for days in report.PERIODS],
        required=False,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=[("", gettext_lazy("All languages")), *settings.LANGUAGES],
        required=False,
    )
    source = forms.ChoiceField(
        label=gettext_lazy("Searches from"),
        choices=[(name, label) for name, (label, _sources) in SOURCES.items()],
        required=False,
    )


def search_url(row):
    """The search page, in the row's language, showing what was searched."""
    with translation.override(row["language"]):
        path = links.link("search")
    return f"{path}?{urlencode({'q': row['words']})}" + (f"&{row['filters']}" if row.get("filters") else "")


def searches_report(request):
    data = request.GET.copy()
    data.setdefault("days", str(DEFAULT_DAYS))
    data.setdefault("source", "pages")
    choice = ReportFilter(data)
    cleaned = choice.cleaned_data if choice.is_valid() else {}
    days = cleaned.get("days") or DEFAULT_DAYS
    sources = SOURCES[cleaned.get("source") or "pages"][1]
    built = report.build(days, cleaned.get("language") or None, sources)
    for rows in (built.top, built.zero, built.low, built.unopened):
        for row in rows:
            row["search_url"] = search_url(row)
    may_add_synonyms = request.user.has_perm("search.add_synonymset")
    return TemplateResponse(
        request,
        "searchstats/report.html",
        {
            "report": built,
            "filter": choice,
            "days": days,
            "low_results": report.LOW_RESULTS,
            "kept_days": settings.SEARCH_ANALYTICS_DAYS,
            "synonym_url": reverse("wagtailsnippets_search_synonymset:add") if may_add_synonyms else None,
            "title": _("Searches"),
            "header_icon": "search",
        },
    )
