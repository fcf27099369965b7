"""The public index follows what is published, on the real OpenSearch node."""

import signal
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cases.models import SpotlightPage, SpotlightSectionPage
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, sync
from search.client import get_client
from search.documents import document_id
from search.models import PendingIndexChange
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


def test_a_change_the_index_refuses_stays_in_the_outbox_until_it_is_written(case_index):
    """OpenSearch makes an index read-only when its disk fills up: it answers, but
    refuses each document. The change must wait for another try, not count as done."""
    sync.drain()
    client = get_client()
    blocked = {"index.blocks.read_only_allow_delete": True}
    client.indices.put_settings(index=index.alias_name(), body=blocked)
    case = CaseStudyPageFactory(parent=case_index, title="Published on a full disk")
    assert sync.drain() == 0
    assert sync.backlog() > 0
    assert "flood-stage watermark" in PendingIndexChange.objects.get(page_id=case.pk).last_error

    client.indices.put_settings(index=index.alias_name(), body={"index.blocks.read_only_allow_delete": None})
    PendingIndexChange.objects.update(next_attempt_at=timezone.now())  # the back-off has passed
    assert sync.drain() > 0
    assert indexed(case)["title"] == "Published on a full disk"
    assert sync.backlog() == 0


def test_a_draft_never_reaches_the_index(case_index):
    case = CaseStudyPageFactory(parent=case_index)
    case.title = "Draft title"
    case.save_revision()
    sync.drain()
    assert indexed(case)["title"] != "Draft title"


def test_a_new_slug_on_a_parent_reaches_every_url_below_it(case_index):
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
    sync.drain()
    assert indexed(case)["url"] == "/en/local-care/reward/carers-wages/"


def test_moving_a_subtree_under_another_parent_takes_its_descendants_to_their_new_urls(case_index):
    home = HomePage.objects.get(locale__language_code="en")
    care, health = (
        home.add_child(instance=SpotlightPage(title=title, intro="…", spotlight=Spotlight.objects.get(slug=slug)))
        for title, slug in (("Care", "care"), ("Global health", "covid-19"))
    )
    section = care.add_child(instance=SpotlightSectionPage(title="Reward"))
    cases = [CaseStudyPageFactory(parent=section, title=title) for title in ("Carers' wages", "Care credits")]
    sync.drain()
    assert indexed(cases[0])["url"] == "/en/care/reward/carers-wages/"

    section.move(health, pos="last-child")
    # Nothing is published: only the move itself tells the outbox about the subtree.
    waiting = PendingIndexChange.objects.filter(processed_at__isnull=True)
    assert {case.pk for case in cases} <= set(waiting.values_list("page_id", flat=True))
    sync.drain()
    assert [indexed(case)["url"] for case in cases] == [
        "/en/global-health/reward/carers-wages/",
        "/en/global-health/reward/care-credits/",
    ]
    for case in cases:
        case.refresh_from_db()
    assert [indexed(case)["url"] for case in cases] == [case.url for case in cases]


def test_the_worker_applies_changes_as_they_come_until_interrupted(case_index, monkeypatch):
    """`search_index work` drains the outbox, waits, drains again, and stops on Ctrl-C."""
    before = CaseStudyPageFactory(parent=case_index, title="Published before the worker started")
    during = []
    naps = []

    def nap(seconds):
        naps.append(seconds)
        if len(naps) == 1:  # published while the worker waits between two polls
            during.append(CaseStudyPageFactory(parent=case_index, title="Published while the worker ran"))
        else:
            raise KeyboardInterrupt  # what Ctrl-C raises in the worker

    def give_up(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", nap)
    # Should the worker ever stop sleeping through time.sleep, Ctrl-C still comes, late.
    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, 30)
    out = StringIO()
    try:
        call_command("search_index", "work", interval=0.25, stdout=out)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    assert naps == [0.25, 0.25]
    assert sync.backlog() == 0
    assert indexed(before)["title"] == "Published before the worker started"
    assert indexed(during[0])["title"] == "Published while the worker ran"
    output = out.getvalue()
    assert "applied" in output and output.rstrip().endswith("Search index worker stopped.")


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
    housing.labels["fr"] = "Habitat"
    housing.save()
    barcelona = City.objects.get(slug="barcelona")
    barcelona.labels["es"] = "Barcelona (Cataluña)"
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


def test_a_rebuild_takes_the_configured_number_of_shards_and_still_finds_everything(case_index, settings):
    cases = [CaseStudyPageFactory(parent=case_index) for _ in range(4)]
    settings.OPENSEARCH_SHARDS = 2
    call_command("search_index", "rebuild", verbosity=0)
    (name,) = index.indices_behind_alias()
    assert get_client().indices.get_settings(index=name)[name]["settings"]["index"]["number_of_shards"] == "2"
    assert all(indexed(case) for case in cases)


def test_a_rebuild_fills_without_replicas_and_goes_live_with_the_configured_ones(case_index, settings, monkeypatch):
    """Copying every document to a replica as it comes cost the fill: the new index
    gets its replicas once full (a single node leaves them unassigned, which is yellow)."""
    cases = [CaseStudyPageFactory(parent=case_index) for _ in range(3)]
    settings.OPENSEARCH_REPLICAS = 1
    while_filling = []
    send = index.send

    def watched(actions):
        name = actions[0]["_index"]
        while_filling.append(get_client().indices.get_settings(index=name)[name]["settings"]["index"])
        send(actions)

    monkeypatch.setattr(index, "send", watched)
    call_command("search_index", "rebuild", verbosity=0)
    assert {(filling["number_of_replicas"], filling["refresh_interval"]) for filling in while_filling} == {("0", "-1")}
    (name,) = index.indices_behind_alias()
    live = get_client().indices.get_settings(index=name)[name]["settings"]["index"]
    assert live["number_of_replicas"] == "1" and live.get("refresh_interval", "1s") != "-1"
    assert all(indexed(case) for case in cases)


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
