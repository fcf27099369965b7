"""What pages compute from every live case (the home page's figures and map, the
cities like mine) is kept between renders, and a publish or unpublish shows on the
next render all the same. City pages and the JSON API are cached for anonymous
visitors like the other public pages, and a cached answer carries the headers of
a fresh one."""

import pytest
from django.test import Client

from cities import facts
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, sync
from taxonomy.models import City

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_index():
    return CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))


@pytest.fixture
def rendered_afresh(settings):
    """Pages are rendered on every visit, as for a member: only the kept values help."""
    settings.PAGE_CACHE_VIEWS = ()


def test_the_home_figures_and_map_follow_a_publish_and_an_unpublish(case_index, rendered_afresh, client):
    CaseStudyPageFactory(parent=case_index, title="Cool roofs", city=City.objects.get(slug="accra"))
    before = client.get("/en/").context
    assert before["figures"]["cases"] == 1
    assert [place.city.slug for place in before["cities"]] == ["accra"]

    berlin = CaseStudyPageFactory(parent=case_index, title="Tele-care", city=City.objects.get(slug="berlin"))
    after = client.get("/en/").context
    assert after["figures"]["cases"] == 2
    assert {place.city.slug for place in after["cities"]} == {"accra", "berlin"}
    assert "Tele-care" in client.get("/en/").text  # among the latest cases

    berlin.unpublish()
    gone = client.get("/en/").context
    assert gone["figures"]["cases"] == 1
    assert "Tele-care" not in client.get("/en/").text


def test_a_new_member_city_gets_its_page_and_becomes_a_peer_at_once(case_index, rendered_afresh, client):
    for slug in ("accra", "dakar", "abidjan"):
        CaseStudyPageFactory(parent=case_index, title=f"Practice in {slug}", city=City.objects.get(slug=slug))
    assert client.get("/en/cities/berlin/").status_code == 404
    peers = [peer.profile.city.slug for peer in client.get("/en/cities/accra/").context["peers"]]
    assert "berlin" not in peers

    berlin = CaseStudyPageFactory(parent=case_index, title="Tele-care", city=City.objects.get(slug="berlin"))
    assert client.get("/en/cities/berlin/").status_code == 200
    peers = [peer.profile.city.slug for peer in client.get("/en/cities/accra/").context["peers"]]
    assert "berlin" in peers

    berlin.unpublish()
    assert client.get("/en/cities/berlin/").status_code == 404


def test_a_city_population_is_read_from_geonames_once(monkeypatch):
    lookups = []
    original = facts.population
    monkeypatch.setattr(facts, "population", lambda city: lookups.append(city.slug) or original(city))
    cities = list(City.objects.filter(slug__in=["accra", "berlin"]).select_related("country"))
    first = facts.populations(cities)
    assert sorted(lookups) == ["accra", "berlin"]
    assert first == facts.populations(cities)  # from the shared cache, every process alike
    assert len(lookups) == 2
    assert first[cities[0].pk] > 100_000


def test_a_city_page_is_cached_until_a_case_of_its_city_is_published(case_index):
    accra = City.objects.get(slug="accra")
    CaseStudyPageFactory(parent=case_index, title="Cool roofs", city=accra)
    assert Client().get("/en/cities/accra/")["X-Cache"] == "miss"
    assert Client().get("/en/cities/accra/")["X-Cache"] == "hit"
    CaseStudyPageFactory(parent=case_index, title="Street markets", city=accra)
    response = Client().get("/en/cities/accra/")
    assert response["X-Cache"] == "miss"
    assert "Street markets" in response.text


def test_a_cached_page_carries_the_headers_of_a_fresh_one_and_sets_no_cookie(case_index):
    fresh = Client().get("/fr/")
    cached = Client().get("/fr/")
    assert (fresh["X-Cache"], cached["X-Cache"]) == ("miss", "hit")
    for header in ("Content-Language", "X-Frame-Options", "Content-Security-Policy", "Content-Type"):
        assert cached[header] == fresh[header], header
    assert "Cookie" in cached["Vary"]
    assert not cached.cookies


@pytest.mark.opensearch
def test_the_api_answers_a_repeated_search_from_the_cache_until_the_index_changes(
    case_index, apply_index_changes, settings
):
    settings.OPENSEARCH_SEARCH_TIMEOUT = 30  # a busy machine must not send it to the database
    index.ensure_index()
    CaseStudyPageFactory(parent=case_index, title="Rainwater gardens")
    apply_index_changes()
    url = "/api/v1/search/?q=gardens"
    first = Client().get(url)
    assert first["X-Cache"] == "miss"
    assert [hit["title"] for hit in first.json()["results"]] == ["Rainwater gardens"]
    assert Client().get(url)["X-Cache"] == "hit"
    assert Client().get("/api/v1/suggest/?q=gard")["X-Cache"] == "miss"
    assert Client().get("/api/v1/suggest/?q=gard")["X-Cache"] == "hit"

    CaseStudyPageFactory(parent=case_index, title="Rooftop gardens")
    sync.drain()
    response = Client().get(url)
    assert response["X-Cache"] == "miss"
    assert {hit["title"] for hit in response.json()["results"]} == {"Rainwater gardens", "Rooftop gardens"}
    # A refused request is answered, never stored.
    for _ in range(2):
        refused = Client().get("/api/v1/search/?page=0")
        assert (refused.status_code, refused["X-Cache"]) == (400, "miss")


def test_development_shows_the_site_404_page_unless_asked_for_the_technical_one(settings, client):
    settings.DEBUG = True
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "There is no page at this address" in response.text
    assert "Raised by" not in response.text
    french = client.get("/fr/pas-de-page/")
    assert french.status_code == 404
    assert "Page introuvable" in french.text

    settings.DEBUG_TECHNICAL_404 = True
    technical = client.get("/en/no-such-page/")
    assert technical.status_code == 404
    assert "Raised by" in technical.text
