"""Absolute links carry the site's public address (PUBLIC_BASE_URL), not the host a
request happened to come through: behind nginx on loopback, through an internal
address, or with a Host header an attacker chose (Django checks it against
ALLOWED_HOSTS, which may list several names).

Django builds every absolute link from a request with `request.build_absolute_uri()`,
which prefixes the request's `_current_scheme_host` (django/http/request.py, Django
5.2). allauth's e-mail links (confirmation, password reset, sign-up), the exports' URLs
and the messaging notifications all go through it, so setting that one value covers
them all; tests/test_site_identity.py fails if Django stops reading it. Page links
come from Wagtail's Site, which `setup_site` points at the same address.
"""

from django.conf import settings
from wagtail.models import Site


class PublicBaseURLMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PUBLIC_BASE_URL:
            request._current_scheme_host = settings.PUBLIC_BASE_URL
        return self.get_response(request)


def base_url():
    """The address every e-mail's links start with: PUBLIC_BASE_URL, else the default
    Wagtail site's root URL (what page links use); never the host of the request that
    happened to trigger the e-mail. Development sets PUBLIC_BASE_URL (settings/dev.py)."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL
    return Site.objects.get(is_default_site=True).root_url.rstrip("/")


def absolute(path):
    """`path` (from reverse(), with its query) on the site's public address."""
    return base_url() + path
