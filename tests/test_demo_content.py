"""`load_demo`: the platform a newcomer (and every browser test) sees first."""

import pytest
from django.core.management import call_command
from django.db import OperationalError
from wagtail.images import get_image_model
from wagtail.models import Revision

from cases.models import ArticleIndexPage, CaseIndexPage, CaseStudyPage, SpotlightPage, SpotlightSectionPage
from experts.models import ExpertProfilePage
from search.models import PendingIndexChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", cases=15, experts=10, verbosity=0)


def test_every_language_gets_the_structure_and_both_spotlight_trees(demo):
    for model in (CaseIndexPage, ArticleIndexPage):
        assert sorted(model.objects.live().values_list("locale__language_code", flat=True)) == ["en", "es", "fr"]
    for slug, sections in (("covid-19", 3), ("care", 5)):
        roots = SpotlightPage.objects.live().filter(spotlight__slug=slug)
        assert roots.count() == 3
        for root in roots:
            assert SpotlightSectionPage.objects.child_of(root).live().count() == sections


def test_cases_come_in_three_languages_some_translated(demo):
    originals = CaseStudyPage.objects.live().filter(external_id__regex=r"^demo-\d+$")
    assert originals.count() == 15
    assert set(originals.values_list("locale__language_code", flat=True)) == {"en", "fr", "es"}
    translated = [case for case in originals if case.get_translations().exists()]
    assert 0 < len(translated) < 15
    assert all(case.hero_image for case in originals)
    assert get_image_model().objects.filter(title__startswith="Demo picture").count() == 12


def test_demo_experts_are_published_in_every_language_and_some_are_case_contacts(demo, client):
    experts = ExpertProfilePage.objects.live()
    assert experts.count() == 10
    assert set(experts.values_list("locale__language_code", flat=True)) == {"en", "fr", "es"}
    assert CaseStudyPage.objects.live().filter(contact_expert__isnull=False).exists()
    expert = experts.filter(locale__language_code="fr").first()
    response = client.get(expert.url)
    assert response.status_code == 200 and expert.title in response.content.decode()


def test_a_second_run_changes_nothing(demo, capsys):
    pages, profiles = CaseStudyPage.objects.count(), ExpertProfilePage.objects.count()
    call_command("load_demo", cases=15, experts=10, verbosity=0)
    assert (CaseStudyPage.objects.count(), ExpertProfilePage.objects.count()) == (pages, profiles)
    assert "Demo ready" in capsys.readouterr().out


@pytest.mark.opensearch
def test_demo_pages_render_in_their_language(demo, client):
    case = CaseStudyPage.objects.live().filter(locale__language_code="es").first()
    response = client.get(case.url)
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    for url in ("/fr/pratiques/", "/es/articulos/", "/en/covid-19/emergency/", "/fr/care/"):
        assert client.get(url).status_code == 200, url


def test_the_main_menu_leads_to_the_practices_spotlights_and_articles(demo, client):
    html = client.get("/fr/").content.decode()
    menu = html.split('class="main-menu"')[1].split("</nav>")[0]
    for link in ('href="/fr/pratiques/"', 'href="/fr/covid-19/"', 'href="/fr/care/"', 'href="/fr/articles/"'):
        assert link in menu


def test_a_load_that_fails_midway_leaves_no_live_page_out_of_the_index(monkeypatch):
    publish = Revision.publish

    def locked_at_the_third_case(revision, *args, **kwargs):
        if getattr(revision.content_object, "external_id", None) == "demo-003":
            raise OperationalError("database is locked")
        return publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", locked_at_the_third_case)
    with pytest.raises(OperationalError):
        call_command("load_demo", cases=5, experts=0, verbosity=0)

    live = set(CaseStudyPage.objects.live().values_list("pk", flat=True))
    assert len(live) >= 2  # the first two cases and their translations
    assert live <= set(PendingIndexChange.objects.values_list("page_id", flat=True))
    assert not CaseStudyPage.objects.filter(external_id="demo-003").exists()
