"""Open data: every result of a search as a CSV or JSON download, with the filters,
sort and language of the search page it was asked from.

An export is capped at EXPORT_LIMIT rows, read from the index a thousand at a time
(ten searches for a full one), streamed as it is read, and limited to
settings.EXPORTS_PER_MINUTE per client address (429 with Retry-After beyond)."""

import csv
import json
from dataclasses import replace
from functools import wraps
from math import ceil

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse, StreamingHttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core.throttle import wait_seconds
from search import registry, service

EXPORT_FIELDS = ("id", "external_id", "type", "title", "language", "url", "summary", "city", "country", "region",
                 "themes", "sdgs", "start_year")  # fmt: skip
# OpenSearch serves no hit past its result window: an export stops there.
EXPORT_LIMIT = service.MAX_RESULT_WINDOW
# Rows per search: 200 searches of 50 rows made a full export cost 2 s of the node's time.
EXPORT_PAGE_SIZE = 1000
FILENAME = "cities-exchange-search"


def exported_results(request):
    """(total, rows): every result of the search the query string describes, at most
    EXPORT_LIMIT rows ("total" still counts every match), in the page's order; rows
    is an iterator that searches as it is read.

    The parameters are read as the search page reads them: a bad one is dropped, and
    `page` and `page_size` are ignored. The results come page after page from
    service.search, so the database answers when OpenSearch cannot (up to its own
    search.fallback.MAX_MATCHES)."""
    search, _problems = service.read(request.GET, ui_language=get_language(), strict=False)
    search = replace(search, page=1, page_size=EXPORT_PAGE_SIZE, counts=False)
    # The first page is read before the response starts: its total goes first in JSON.
    first = service.search(search)

    def rows():
        yield from first.hits
        for page in range(2, ceil(min(first.total, EXPORT_LIMIT) / EXPORT_PAGE_SIZE) + 1):
            yield from service.search(replace(search, page=page)).hits

    return first.total, (row(request, hit) for hit in rows())


def exported_fields():
    """The shared fields, then each page type's stored values (a case's outcomes and
    budget), empty for the other types."""
    return (*EXPORT_FIELDS, *registry.stored_fields())


def row(request, hit):
    """One result as exported: the API's identifiers and slugs, with an absolute URL."""
    return {
        **{name: hit.get(name) for name in exported_fields()},
        "id": hit["page_id"],
        # A page outside every site has no URL; build_absolute_uri(None) would give the export's own.
        "url": request.build_absolute_uri(hit["url"]) if hit.get("url") else None,
    }


def attachment(extension):
    return {"Content-Disposition": f'attachment; filename="{FILENAME}.{extension}"'}


# A spreadsheet runs a cell that starts with one of these as a formula
# (https://owasp.org/www-community/attacks/CSV_Injection): a title such as
# '=HYPERLINK("http://…")' must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(item, dict) for item in value)):
        # Records (outcome indicators, a budget) stay whole, as the JSON download has them.
        value = json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return "" if value is None else value


def throttled(view):
    """At most settings.EXPORTS_PER_MINUTE exports per client address and minute, both
    formats together: each costs up to ten searches and 10,000 rows."""

    @wraps(view)
    def limited(request):
        wait = wait_seconds("export", request.META.get("REMOTE_ADDR", ""), settings.EXPORTS_PER_MINUTE, 60)
        if wait:
            return JsonResponse(
                {"error": {"message": f"Too many exports: try again in {wait} s."}},
                status=429,
                headers={"Retry-After": str(wait)},
            )
        return view(request)

    return limited


class Echo:
    """csv.writer writes a line to this and gets it back, to stream it."""

    def write(self, line):
        return line


@require_GET
@throttled
def export_csv(request):
    _total, rows = exported_results(request)
    writer = csv.writer(Echo())

    def lines():
        names = exported_fields()
        yield writer.writerow(names)
        for values in rows:
            yield writer.writerow([csv_cell(values[name]) for name in names])

    return StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8", headers=attachment("csv"))


@require_GET
@throttled
def export_json(request):
    total, rows = exported_results(request)

    def chunks():
        yield f'{{"total": {total}, "results": ['
        for number, values in enumerate(rows):
            yield ("," if number else "") + json.dumps(values, cls=DjangoJSONEncoder)
        yield "]}"

    return StreamingHttpResponse(chunks(), content_type="application/json", headers=attachment("json"))
