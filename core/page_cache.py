"""Public pages served from the shared cache to anonymous visitors, thrown away the
moment anything they show may have changed.

Each cached page remembers which *dependencies* it was rendered against, and each
dependency has a version token in the cache:

- `content`: every page depends on it. It changes after any publish, unpublish,
  move, delete, view-restriction change or vocabulary change commits (a translation
  publish is a publish). Saving a draft changes nothing, so it throws nothing away.
- `index`: a page that read the search index while rendering (search pages, spotlight
  and directory listings, similar cases) depends on it too. It changes when the
  outbox worker has applied changes and refreshed the index, or a rebuild swapped it.

The same tokens keep *computed values* that a page shows and that grow with the content
(counts, a map's places, the member cities' profiles): `remember` stores one beside the
token it was computed under, so a page rendered afresh, for a member too, reuses it
until the next change.

A lookup reads the entry and the current tokens in one round trip; an entry whose
tokens differ is a miss. Tokens are read *before* rendering, so a change committed
while a page renders makes that very entry stale at once. Every change throws away
every page of its dependency: coarse, but never stale (see docs/decisions.md, "Issue
16 - page cache").

Only anonymous visitors (no session or messages cookie) are served or recorded, and
only GET/HEAD answers of the views in settings.PAGE_CACHE_VIEWS that are 200, set no
cookie (no CSRF token, no session), carry no message and are not marked private. A
render that had to fall back from OpenSearch to the database calls `do_not_cache`.
"""

import gzip
import hashlib
import logging
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

CONTENT = "content"
INDEX = "index"
DEPENDENCIES = (CONTENT, INDEX)
NEVER_STORED = ("private", "no-store", "no-cache")

_rendering = ContextVar("page_cache_rendering", default=None)
# The value remember() is computing, if any: {"keep": False} once it must not be kept.
_computing = ContextVar("page_cache_computing", default=None)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def version_key(dependency):
    return f"page-cache:version:{dependency}"


def bump(dependency):
    """Every page rendered against this dependency is stale from now on."""
    page_cache().set(version_key(dependency), uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs):
    """Signal receiver for every change a public page may show. Bumped at once, for
    the transaction making the change (and a test wrapped in one), and again once it
    commits: another process may have rendered the old state in between."""
    bump(CONTENT)
    transaction.on_commit(lambda: bump(CONTENT))


def content_version():
    """The current token of `content`: what a value built from published pages can be
    kept under until the next change. The page being rendered already read it."""
    rendering = _rendering.get()
    if rendering is not None:
        return rendering.versions[CONTENT]
    cache = page_cache()
    return current_versions(cache, cache.get_many([version_key(dependency) for dependency in DEPENDENCIES]))[CONTENT]


def depends_on_index():
    """Called by a read of the search index: the page being rendered shows its results."""
    rendering = _rendering.get()
    if rendering is not None:
        rendering.dependencies.add(INDEX)


def do_not_cache():
    """The page being rendered, and the value being computed for it, must not be
    stored (an answer from a fallback, say)."""
    rendering = _rendering.get()
    if rendering is not None:
        rendering.cacheable = False
    computing = _computing.get()
    if computing is not None:
        computing["keep"] = False


@dataclass
class Rendering:
    key: str
    versions: dict
    dependencies: set = field(default_factory=lambda: {CONTENT})
    cacheable: bool = True

    def store(self, request, response):
        if not (self.cacheable and storable(request, response)):
            return
        entry = {
            # Compressed once here rather than by the proxy on every hit: under `make
            # load` gzipping each answer cost nginx about half a core. mtime=0 keeps
            # the bytes the same for the same page. Level 6 (zlib's default) rather than
            # gzip's 9: a search page in a third of the time, 1% larger (docs/scaling.md).
            "gzip": gzip.compress(response.content, compresslevel=6, mtime=0),
            "status": response.status_code,
            "headers": list(response.items()),
            "versions": {dependency: self.versions[dependency] for dependency in self.dependencies},
        }
        page_cache().set(self.key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)


