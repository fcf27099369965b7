"""City pages: every member city (with a live practice or expert) has one in each
language, with its key facts and at least three "cities like mine"; the ranking
prefers cities of the same region and a similar size."""

from types import SimpleNamespace

import pytest
from django.utils.text import slugify

from cases.models import CaseStudyPage
from cities.city_page import CASES_SHOWN, member_city_ids
from cities.peers import TOPICS, Profile, peers
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.models import HomePage
from taxonomy.models import City


def city(name, region, country):
    return SimpleNamespace(name=name, region_id=region, country_id=country)


def profile(name, region, country, population, topics=(), practices=1):
    return Profile(city(name, region, country), population, topics=set(topics), practices=practices)


def test_cities_like_mine_prefer_the_same_region_and_a_similar_size():
    lyon = profile("Lyon", "europe", "FR", 1_700_000, ["housing"])
    profiles = [
        lyon,
        profile("Lagos", "africa", "NG", 1_600_000, ["housing"]),
        profile("Istanbul", "europe", "TR", 15_000_000, ["housing"]),
        profile("Turin", "europe", "IT", 1_500_000, ["housing"]),
        profile("Tiny town", "europe", "IT", 20_000, ["housing"]),
    ]
    ranked = peers(lyon, profiles)
    names = [peer.profile.city.name for peer in ranked]
    # Same region and a similar size first, well ahead of a city of the same size
    # elsewhere, a same-region megacity or a same-region village.
    assert names[0] == "Turin"
    assert all(ranked[0].score >= peer.score + 1 for peer in ranked[1:])
    assert "Lyon" not in names


def test_shared_topics_lift_a_peer_and_its_practices_on_them_come_first():
    lyon = profile("Lyon", "europe", "FR", 1_700_000, ["housing", "water"])
    turin = profile("Turin", "europe", "IT", 1_500_000, ["mobility", "water"])
    porto = profile("Porto", "europe", "PT", 1_500_000, ["housing", "water"])
    turin.cases = [("bike lanes", {"mobility"}), ("water plan", {"water"})]
    ranked = peers(lyon, [lyon, turin, porto])
    assert [peer.profile.city.name for peer in ranked] == ["Porto", "Turin"]
    # Who solved my problem: Turin's water plan before its (later) bike lanes.
    assert ranked[1].ideas == ["water plan", "bike lanes"]


def test_each_peer_says_why_it_is_similar():
    lyon = profile("Lyon", "europe", "FR", 1_700_000, ["housing", "water", "care"])
    turin = profile("Turin", "europe", "IT", 900_000, ["housing", "water", "care", "food"])
    marseille = profile("Marseille", "europe", "FR", 5_000_000, ["mobility"])
    lagos = profile("Lagos", "africa", "NG", 15_000_000, ["water"])
    why = {peer.profile.city.name: peer.why for peer in peers(lyon, [turin, marseille, lagos])}
    assert why == {
        "Turin": "Same region · Size within a factor of 2 · 3 shared topics",
        "Marseille": "Same country",
        "Lagos": "1 shared topic",
    }


def test_a_city_without_practices_or_any_likeness_is_no_peer():
    lyon = profile("Lyon", "europe", "FR", 1_700_000, ["housing"])
    experts_only = profile("Turin", "europe", "IT", 1_500_000, practices=0)
    unlike = profile("Lagos", "africa", "NG", 15_000_000, ["mobility"])
    assert peers(lyon, [lyon, experts_only, unlike]) == []


def test_the_topics_toggle_ranks_by_shared_topics_and_drops_cities_sharing_none():
    lyon = profile("Lyon", "europe", "FR", 1_700_000, ["housing", "water", "care"])
    turin = profile("Turin", "europe", "IT", 1_500_000, ["housing"])
    lagos = profile("Lagos", "africa", "NG", 15_000_000, ["housing", "water", "care"])
    porto = profile("Porto", "europe", "PT", 1_600_000, ["mobility"])
    assert [peer.profile.city.name for peer in peers(lyon, [turin, lagos, porto])] == ["Turin", "Porto", "Lagos"]
    by_topics = peers(lyon, [turin, lagos, porto], mode=TOPICS)
    assert [peer.profile.city.name for peer in by_topics] == ["Lagos", "Turin"]


