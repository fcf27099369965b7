"""Requests larger than anything the site accepts are refused before their body is read;
the site's own 404 page in development too."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found


class RequestSizeLimitMiddleware:
    """Django reads a multipart body whole (to memory or a temporary file) before a form
    can refuse an oversize file: a 50 MB upload would cost 50 MB of disk and the time to
    receive it. The declared Content-Length is known first, so a request over the limit
    is answered 413 at once. Runs after LocaleMiddleware, to answer in the visitor's
    language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request) > settings.REQUEST_BODY_MAX_SIZE:
            message = _(
                "This request is too large: the site accepts at most %(limit)s at a time, and a photo "
                "or document may be at most %(upload)s. Nothing was saved."
            ) % {
                "limit": filesizeformat(settings.REQUEST_BODY_MAX_SIZE),
                "upload": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
            }
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def declared_length(request):
    """As Django reads it: a missing or unreadable length counts as an empty body,
    and Django then reads nothing."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class FriendlyNotFoundMiddleware:
    """With DEBUG on, Django answers a missing page with its technical 404 instead of
    the site's own page, so development showed visitors, translators and browser tests
    a page production never shows. Every address under a language is Wagtail's to
    serve (and any other is redirected there), so a missing page is an Http404 raised
    by a view: here the site's 404 page answers it in development too, unless
    DEBUG_TECHNICAL_404 asks for Django's (for debugging the URL patterns). Does
    nothing without DEBUG: Django then shows the site's page itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and settings.DEBUG and not settings.DEBUG_TECHNICAL_404:
            return page_not_found(request, exception)
        return None
