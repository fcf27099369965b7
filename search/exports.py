"""Open data: every result of a search as a CSV or JSON download, with the filters,
sort and language of the search page it was asked from."""

import csv
from dataclasses import replace
from math import ceil

from django.http import HttpResponse, JsonResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import service
from .query import MAX_PAGE_SIZE, MAX_RESULT_WINDOW, SearchRequest

EXPORT_FIELDS = ("id", "external_id", "type", "title", "language", "url", "summary", "city", "country", "region",
                 "themes", "sdgs", "start_year")  # fmt: skip
# OpenSearch serves no hit past its result window, and walking it takes
# MAX_RESULT_WINDOW / MAX_PAGE_SIZE searches: an export stops there.
EXPORT_LIMIT = MAX_RESULT_WINDOW
FILENAME = "cities-exchange-search"


def exported_results(request):
    """(total, rows): every result of the search the query string describes, at most
    EXPORT_LIMIT rows (10,000; "total" still counts every match), in the page's order.

    The parameters are read as the search page reads them: a bad one is dropped, and
    `page` and `page_size` are ignored. The results come page after page from
    service.search, so the database answers when OpenSearch cannot (up to its own
    fallback.MAX_MATCHES)."""
    search, _problems = SearchRequest.from_query_dict(request.GET, ui_language=get_language(), strict=False)
    search = replace(search, page=1, page_size=MAX_PAGE_SIZE, counts=False)
    first = service.search(search)
    hits = list(first.hits)
    for page in range(2, ceil(min(first.total, EXPORT_LIMIT) / MAX_PAGE_SIZE) + 1):
        hits += service.search(replace(search, page=page)).hits
    return first.total, [row(request, hit) for hit in hits]


def row(request, hit):
    """One result as exported: the API's identifiers and slugs, with an absolute URL."""
    return {
        **{name: hit.get(name) for name in EXPORT_FIELDS},
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
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return "" if value is None else value


@require_GET
def export_csv(request):
    _total, rows = exported_results(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8", headers=attachment("csv"))
    writer = csv.writer(response)
    writer.writerow(EXPORT_FIELDS)
    writer.writerows([csv_cell(values[name]) for name in EXPORT_FIELDS] for values in rows)
    return response


@require_GET
def export_json(request):
    total, rows = exported_results(request)
    return JsonResponse({"total": total, "results": rows}, headers=attachment("json"))
