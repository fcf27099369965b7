"""A shortlist or a comparison as a PDF dossier for a council: in the visitor's
language, with the site's name, each practice's facts, outcomes and sources, and
links back to the site. WeasyPrint lays out an HTML page with a print stylesheet
(docs/decisions.md, issue 29); its system libraries (Pango) come from `make install`."""

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET
from weasyprint import HTML

from core.throttle import wait_seconds

from . import store
from .compare import MAX_CASES, MIN_CASES, chosen_ids, compared_cases
from .models import Shortlist
from .views import listed_pages

# Laying out a dossier takes the server a second or so: a few a minute per address.
DOSSIERS_PER_MINUTE = 6
STYLESHEET = "css/dossier.css"


def chosen_pages(request):
    """(cases, experts): the comparison's cases, a shared list's, or the visitor's own."""
    if "case" in request.GET:
        ids = chosen_ids(request.GET.getlist("case"))
        if ids is None or not MIN_CASES <= len(ids) <= MAX_CASES:
            raise Http404
        return compared_cases(ids), []
    if "shared" in request.GET:
        owned = get_object_or_404(Shortlist.objects.exclude(share_token=""), share_token=request.GET["shared"])
        return listed_pages(list(owned.items.values_list("page_id", flat=True)))
    return listed_pages(store.page_ids(request))


def in_visitor_language(pages):
    """Each page's live translation in the visitor's language, if it has one."""
    return [page.localized for page in pages]


def render_pdf(request, cases, experts):
    stylesheet = finders.find(STYLESHEET)
    with open(stylesheet, encoding="utf-8") as handle:
        css = handle.read()
    html = render_to_string(
        "shortlists/dossier.html",
        {"cases": cases, "experts": experts, "css": css, "made": timezone.localdate()},
        request=request,
    )
    # Links and pictures resolve against the site's own address.
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()


@require_GET
def dossier(request):
    wait = wait_seconds("dossier", request.META.get("REMOTE_ADDR", ""), DOSSIERS_PER_MINUTE, 60)
    if wait:
        return JsonResponse(
            {"error": {"message": f"Too many dossiers: try again in {wait} s."}},
            status=429,
            headers={"Retry-After": str(wait)},
        )
    cases, experts = chosen_pages(request)
    # The columns' facts, read once for the versions in the visitor's language.
    cases = compared_cases([case.pk for case in in_visitor_language(cases)])
    pdf = render_pdf(request, cases, in_visitor_language(experts))
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": 'inline; filename="dossier.pdf"', "Cache-Control": "private, no-store"},
    )