def anonymous(request):
    """No session and no messages: the page is the same for every such visitor. A
    visitor signed out with a leftover session cookie simply gets fresh pages."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def storable(request, response):
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not (messages is not None and messages.added_new)
        and not any(word in cache_control for word in NEVER_STORED)
    )


def entry_key(request, language):
    """Everything else that changes the page is in these: language (of the path; none
    for the API, whose answers say their language in the query), host, scheme, and the
    path with its query string (the search, its filters, the result page)."""
    identity = "\n".join((request.scheme, request.get_host(), language, request.get_full_path()))
    # v2: entries hold the page compressed; a release that changes what an entry holds
    # takes a new prefix, so it never reads the previous release's entries.
    return "page-cache:page:v2:" + hashlib.sha256(identity.encode()).hexdigest()


def cached_view(request):
    """The language of the request's path ("" for none), when the request may be
    served from the cache: an anonymous GET or HEAD of a view in PAGE_CACHE_VIEWS.
    Resolved here, before LocaleMiddleware, under the path's language, as the
    language-prefixed URL patterns resolve it."""
    if request.method not in ("GET", "HEAD") or not anonymous(request):
        return None
    language = translation.get_language_from_path(request.path_info) or ""
    try:
        with translation.override(language or None):
            match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return language if match.view_name in settings.PAGE_CACHE_VIEWS else None


def current_versions(cache, found):
    """The token of each dependency; a missing one (never set, or evicted) gets a new
    random token, which no stored entry can carry."""
    versions = {}
    for dependency in DEPENDENCIES:
        key = version_key(dependency)
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            found[key] = cache.get(key)
        versions[dependency] = found[key]
    return versions


def remember(name, compute, dependencies=(CONTENT,)):
    """compute(), kept in the shared cache until one of its dependencies changes.
    `name` says everything else the value depends on (its page, language...) and,
    when a release changes what compute() returns, a new version of it. Tokens
    are read before computing, as for pages: a change committed meanwhile makes the
    value stale at once."""
    rendering = _rendering.get()
    if rendering is not None:
        # The page shows the value, so it goes stale with it, even when the value
        # comes from here and not from the reads that would have said so.
        rendering.dependencies.update(dependencies)
    cache = page_cache()
    key = "page-cache:value:" + hashlib.sha256(name.encode()).hexdigest()
    found = cache.get_many([key, *(version_key(dependency) for dependency in DEPENDENCIES)])
    versions = current_versions(cache, found)
    tokens = {dependency: versions[dependency] for dependency in dependencies}
    entry = found.get(key)
    if entry is not None and entry["versions"] == tokens:
        return entry["value"]
    outer = _computing.get()
    computing = {"keep": True}
    token = _computing.set(computing)
    try:
        value = compute()
    finally:
        _computing.reset(token)
    if computing["keep"]:
        cache.set(key, {"versions": tokens, "value": value}, timeout=settings.PAGE_CACHE_TIMEOUT)
    elif outer is not None:
        outer["keep"] = False
    return value


def accepts_gzip(request):
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def cached_response(request, entry):
    """The stored page, compressed as stored for a client that accepts gzip (every
    browser; nginx passes an encoded answer on as it is), unpacked for one that does not."""
    compressed = accepts_gzip(request)
    response = HttpResponse(entry["gzip"] if compressed else gzip.decompress(entry["gzip"]), status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    if compressed:
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(entry["gzip"]))
    # As the fresh page says (its template read the session): an HTTP cache further on
    # must not hand this anonymous page to a member, nor a compressed one to a client
    # that cannot read it.
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    return response


class AnonymousPageCacheMiddleware:
    """Early in MIDDLEWARE, right after the middlewares that settle the request's host
    and scheme: a hit is answered before sessions, language, CSRF, authentication and
    messages do any work (most of a hit's cost in an app server). A fresh page is
    stored as those middlewares left it, with the headers they add (Vary,
    Content-Language, X-Frame-Options); the ones before this (security headers, CSP)
    handle a cached answer as a fresh one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = cached_view(request)
        rendering = token = None
        if language is not None:
            cache = page_cache()
            key = entry_key(request, language)
            found = cache.get_many([key, *(version_key(dependency) for dependency in DEPENDENCIES)])
            versions = current_versions(cache, found)
            entry = found.get(key)
            if entry is not None and all(versions[name] == token for name, token in entry["versions"].items()):
                response = cached_response(request, entry)
                response["X-Cache"] = "hit"
                return response
            if request.method == "GET":
                rendering = Rendering(key, versions)
                token = _rendering.set(rendering)
        try:
            response = self.get_response(request)
        finally:
            if token is not None:
                _rendering.reset(token)
        if rendering is not None:
            rendering.store(request, response)
            response["X-Cache"] = "miss"
        return response


# Callables returning the paths of the pages most visitors open first (the home page
# of each language, the collections), registered by the apps that own them.
_kept_warm = []


def keep_warm(paths):
    """Register `paths()`: after a change, the index worker renders these pages into
    the cache (warm()), so that no visitor waits for their cold render."""
    _kept_warm.append(paths)


def public_client():
    """A client that asks as an anonymous visitor of the public site does: the host
    as the proxy passes it (nginx's $host: no port) and the scheme of PUBLIC_BASE_URL,
    which with the path make the key of a cached page (entry_key)."""
    from django.test import Client  # the WSGI handler, with no test machinery

    public = urlsplit(settings.PUBLIC_BASE_URL or "http://localhost")
    return Client(HTTP_HOST=public.hostname, secure=public.scheme == "https", raise_request_exception=False)


def warm():
    """Render the registered pages that the cache does not hold under the current
    tokens; returns the paths rendered. A page that fails is logged and skipped: the
    next visitor renders it, as without warming."""
    rendered = []
    for paths in _kept_warm:
        for path in paths():
            response = public_client().get(path)
            if response.status_code != 200:
                logger.warning("Page cache: warming %s answered %s", path, response.status_code)
            elif response.get("X-Cache") == "miss":
                rendered.append(path)
    return rendered
