"""A case page suggests similar practices from the search engine, and can be shared."""

import pytest

from core import page_cache

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture(scope="module")
def catalogue(shared_catalogue):
    """Read, never changed, by this module's tests: built once."""
    return shared_catalogue


def similar_section(html):
    return html.split('class="case__similar"')[1].split("</section>")[0] if 'class="case__similar"' in html else ""


def test_a_case_suggests_cases_sharing_its_goals_never_itself(client, catalogue):
    html = client.get(catalogue["housing"].url).content.decode()
    similar = similar_section(html)
    # The bicycle highways share SDG 11 with the housing cooperatives.
    assert "Bicycle highways" in similar
    assert "Housing cooperatives" not in similar and "Coopératives de logements" not in similar


def test_a_french_visitor_is_offered_french_versions_where_they_exist(client, catalogue):
    french = client.get(catalogue["housing_fr"].url).content.decode()
    assert "Bicycle highways" in similar_section(french)  # no French version: the original
    assert "Housing cooperatives" not in similar_section(french)


def test_without_opensearch_the_case_page_has_no_suggestions_but_works(client, catalogue, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"
    response = client.get(catalogue["housing"].url)
    assert response.status_code == 200
    assert similar_section(response.content.decode()) == ""


def test_suggestions_missed_while_opensearch_is_down_come_back_with_it(client, catalogue, settings):
    reachable = settings.OPENSEARCH_URL
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"
    assert similar_section(client.get(catalogue["housing"].url).text) == ""
    settings.OPENSEARCH_URL = reachable
    assert "Bicycle highways" in similar_section(client.get(catalogue["housing"].url).text)


def test_a_page_showing_kept_suggestions_still_follows_the_index(client, catalogue):
    url = catalogue["housing"].url
    client.get(f"{url}?from=newsletter")  # asks OpenSearch and keeps the suggestions
    kept = client.get(url)
    assert kept["X-Cache"] == "miss"
    assert "Bicycle highways" in similar_section(kept.text)
    assert client.get(url)["X-Cache"] == "hit"
    page_cache.bump(page_cache.INDEX)  # as the worker does once the index has changed
    assert client.get(url)["X-Cache"] == "miss"


def test_share_links_carry_the_pages_address_without_exposing_anything_else(client, catalogue):
    html = client.get(catalogue["housing"].url).content.decode()
    share = html.split('class="share"')[1].split("</nav>")[0]
    address = "http%3A%2F%2Flocalhost%2Fen%2F"
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={address}" in share
    assert "mailto:?subject=Housing%20cooperatives" in share
