"""Requests larger than anything the site accepts are refused before their body is read;
control characters never reach a view; the site's own 404 page in development too."""

import re

from django.conf import settings
from django.http import Http404, HttpResponse, QueryDict
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


# C0 and C1 control characters and DEL, but not tab, line feed and carriage return,
# which a text area sends. XML 1.0 (feeds, sitemaps) cannot carry them, PostgreSQL
# refuses NUL in text, and no word anyone searches for or writes contains one.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def without_control_characters(query):
    """The QueryDict with each control character of its names and values replaced by a
    space (those that reach us are mostly line and page breaks pasted from a word
    processor or a PDF), or the very same QueryDict when it has none."""
    if not any(CONTROL_CHARACTERS.search(name + "".join(values)) for name, values in query.lists()):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for name, values in query.lists():
        for value in values:
            cleaned.appendlist(CONTROL_CHARACTERS.sub(" ", name), CONTROL_CHARACTERS.sub(" ", value))
    cleaned._mutable = False
    return cleaned


class ControlCharacterMiddleware:
    """One place for every view, form and parameter, ours and the libraries': a path
    with a control character names no page (404), and the query string and the fields
    of a posted form reach the view with spaces instead of them. Works in process_view,
    after CsrfViewMiddleware has read the form (so a body is read no earlier than
    before), and before any view does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if CONTROL_CHARACTERS.search(request.path_info):
            return page_not_found(request, Http404())
        query = without_control_characters(request.GET)
        if query is not request.GET:
            request.GET = query
            # What get_full_path() and the links built from it (language switcher,
            # page cache) read.
            request.META["QUERY_STRING"] = query.urlencode()
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            request.POST = without_control_characters(request.POST)
        return None
