"""Recall in tiers: what holds the question comes first; behind it, without a gap,
what is about the same thing in other words (the topics the best results share)."""

import pytest

from demo.factories import CaseStudyPageFactory

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


def titles(client, **params):
    return [result["title"] for result in client.get("/api/v1/search/", params).json()["results"]]


def test_a_practice_in_other_words_follows_the_ones_that_use_the_visitors(client, case_indexes, apply_index_changes):
    make = CaseStudyPageFactory
    make(parent=case_indexes["en"], title="Cohousing on public land", taxonomy__topic="housing")
    make(parent=case_indexes["en"], title="Cohousing for older people", taxonomy__topic="housing")
    make(parent=case_indexes["fr"], title="Un habitat participatif à Lyon", summary="Des voisins bâtissent ensemble.",
         taxonomy__topic="housing")  # fmt: skip
    make(parent=case_indexes["en"], title="Bus lanes on every avenue", taxonomy__topic="sustainable-mobility")
    apply_index_changes()
    found = titles(client, q="cohousing")
    assert set(found[:2]) == {"Cohousing on public land", "Cohousing for older people"}
    assert found[2:] == ["Un habitat participatif à Lyon"]
    # A misspelt question is a guess: its tier must hold one of its words too.
    assert "Un habitat participatif à Lyon" not in titles(client, q="cohousng")
