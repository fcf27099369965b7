"""The public index follows what is published, on the real OpenSearch node."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from cases.factories import CaseIndexPageFactory, CaseStudyPageFactory
from cases.models import SpotlightPage, SpotlightSectionPage
from home.models import HomePage
from search import index, sync
from search.client import get_client
from search.documents import document_id
from taxonomy.models import City, Spotlight, Topic

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture
def case_index(index_prefix):
    return CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))


def indexed(page):
    client = get_client()
    client.indices.refresh(index=index.alias_name())
    found = client.search(index=index.alias_name(), body={"query": {"ids": {"values": [document_id(page.pk)]}}})
    hits = found["hits"]["hits"]
    return hits[0]["_source"] if hits else None


def test_a_published_case_reaches_the_index_with_its_vocabulary(case_index):
    case = CaseStudyPageFactory(
        parent=case_index, title="Cool roofs", taxonomy__topic="climate", taxonomy__sdgs=[3, 13]
    )
    sync.drain()
    document = indexed(case)
    assert document["type"] == "case" and document["language"] == "en"
    assert document["themes"] == ["metropolitan-ecosystems"] and document["sdgs"] == [3, 13]
    assert "Bonne santé et bien-être" in document["sdgs_labels"]
    assert (document["city"], document["country"], document["region"]) == ("barcelona", "ES", "europe")
    assert document["url"] == case.url
    assert sync.backlog() == 0


def test_unpublish_and_delete_remove_the_document(case_index):
    kept, hidden, deleted = (CaseStudyPageFactory(parent=case_index) for _ in range(3))
    sync.drain()
    hidden.unpublish()
    deleted.delete()
    sync.drain()
    assert indexed(kept) is not None
    assert indexed(hidden) is None
    assert get_client().count(index=index.alias_name())["count"] == 1


def test_a_draft_never_reaches_the_index(case_index):
    case = CaseStudyPageFactory(parent=case_index)
    case.title = "Draft title"
    case.save_revision()
    sync.drain()
    assert indexed(case)["title"] != "Draft title"


def test_moving_a_subtree_updates_every_url(case_index):
    home = HomePage.objects.get(locale__language_code="en")
    spotlight = home.add_child(
        instance=SpotlightPage(title="Care", intro="Care.", spotlight=Spotlight.objects.get(slug="care"))
    )
    section = spotlight.add_child(instance=SpotlightSectionPage(title="Reward"))
    case = CaseStudyPageFactory(parent=section, title="Carers' wages")
    sync.drain()
    assert indexed(case)["url"] == "/en/care/reward/carers-wages/"
    spotlight.slug = "local-care"
    spotlight.save_revision().publish()
    section.refresh_from_db()
    section.move(case_index.get_parent().get_children().type(SpotlightPage).first(), pos="last-child")
    sync.drain()
    assert indexed(case)["url"] == "/en/local-care/reward/carers-wages/"


def test_a_view_restriction_hides_the_whole_subtree_and_lifting_it_restores_it(case_index):
    case = CaseStudyPageFactory(parent=case_index)
    sync.drain()
    restriction = PageViewRestriction.objects.create(page=case_index, restriction_type="login")
    sync.drain()
    assert indexed(case) is None
    restriction.delete()
    sync.drain()
    assert indexed(case) is not None


def test_renaming_a_taxonomy_label_reaches_the_documents(case_index):
    case = CaseStudyPageFactory(parent=case_index, taxonomy__topic="housing")
    sync.drain()
    housing = Topic.objects.get(slug="housing")
    housing.label_fr = "Habitat"
    housing.save()
    barcelona = City.objects.get(slug="barcelona")
    barcelona.label_es = "Barcelona (Cataluña)"
    barcelona.save()
    sync.drain()
    document = indexed(case)
    assert "Habitat" in document["topics_labels"]
    assert "Barcelona (Cataluña)" in document["place_labels"]


def test_rich_text_is_indexed_as_words_with_its_entities_decoded(case_index):
    case = CaseStudyPageFactory(
        parent=case_index, title="Clinics", context="<p>Health &amp; care in clinics.</p><p>Next <b>step</b></p>"
    )
    sync.drain()
    assert "Health & care in clinics. Next step" in indexed(case)["text_en"]


def test_translations_stand_in_for_each_other(case_index):
    english = CaseStudyPageFactory(parent=case_index, title="Bike lanes")
    call_command("load_demo", cases=0, experts=0, verbosity=0)  # the French case index
    french = english.copy_for_translation(HomePage.objects.get(locale__language_code="fr").locale)
    french.title = "Pistes cyclables"
    french.save_revision().publish()
    sync.drain()
    assert indexed(english)["represents"] == ["en", "es"]
    assert indexed(french)["represents"] == ["fr"]
    assert indexed(english)["translations"] == [{"language": "fr", "url": french.url}]


def test_rebuild_swaps_the_alias_and_verify_finds_drift(case_index, capsys):
    cases = [CaseStudyPageFactory(parent=case_index) for _ in range(3)]
    call_command("search_index", "rebuild", verbosity=0)
    first = index.indices_behind_alias()
    call_command("search_index", "rebuild", verbosity=0)
    second = index.indices_behind_alias()
    assert len(second) == 1 and second != first
    assert not get_client().indices.exists(index=first[0])
    # The new index filled without periodic refreshes; once live, it refreshes again.
    settings = get_client().indices.get_settings(index=second[0])[second[0]]["settings"]["index"]
    assert settings.get("refresh_interval", "1s") != "-1"
    call_command("search_index", "verify")
    assert "missing: 0, stale: 0, extra: 0" in capsys.readouterr().out

    client = get_client()
    client.delete(index=index.alias_name(), id=document_id(cases[0].pk), refresh=True)
    client.index(index=index.alias_name(), id="page-999999", body={"page_id": 999999}, refresh=True)
    client.update(index=index.alias_name(), id=document_id(cases[1].pk), body={"doc": {"revision_id": 1}}, refresh=True)
    with pytest.raises(CommandError, match="drifted"):
        call_command("search_index", "verify")
    assert "missing: 1, stale: 1, extra: 1" in capsys.readouterr().out

    call_command("search_index", "status")
    assert "outbox backlog: " in capsys.readouterr().out
