"""What a result's card shows under its title: a passage of its text where the words
are, never the title a second time (every document's text begins with it)."""

import pytest

from demo.factories import CaseStudyPageFactory

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


def api(client, **params):
    return client.get("/api/v1/search/", params).json()


def test_a_result_s_snippet_is_a_passage_of_its_text_never_its_title_again(client, case_index, apply_index_changes):
    CaseStudyPageFactory(
        parent=case_index,
        title="Housing cooperatives on public land",
        summary="The city leases land to cooperatives.",
        context="<p>Rents doubled in ten years, and cooperatives built homes people could pay for.</p>",
    )
    apply_index_changes()
    [result] = api(client, q="housing cooperatives")["results"]
    # Both words are in the title too; the snippet is where the text speaks of them.
    assert result["highlight"].startswith("The city leases land to <mark>cooperatives</mark>.")
    # Words only the title holds: no snippet (the card shows the summary).
    [result] = api(client, q="public land housing")["results"]
    assert "Housing" not in (result["highlight"] or "")
