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


class PublicBaseURLMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PUBLIC_BASE_URL:
            request._current_scheme_host = settings.PUBLIC_BASE_URL
        return self.get_response(request)
