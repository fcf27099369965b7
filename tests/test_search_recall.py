"""Recall in tiers: what holds the question comes first; behind it, without a gap,
what is about the same thing in other words (the topics the best results share)."""

import pytest

from demo.factories import CaseStudyPageFactory
from taxonomy.models import City

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


def titles(client, **params):
    return [result["title"] for result in client.get("/api/v1/search/", params).json()["results"]]


@pytest.fixture
def cohousing(case_indexes, apply_index_changes):
    """Two practices say "cohousing"; a third is the same thing in French words."""
    make = CaseStudyPageFactory
    make(parent=case_indexes["en"], title="Cohousing on public land", taxonomy__topic="housing")
    make(parent=case_indexes["en"], title="Cohousing for older people", taxonomy__topic="housing")
    make(parent=case_indexes["fr"], title="Des voisins bâtissent leur immeuble à Lyon", summary="Un chantier commun.",
         taxonomy__topic="housing", city=City.objects.get(slug="greater-lyon"))  # fmt: skip
    make(parent=case_indexes["en"], title="Bus lanes on every avenue", taxonomy__topic="sustainable-mobility")
    apply_index_changes()


def test_a_practice_in_other_words_follows_the_ones_that_use_the_visitors(client, cohousing):
    found = titles(client, q="cohousing")
    assert set(found[:2]) == {"Cohousing on public land", "Cohousing for older people"}
    assert found[2:] == ["Des voisins bâtissent leur immeuble à Lyon"]
    # A misspelt question is a guess: its tier must hold one of its words too.
    assert "Des voisins bâtissent leur immeuble à Lyon" not in titles(client, q="cohousng")


def test_the_page_and_the_api_say_where_the_practices_holding_the_question_end(client, cohousing):
    results = client.get("/api/v1/search/", {"q": "cohousing"}).json()["results"]
    related = [(item["title"], item["related"]) for item in results[2:]]
    assert related == [("Des voisins bâtissent leur immeuble à Lyon", True)]
    assert not any(result["related"] for result in results[:2])

    page = client.get("/en/search/", {"q": "cohousing"}).content.decode()
    marker = page.index("Also related:")
    assert page.index("Cohousing for older people") < marker < page.index("Des voisins bâtissent leur immeuble à Lyon")
    assert page.index("Cohousing on public land") < marker
    # Every result holds the question: nothing to mark.
    assert "Also related:" not in client.get("/en/search/", {"q": "bus lanes"}).content.decode()


def test_ticking_a_value_only_the_related_practices_hold_gives_the_count_it_showed(client, cohousing):
    # The Lyon practice holds no word of the question; its city's count came with the tier.
    facets = client.get("/api/v1/search/", {"q": "cohousing"}).json()["facets"]
    shown = {(facet, item["value"]): item["count"] for facet, items in facets.items() for item in items}
    assert ("city", "greater-lyon") in shown
    for (facet, value), count in shown.items():
        ticked = client.get("/api/v1/search/", {"q": "cohousing", facet: value}).json()
        assert (facet, value, ticked["total"]) == (facet, value, count)
    assert titles(client, q="cohousing", city="greater-lyon") == ["Des voisins bâtissent leur immeuble à Lyon"]
