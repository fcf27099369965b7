"""A page type becomes searchable from its own app alone: the test app (tests/testapp,
installed by the test settings only) declares an event page's search document and
registers it in its ready(), and the index, the search, its facets, the downloads and
the database fallback all serve it without a line of search/ naming it."""

import csv
import io
import json

import pytest
from django.test import RequestFactory

from home.models import HomePage
from search import index, registry
from search.client import get_client
from search.documents import document_id
from search.service import type_search_context
from taxonomy.models import City, Theme
from tests.testapp.models import EventFormat, EventPage
from tests.testapp.search_documents import EventDocument

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture
def festival(apply_index_changes):
    """A published event page in Accra, indexed through the outbox like any page."""
    page = EventPage(
        title="Street food festival",
        summary="Vendors and the city plan a market together.",
        programme="<p>Tasting <b>tamales</b> by the river.</p>",
        city=City.objects.get(slug="accra"),
        themes=[Theme.objects.first()],
        format=EventFormat.ON_SITE,
    )
    HomePage.objects.get(locale__language_code="en").add_child(instance=page)
    page.save_revision().publish()
    apply_index_changes()
    return page


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def counts(facets, parameter):
    return {value["value"]: value["count"] for value in facets[parameter]}


def scoped(**params):
    """The search of event pages alone, as a listing page of them would show it."""
    return type_search_context(RequestFactory().get("/", params), "event")


def facet_counts(context, parameter):
    return next(
        counts({parameter: facet["values"]}, parameter)
        for facet in context["facets"]
        if facet["parameter"] == parameter
    )


def test_a_registered_page_type_is_indexed_found_and_faceted(client, festival):
    source = get_client().get(index=index.alias_name(), id=document_id(festival.pk))["_source"]
    assert source["type"] == "event" and source["formats"] == ["on-site"] and source["city"] == "accra"
    assert "tamales" in source["text_en"] and source["themes"] == [festival.themes.get().slug]

    found = api(client, q="tamales")
    assert [(hit["type"], hit["title"]) for hit in found["results"]] == [("event", "Street food festival")]
    assert {"value": "event", "label": "Event", "count": 1, "selected": False} in found["facets"]["type"]
    assert counts(found["facets"], "theme") == {festival.themes.get().slug: 1}
    assert api(client, type="event")["total"] == 1
    assert '<span class="badge">Event</span>' in client.get("/en/search/", {"q": "tamales"}).content.decode()
    schema = client.get("/api/v1/openapi.json").json()
    result = schema["paths"]["/api/v1/search/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert "event" in result["schema"]["properties"]["results"]["items"]["properties"]["type"]["enum"]

    # Its own facet, offered by a search of its type alone.
    assert facet_counts(scoped(), "format") == {"on-site": 1}
    assert scoped(format="online")["results"].total == 0

    # A rebuild reads it from the database like every registered type.
    index.rebuild()
    assert index.verify().total == 0


def test_a_page_type_brings_a_facet_to_the_whole_site_search(client, festival, monkeypatch):
    """Declared among its site facets, the event's format is offered and counted by
    every search of the site, as a case's target group is, not only by a search of
    events alone."""
    monkeypatch.setattr(EventDocument, "site_facets", EventDocument.facets)
    # As a registration would: the facets built from the registry are built again.
    monkeypatch.setattr(registry, "_version", registry.version() + 1)

    found = api(client, q="tamales")
    assert counts(found["facets"], "format") == {"on-site": 1}
    assert api(client, q="tamales", format="online")["total"] == 0
    assert api(client, format="on-site")["results"][0]["title"] == "Street food festival"
    page = client.get("/en/search/", {"q": "tamales"}).content.decode()
    assert "<legend>Format</legend>" in page


def test_a_registered_page_type_is_exported(client, festival):
    rows = list(csv.DictReader(io.StringIO(client.get("/en/search/export.csv", {"type": "event"}).getvalue().decode())))
    assert [(row["id"], row["type"], row["title"], row["city"]) for row in rows] == [
        (str(festival.pk), "event", "Street food festival", "accra")
    ]
    data = json.loads(client.get("/en/search/export.json", {"type": "event"}).getvalue())
    assert [(result["id"], result["type"]) for result in data["results"]] == [(festival.pk, "event")]


def test_the_database_fallback_serves_a_registered_page_type(client, festival, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    found = api(client, q="tamales")
    assert found["engine"] == "database"
    assert [(hit["type"], hit["title"]) for hit in found["results"]] == [("event", "Street food festival")]
    assert api(client, type="event", theme=festival.themes.get().slug)["total"] == 1
    assert api(client, type="event", city="bogota")["total"] == 0
    assert scoped(format="on-site")["results"].total == 1
    assert scoped(format="online")["results"].total == 0
