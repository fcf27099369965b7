from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

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
