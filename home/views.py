from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from cases.models import CaseStudyPage
from cases.models.case import case_card_relations
from core.seo import absolute_url


@require_GET
def robots_txt(request):
    """Crawlers may read every public page, but not the admin, the API, the member
    areas (sign-in, profiles, messages), the language switcher's redirects or the
    search exports, which only repeat the search page as files. The sitemap is named by its absolute URL, as the sitemap
    protocol requires (https://www.sitemaps.org/protocol.html#submit_robots)."""
    disallowed = ["/admin/", "/api/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallowed += [
                f"/{code}/accounts/",
                f"/{code}/members/",
                f"/{code}/language/",  # only redirects to pages listed anyway
                reverse("search:export_csv"),
                reverse("search:export_json"),
            ]
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in disallowed),
        "",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page says: send
    them to the static file, whose address (hashed in production) may change."""
    return redirect(static("img/favicon.ico"))


# How many cards each sample grid of the pattern page holds: the counts where a
# fixed four-column grid would leave an orphan or a half-empty row.
PATTERN_GRID_COUNTS = (2, 3, 5, 6)


def patterns(request):
    """The design system's living pattern page (docs/design.md): every component drawn
    by the site's own stylesheet and includes, for staff to check a change against.
    Anyone else gets a 404, as if it did not exist."""
    if not request.user.is_staff:
        raise Http404
    cases = list(
        CaseStudyPage.objects.live()
        .filter(locale__language_code=translation.get_language())
        .select_related(*case_card_relations())
        .defer_streamfields()
        .order_by("-first_published_at")[: max(PATTERN_GRID_COUNTS)]
    )
    return render(
        request,
        "home/patterns.html",
        {
            "colours": COLOUR_TOKENS,
            "grids": [cases[:count] for count in PATTERN_GRID_COUNTS if len(cases) >= count],
            "sample_chips": [
                {"label": "Housing", "remove": "theme=housing"},
                {"label": "Europe", "remove": "region=europe"},
            ],
        },
    )


# The colour tokens of site/static/css/site.css, with the text each is meant for.
COLOUR_TOKENS = (
    ("--ink", "#1b1f24", "text, 16.6:1 on paper"),
    ("--muted", "#4a5361", "secondary text, 7.8:1"),
    ("--accent", "#0b5cad", "links, 6.7:1"),
    ("--accent-dark", "#083f77", "buttons, header, 10.6:1"),
    ("--accent-soft", "#e6eff9", "active chips, hovered menu items"),
    ("--band", "#f3f5f8", "fact boxes, footer"),
    ("--line", "#d5dae1", "hairlines between parts"),
    ("--line-strong", "#8a94a3", "form borders, 3.1:1"),
    ("--warning", "#b58100", "notice border, 3.4:1"),
    ("--danger", "#b00020", "errors, 7.3:1"),
    ("--success", "#1e6b34", "confirmations, 6.6:1"),
    ("--focus", "#ffbf47", "focus ring, over an ink halo"),
)
