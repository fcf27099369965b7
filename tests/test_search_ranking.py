"""Ranking for recall (issue 26): a vocabulary term found by its names in every
language and by the terms under it, a synonym of a term's name finding what is tagged
with it, practices before profiles when no kind of document is asked for, and the
recall tier ordered by what its documents share with the best results."""

import pytest

from demo.factories import CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from taxonomy.models import City, TargetGroup, Topic

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


def answer(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, **params):
    return [result["title"] for result in answer(client, **params)["results"]]


def test_a_term_named_in_french_finds_the_english_practice_that_speaks_of_it(client, case_indexes, apply_index_changes):
    make = CaseStudyPageFactory
    make(parent=case_indexes["en"], title="Fixing leaks", summary="New pipes bring clean water to every home.")
    make(parent=case_indexes["en"], title="Cheaper rents", summary="A rent cap for small flats.")
    make(parent=case_indexes["en"], title="Wells in schools", summary="Pupils drink safely.", taxonomy__topic="water")
    apply_index_changes()
    # "eau" names the topic Water: tagged with it, or "water" in an English text.
    found = titles(client, q="eau", ui_language="fr")
    assert found[0] == "Wells in schools"
    assert "Fixing leaks" in found and "Cheaper rents" not in found


def test_a_theme_finds_what_is_tagged_with_its_topics_after_what_is_tagged_with_it(
    client, case_indexes, apply_index_changes
):
    make = CaseStudyPageFactory
    make(parent=case_indexes["en"], title="Rain tanks", summary="Roofs fill tanks.", taxonomy__topic="water")
    # Tagged with a topic of the theme, not with the theme itself.
    make(parent=case_indexes["en"], title="Green roofs", summary="Roofs grow plants.",
         taxonomy__topic="nature-based-solutions", taxonomy__themes=[])  # fmt: skip
    make(parent=case_indexes["en"], title="Home carers", summary="Roofs over heads.", taxonomy__topic="care")
    apply_index_changes()
    assert titles(client, q="metropolitan ecosystems") == ["Rain tanks", "Green roofs"]


def test_a_synonym_of_a_topics_name_finds_what_is_tagged_with_the_topic(client, case_indexes, apply_index_changes):
    make = CaseStudyPageFactory
    make(parent=case_indexes["en"], title="Recycling points", summary="Sorted rubbish is collected weekly.",
         taxonomy__topic="waste")  # fmt: skip
    make(parent=case_indexes["es"], title="Gestión de parques", summary="Un plan de gestión de los parques.",
         taxonomy__topic="public-space")  # fmt: skip
    apply_index_changes()
    # "gestión de residuos" shares a synonym set with "solid waste", a name of the topic
    # Waste: no practice holds the words, and the topic's answers them.
    payload = answer(client, q="gestion de residuos", ui_language="es")
    assert [result["title"] for result in payload["results"]] == ["Recycling points"]
    assert payload["relaxed"] is False


@pytest.fixture
def land_trusts(case_indexes, apply_index_changes):
    """A practice written about community land trusts and a profile that lists them."""
    CaseStudyPageFactory(
        parent=case_indexes["en"],
        title="Homes that stay affordable in Brussels",
        summary=(
            "Families on low incomes were leaving the capital as land prices doubled. The region funds a community"
            " land trust that buys plots, builds homes with future residents and sells only the buildings, with a"
            " resale formula that caps the price for every later buyer. More than 150 homes are held so today."
        ),
    )
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    expert = directory.add_child(
        instance=ExpertProfilePage(
            title="Ana Ruiz", slug="ana-ruiz", city=City.objects.get(slug="barcelona"),
            biography="<p>Community land trust adviser.</p>",
        )
    )  # fmt: skip
    expert.topics = [Topic.objects.get(slug="housing")]
    expert.save_revision().publish()
    apply_index_changes()


def test_a_question_that_asks_for_no_kind_of_document_lists_practices_before_profiles(client, land_trusts):
    assert titles(client, q="community land trust") == ["Homes that stay affordable in Brussels", "Ana Ruiz"]
    # Asking for a person still puts the profile first.
    assert titles(client, q="community land trust expert")[0] == "Ana Ruiz"


def test_the_recall_tier_lists_what_shares_most_with_the_best_results_first(client, case_indexes, apply_index_changes):
    carers = [TargetGroup.objects.get(slug="caregivers")]
    make = CaseStudyPageFactory
    make(parent=case_indexes["en"], title="Respite for family carers", summary="A weekend off.",
         taxonomy__topic="care", taxonomy__target_groups=carers)  # fmt: skip
    # The same topic and the same people in other words, before the same topic alone
    # (published later, it would come first at an equal score).
    make(parent=case_indexes["en"], title="Weekend breaks for those who look after a relative", summary="Time off.",
         taxonomy__topic="care", taxonomy__target_groups=carers)  # fmt: skip
    make(parent=case_indexes["en"], title="Longer clinic hours", summary="Evenings too.", taxonomy__topic="care")
    apply_index_changes()
    results = answer(client, q="respite", ui_language="en")["results"]
    assert [(result["title"], result["related"]) for result in results] == [
        ("Respite for family carers", False),
        ("Weekend breaks for those who look after a relative", True),
        ("Longer clinic hours", True),
    ]