@pytest.mark.opensearch
@pytest.mark.django_db
def test_every_member_city_has_a_page_with_three_peers_in_each_language(demo, client):
    members = City.objects.filter(id__in=member_city_ids())
    assert members.count() >= 4
    for member in members:
        for language in ("en", "fr", "es"):
            response = client.get(f"/{language}/cities/{member.slug}/")
            assert response.status_code == 200, (member.slug, language)
            assert len(response.context["peers"]) >= 3, member.slug
            assert member.label_in(language) in response.content.decode()
    # A city nobody published anything for has no page.
    outsider = City.objects.exclude(id__in=member_city_ids()).first()
    assert client.get(f"/en/cities/{outsider.slug}/").status_code == 404
    assert client.get("/en/cities/no-such-city/").status_code == 404


@pytest.mark.opensearch
@pytest.mark.django_db
def test_a_case_links_to_its_city_page(demo, client):
    case = CaseStudyPage.objects.live().filter(locale__language_code="fr").first()
    response = client.get(case.url)
    assert f'href="/fr/cities/{case.city.slug}/"' in response.content.decode()


@pytest.mark.django_db
def test_a_city_with_many_practices_shows_the_latest_and_how_many_there_are(client):
    practices = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    accra = City.objects.get(slug="accra")
    for number in range(CASES_SHOWN + 3):
        CaseStudyPageFactory(parent=practices, title=f"Practice number {number}", city=accra)
    page = client.get("/en/cities/accra/")
    assert len(page.context["cases"]) == CASES_SHOWN
    assert f"Practice number {CASES_SHOWN + 2}" in page.text  # the latest
    assert "Practice number 0<" not in page.text
    assert f"The latest {CASES_SHOWN} of {CASES_SHOWN + 3} practices in this language." in page.text
    assert "/search/?city=accra&amp;type=case" in page.text


@pytest.mark.django_db
def test_a_peer_card_shows_why_and_a_practice_and_peer_experts_are_listed(client):
    """Lisbon worked on housing and water. Madrid (same region) did housing and
    mobility; Accra did water, in French only; Greater Lyon has only an expert."""
    english = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    french = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="fr"))
    lisbon, madrid, accra, lyon = (
        City.objects.get(slug=slug) for slug in ("lisbon", "madrid", "accra", "greater-lyon")
    )
    CaseStudyPageFactory(parent=english, title="Lisbon housing", city=lisbon, taxonomy__topic="housing")
    CaseStudyPageFactory(parent=english, title="Lisbon water", city=lisbon, taxonomy__topic="water")
    CaseStudyPageFactory(parent=english, title="Madrid social housing", city=madrid, taxonomy__topic="housing")
    CaseStudyPageFactory(parent=english, title="Madrid bus lanes", city=madrid, taxonomy__topic="sustainable-mobility")
    CaseStudyPageFactory(parent=french, title="Accra : l'eau pour tous", city=accra, taxonomy__topic="water")
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    for name, home in (("Lucia Madrileña", madrid), ("Louis Lyonnais", lyon)):
        expert = directory.add_child(instance=ExpertProfilePage(title=name, slug=slugify(name), city=home))
        expert.save_revision().publish()

    page = client.get("/en/cities/lisbon/")
    cards = {peer.profile.city.slug: peer for peer in page.context["peers"]}
    assert set(cards) == {"madrid", "accra"}  # Greater Lyon has nothing to show
    assert cards["madrid"].why.startswith("Same region")
    assert "1 shared topic" in cards["madrid"].why
    assert [case.title for case in cards["madrid"].ideas] == ["Madrid social housing", "Madrid bus lanes"]
    # A practice in another language rather than an empty card, marked as such.
    assert [case.title for case in cards["accra"].ideas] == ["Accra : l'eau pour tous"]
    html = page.content.decode()
    assert "Why similar:" in html
    assert 'lang="fr">Accra : l&#x27;eau pour tous</a>' in html
    assert "Lucia Madrileña</a>, Madrid" in html
    assert "Louis Lyonnais" not in html

    by_topics = client.get("/en/cities/lisbon/?peers=topics")
    # Both share one topic; Accra's work is the closer to Lisbon's, so it leads.
    assert [peer.profile.city.slug for peer in by_topics.context["peers"]] == ["accra", "madrid"]
    assert 'aria-current="true">Cities that worked on the same topics' in by_topics.content.decode()
    # An unknown mode is the default one, never an error.
    assert client.get("/en/cities/lisbon/?peers=nonsense").context["peer_mode"] == "like"
