"""The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json."""

from django.conf import settings

from search import registry, service

LIST_PARAMETER_NOTE = "Repeat the parameter for several values (OR within a facet; facets combine with AND)."


def facet_parameter(facet):
    item = {"type": "integer", "minimum": 1, "maximum": 17} if facet.lookup == "number" else {"type": "string"}
    return {
        "name": facet.parameter,
        "in": "query",
        "description": f"{facet.label} ({facet.field}). {LIST_PARAMETER_NOTE}",
        "schema": {"type": "array", "items": item},
        "style": "form",
        "explode": True,
    }


def type_facet_parameter(declared, facet):
    """A facet a page type brings: the API reads it when that type alone is asked for (search.service.site_facets)."""
    parameter = facet_parameter(facet)
    return {**parameter, "description": f"{parameter['description']} Read with type={declared.type} alone."}


def query_parameter(name, schema, description):
    return {"name": name, "in": "query", "description": description, "schema": schema}


UI_LANGUAGE = query_parameter(
    "ui_language",
    {"type": "string", "enum": service.UI_LANGUAGES, "default": settings.LANGUAGE_CODE},
    "Language of labels and results.",
)
ERROR = {
    "description": "A malformed parameter or an unknown facet value.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {
                        "type": "object",
                        "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
                        "required": ["parameter", "message"],
                    }
                },
            }
        }
    },
}
FACET_VALUE = {
    "type": "object",
    "properties": {
        "value": {"type": ["string", "integer"]},
        "label": {"type": "string"},
        "count": {"type": "integer"},
        "selected": {"type": "boolean"},
    },
}

UNDERSTOOD = {
    "type": "array",
    "description": (
        'Vocabulary terms the query names, in any language ("Latin America" names the region '
        "latin-america-caribbean): each already boosts what is tagged with it, and may be applied "
        "as a filter by sending `facet=value`. A place (region, country or city) is applied "
        "already (`applied`), unless `everywhere=1` or a value of its facet was sent."
    ),
    "items": {
        "type": "object",
        "properties": {
            "facet": {"type": "string", "enum": list(service.RECOGNISED_FACETS)},
            "value": {"type": ["string", "integer"]},
            "label": {"type": "string"},
            "text": {"type": "string", "description": "The words of the query that name it."},
            "applied": {"type": "boolean", "description": "Whether it narrows the results."},
        },
        "required": ["facet", "value", "label", "text", "applied"],
    },
}


def result_schema():
    """A result; its `type` names one of the page types the apps registered."""
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "external_id": {"type": ["string", "null"]},
            "type": {"type": "string", "enum": registry.types()},
            "url": {"type": "string"},
            "title": {"type": "string"},
            "language": {"type": "string"},
            "summary": {"type": "string"},
            "highlight": {"type": ["string", "null"], "description": "HTML-escaped text with <mark> around matches."},
            "city": {"type": ["string", "null"]},
            "country": {"type": ["string", "null"]},
            "region": {"type": ["string", "null"]},
            "themes": {"type": "array", "items": {"type": "string"}},
            "sdgs": {"type": "array", "items": {"type": "integer"}},
            **registry.stored_fields(),
            "related": {
                "type": "boolean",
                "description": (
                    "True for a result that does not hold the whole question but shares topics with the best "
                    "results; such results come after those that hold it."
                ),
            },
            "translations": {
                "type": "array",
                "items": {"type": "object", "properties": {"language": {"type": "string"}, "url": {"type": "string"}}},
            },
            "found_in": {
                "type": ["object", "null"],
                "description": "The page of an attached document that holds the words, when they were found there.",
                "properties": {
                    "kind": {"type": "string"},
                    "title": {"type": "string"},
                    "page": {"type": "integer"},
                    "highlight": {"type": ["string", "null"]},
                },
            },
        },
    }


def schema():
    """Built when asked: the apps register their page types after this module is loaded."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Cities Exchange public API",
            "version": "1.0.0",
            "description": "Search good practices, articles and spotlight collections in English, French and Spanish.",
        },
        "paths": {
            "/api/v1/search/": {
                "get": {
                    "summary": "Faceted search",
                    "parameters": [
                        query_parameter("q", {"type": "string"}, "Free text; only its first 500 characters count."),
                        UI_LANGUAGE,
                        *(facet_parameter(facet) for facet in service.FACETS),
                        *(
                            type_facet_parameter(declared, facet)
                            for declared in registry.documents()
                            for facet in declared.facets
                        ),
                        query_parameter(
                            "everywhere",
                            {"type": "string", "enum": ["1"]},
                            "Do not narrow the results to the places the query names (`understood`).",
                        ),
                        query_parameter("year_from", {"type": "integer"}, "Earliest start year."),
                        query_parameter("year_to", {"type": "integer"}, "Latest start year."),
                        query_parameter(
                            "sort",
                            {"type": "string", "enum": ["relevance", "newest", "start_year"]},
                            "Order of results.",
                        ),
                        query_parameter("page", {"type": "integer", "minimum": 1, "default": 1}, "Page number."),
                        query_parameter(
                            "page_size",
                            {"type": "integer", "minimum": 1, "maximum": 50, "default": 20},
                            "Results per page.",
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "Results, facet counts and a spelling suggestion.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "total": {"type": "integer"},
                                            "page": {"type": "integer"},
                                            "page_size": {"type": "integer"},
                                            "engine": {"type": "string", "enum": ["opensearch", "database"]},
                                            "suggestion": {"type": ["string", "null"]},
                                            "relaxed": {
                                                "type": "boolean",
                                                "description": (
                                                    "True when no document holds most of the query's words "
                                                    "and the results hold only some of them."
                                                ),
                                            },
                                            "understood": UNDERSTOOD,
                                            "left_out": {
                                                "type": ["string", "null"],
                                                "description": (
                                                    "The end of a query too long to search (more than "
                                                    f"{service.MAX_QUERY_WORDS} words, or more clauses than the "
                                                    "engine allows), as typed; "
                                                    "null when every word was searched."
                                                ),
                                            },
                                            "results": {"type": "array", "items": result_schema()},
                                            "facets": {
                                                "type": "object",
                                                "additionalProperties": {"type": "array", "items": FACET_VALUE},
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": ERROR,
                    },
                }
            },
            "/api/v1/suggest/": {
                "get": {
                    "summary": "Autocomplete",
                    "parameters": [
                        query_parameter("q", {"type": "string"}, "What the visitor typed so far."),
                        UI_LANGUAGE,
                    ],
                    "responses": {
                        "200": {
                            "description": "Titles, cities, themes and topics that start like the query.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "suggestions": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "properties": {
                                                        "text": {"type": "string"},
                                                        "type": {"type": "string"},
                                                        "url": {"type": "string"},
                                                    },
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": ERROR,
                    },
                }
            },
        },
    }
