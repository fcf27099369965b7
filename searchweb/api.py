"""The public JSON API: /api/v1/search/, /api/v1/suggest/ and its OpenAPI schema."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from search import registry, service
from searchstats.models import Source

from .openapi import schema
from .page_context import recorded

RESULT_FIELDS = ("external_id", "type", "url", "title", "language", "summary", "highlight", "city", "country",
                 "region", "themes", "sdgs", "translations", "found_in")  # fmt: skip


def error(parameter, message):
    return JsonResponse({"error": {"parameter": parameter, "message": message}}, status=400)


def read_only(view):
    """GET only, answering 405 to any other method: the CSRF check would otherwise
    refuse an unsafe method first with an HTML 403 (the API reads no cookie)."""
    return csrf_exempt(require_GET(view))


def api_result(hit):
    return {
        "id": hit["page_id"],
        **{name: hit.get(name) for name in RESULT_FIELDS},
        # A page type's stored values (a case's outcomes and budget), absent from other types.
        **{name: hit[name] for name in registry.stored_fields() if name in hit},
        "related": hit.get("related", False),
    }


@read_only
def search_view(request):
    try:
        search, _problems = service.read(
            request.GET, ui_language=settings.LANGUAGE_CODE, strict=True, facets=service.site_facets(request.GET)
        )
    except service.InvalidParameter as problem:
        return error(problem.parameter, str(problem))
    with translation.override(search.ui_language):
        results = service.search(search)
        # Counted apart from the site's pages (searchstats/): scripts and integrations.
        recorded(request, search, results, Source.API)
        return JsonResponse(
            {
                "total": results.total,
                "page": search.page,
                "page_size": search.page_size,
                "engine": results.engine,
                "suggestion": results.suggestion,
                "relaxed": results.relaxed,
                "understood": [
                    {**term, "applied": term["value"] in search.places.get(term["facet"], ())}
                    for term in search.understanding.described()
                ],
                "left_out": search.left_out or None,
                "results": [api_result(hit) for hit in results.hits],
                "facets": results.facets,
            }
        )


@read_only
def suggest_view(request):
    ui_language = request.GET.get("ui_language") or settings.LANGUAGE_CODE
    if ui_language not in service.UI_LANGUAGES:
        return error("ui_language", f"must be one of {', '.join(service.UI_LANGUAGES)}")
    with translation.override(ui_language):
        return JsonResponse({"suggestions": service.suggestions(request.GET.get("q", ""), ui_language)})


@read_only
def schema_view(request):
    return JsonResponse(schema())
