from allauth.mfa.totp.views import activate_totp
from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as document_views

from core import private_media
from editorial.admin_login import AdminLoginView
from home.language_views import nearest_translation
from home.sitemaps import PageSitemap
from home.views import favicon, patterns, robots_txt
from searchstats.views import opened as result_opened
from searchweb import api_urls
from searchweb import urls as search_urls

from .health import healthz, readyz

# An unexpected error under /api/ answers JSON, elsewhere Django's page.
handler500 = "usesite.errors.server_error"

urlpatterns = [
    # Before Wagtail's own: the admin's sign-in with the site's limits and second factor.
    path("admin/login/", AdminLoginView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    # wagtail.documents.urls, with its numbers read through the int64 converter
    # (core/numbers.py): its own pattern takes any run of digits to the database.
    path(
        "documents/<int64:document_id>/<path:document_filename>",
        document_views.serve,
        name="wagtaildocs_serve",
    ),
    path(
        "documents/authenticate_with_password/<int64:restriction_id>/",
        document_views.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # Unreviewed uploads, to their member and the editors only (core/private_media.py).
    path("private-media/<path:path>", private_media.serve, name="private_media"),
    # ...never as MEDIA_ROOT's other files are (`make run` serves them below; nginx
    # marks the folder internal).
    path(f"{settings.MEDIA_URL.strip('/')}/private/<path:path>", private_media.refuse),
    path("api/v1/", include(api_urls)),
    # The beacon a search page sends when one of its results is opened (searchstats/).
    path("search-results/opened/", result_opened, name="result_opened"),
    # Crawlers look for these at the root of the domain, whatever the language.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    # Probes for a load balancer or a monitor (site/health.py), outside the languages.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/, /fr/, /es/.
urlpatterns += i18n_patterns(
    path("search/", include(search_urls)),
    path("cities/", include("cities.urls")),
    path("insights/", include("insights.urls")),
    # The design system's pattern page, for staff (docs/design.md).
    path("patterns/", patterns, name="patterns"),
    # The authenticator app's QR code is an image in a data: URI, which the site's
    # policy (img-src 'self') allows on this page alone.
    path(
        "accounts/2fa/totp/activate/",
        csp_update({"img-src": ["data:"]})(activate_totp),
        name="mfa_activate_totp",
    ),
    path("accounts/", include("allauth.urls")),
    path("members/contributions/", include("cases.contribution_urls")),
    path("members/saved-searches/", include("alerts.urls")),
    path("members/", include("members.urls")),
    path("shortlist/", include("shortlists.urls")),
    # A member's own expert profile: the experts app's form, in the member area.
    path("members/", include("experts.urls")),
    path("language/nearest/<int64:page_id>/", nearest_translation, name="nearest_translation"),
    path("feeds/", include("cases.feed_urls")),
    path("", include(wagtail_urls)),
)
