"""City pages: every member city (with a live practice or expert) has one in each
language, with its key facts and at least three "cities like mine"; the ranking
prefers cities of the same region and a similar size."""

from types import SimpleNamespace

import pytest

from cases.models import CaseStudyPage
from cities.city_page import CASES_SHOWN, member_city_ids
from cities.peers import Profile, peers
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from taxonomy.models import City


def city(name, region, country):
    return SimpleNamespace(name=name, region_id=region, country_id=country)


def profile(name, region, country, population, topics=()):
    return Profile(city(name, region, country), population, topics=set(topics))


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


def test_shared_themes_lift_a_peer_and_ideas_are_topics_the_city_has_not_done():
    lyon = profile("Lyon", "europe", "FR", 1_700_000, ["housing", "water"])
    turin = profile("Turin", "europe", "IT", 1_500_000, ["mobility"])
    porto = profile("Porto", "europe", "PT", 1_500_000, ["housing", "water"])
    turin.cases = [("bike lanes", {"mobility"}), ("water plan", {"water"})]
    ranked = peers(lyon, [lyon, turin, porto])
    assert [peer.profile.city.name for peer in ranked] == ["Porto", "Turin"]
    assert ranked[1].ideas == ["bike lanes"]


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
