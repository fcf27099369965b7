"""`load_demo`: the platform a newcomer (and every browser test) sees first, here its
first fifteen practices (the generator's content: tests/test_demo_synthetic.py)."""

import pytest
from django.core.management import call_command

from cases.models import ArticleIndexPage, CaseIndexPage, CaseStudyPage, SpotlightPage, SpotlightSectionPage
from experts.models import ExpertProfilePage, ProfileType

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_data):
    call_command("load_demo", cases=15, experts=10, verbosity=0)


def test_every_language_gets_the_structure_and_both_spotlight_trees(demo):
    for model in (CaseIndexPage, ArticleIndexPage):
        assert sorted(model.objects.live().values_list("locale__language_code", flat=True)) == ["en", "es", "fr"]
    for slug, sections in (("covid-19", 3), ("care", 5)):
        roots = SpotlightPage.objects.live().filter(spotlight__slug=slug)
        assert roots.count() == 3
        for root in roots:
            assert SpotlightSectionPage.objects.child_of(root).live().count() == sections


def test_practices_are_written_in_english_and_translated_into_french_and_spanish(demo):
    originals = CaseStudyPage.objects.live().filter(locale__language_code="en")
    assert originals.count() == 15
    assert set(CaseStudyPage.objects.live().values_list("locale__language_code", flat=True)) == {"en", "fr", "es"}
    translated = [case for case in originals if case.get_translations().live().count() == 2]
    assert len(translated) == 15  # the first practices fill the collections, all in three languages
    assert all(case.hero_image for case in originals)


def test_pictures_differ_by_theme_and_people_have_portraits(demo):
    cases = CaseStudyPage.objects.live().select_related("hero_image").prefetch_related("themes")
    for case in cases:
        assert case.themes.get().slug in case.hero_image.title
    assert len({case.hero_image_id for case in cases}) > 5
    people = ExpertProfilePage.objects.live().filter(profile_type=ProfileType.INDIVIDUAL)
    assert people.exists() and all(person.photo for person in people)
    assert len({person.photo_id for person in people}) == people.count()
    assert all(root.hero_image for root in SpotlightPage.objects.live())
    sections = SpotlightSectionPage.objects.live()
    # Each section opens with text of its own, not a sentence with its name put in.
    assert sections.exists() and len({section.intro for section in sections}) == sections.count()
    assert not any(section.title in section.intro for section in sections)


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


def test_a_practice_s_follow_up_reads_in_each_language_of_the_practice(demo):
    """Real practices carry figures only where sources document them (tests/test_demo_facts.py);
    Seattle's follow-up, among the first fifteen, is written in each of its languages."""
    texts = {}
    for case in CaseStudyPage.objects.live().filter(external_id__startswith="seattle-domestic-workers-board"):
        [follow_up] = case.follow_ups.all()
        assert follow_up.locale_id == case.locale_id
        texts[case.locale.language_code] = follow_up.text
    assert texts["en"].startswith("The Domestic Workers Ordinance took effect")
    assert texts["fr"].startswith("L'ordonnance sur les travailleurs domestiques")
    assert texts["es"].startswith("Entró en vigor la ordenanza")
