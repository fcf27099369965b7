"""The demo tells real practices whose facts hold together (issue 27): statuses agree
with results, years with the collections, every published section holds practices,
slugs read as words, and the demo experts can be written to."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from cases.models import CaseDocument, CaseStudyPage, OutcomeIndicator, Replication, SpotlightPage
from demo.experts import read_experts
from demo.practices import PracticeError, read_practices, results
from experts.models import ExpertProfilePage
from members.invitations import Reach
from tests.factories import UserFactory

from .test_messaging import write

PRACTICES = read_practices()
# Provinces and states of the member list: a practice belongs to a city.
PROVINCES = {"gauteng", "gyeonggi", "minas-gerais", "east-kalimantan", "victoria"}
READABLE_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# Phrases of the generated demo (demo/text.py) that no real practice repeats.
TEMPLATE_PHRASES = ("at the heart of its agenda", "sets up", "jobs created", "people reached")


def in_collection(slug):
    return [practice for practice in PRACTICES if practice.get("spotlight") == slug]


def test_at_least_sixty_practices_twenty_of_them_in_french_and_spanish():
    assert len(PRACTICES) >= 60
    assert len({practice["city"] for practice in PRACTICES}) >= 40
    translated = [practice for practice in PRACTICES if {"fr", "es"} <= set(practice.languages)]
    assert len(translated) >= 20


def test_each_practice_is_told_in_its_own_words():
    for practice in PRACTICES:
        for code in practice.languages:
            text = practice[code]
            body = " ".join(text.get(name, "") for name in ("context", "solution", "results", "lessons"))
            assert len(body.split()) >= 80, practice.where
            assert not any(phrase in body for phrase in TEMPLATE_PHRASES), practice.where
    summaries = [practice["en"]["summary"] for practice in PRACTICES]
    assert len(set(summaries)) == len(summaries)


def test_a_planned_practice_claims_no_results_and_a_completed_one_ended():
    planned = [practice for practice in PRACTICES if practice["status"] == "planned"]
    assert planned
    for practice in planned:
        assert not practice.get("key_figures") and not practice.get("end_year"), practice.where
        assert all(not practice[code].get("results") for code in practice.languages), practice.where
    for practice in PRACTICES:
        start, end = practice.get("start_year"), practice.get("end_year")
        if practice["status"] == "ongoing":
            assert end is None, practice.where
        if start and end:
            assert start <= end, practice.where


def test_every_figure_names_its_source_in_every_language():
    figures = [(practice, figure) for practice in PRACTICES for figure in practice.get("key_figures", [])]
    assert figures
    for practice, figure in figures:
        assert practice.get("source"), practice.where
        for code in practice.languages:
            assert re.search(r"\(.+\d{4}\)$", figure[code]), (practice.where, code)


def test_covid_responses_date_from_2020_or_2021_and_the_care_collection_holds_care():
    covid = in_collection("covid-19")
    assert {practice["section"] for practice in covid} == {"emergency", "recovery", "transformation"}
    for practice in covid:
        assert practice["start_year"] in (2020, 2021), practice.where
    care = in_collection("care")
    assert {practice["section"] for practice in care} == {"recognise", "reduce", "redistribute", "reward", "represent"}
    assert all(practice["topic"] == "care" for practice in care)
    for practice in covid + care:
        assert {"fr", "es"} <= set(practice.languages), practice.where


def test_practices_are_in_cities_not_provinces_and_slugs_read_as_words():
    for practice in PRACTICES:
        assert practice["city"] not in PROVINCES, practice.where
        assert READABLE_SLUG.match(practice["slug"]) and not practice["slug"].startswith("demo"), practice.where


def test_demo_experts_are_twenty_fictional_people_at_example_org():
    experts = read_experts()
    assert len(experts) >= 20
    assert {expert["language"] for expert in experts} == {"en", "fr", "es"}
    assert all(expert["email"].endswith("@example.org") for expert in experts)
    assert len({expert["email"] for expert in experts}) == len(experts)


def test_every_outcome_names_its_source_and_links_to_it_in_every_language():
    outcomes = [
        (practice, outcome)
        for practice in PRACTICES
        for code in practice.languages
        for outcome in results(practice, code)["outcomes"]
    ]
    assert outcomes
    for practice, outcome in outcomes:
        assert outcome["source_name"] and outcome["source_url"].startswith("https://"), practice.where


def test_a_practice_s_figures_obey_the_importer_s_rules(tmp_path):
    entry = (
        "- slug: vienna-test\n  city: vienna\n  topic: housing\n  sdgs: [11]\n  status: ongoing\n"
        "  outcomes:\n    - {measure: Homes, value: 5000}\n"
        "  en: {title: T, summary: S, context: C, solution: S, results: R, lessons: L}\n"
    )
    (tmp_path / "one.yaml").write_text(entry, encoding="utf-8")
    with pytest.raises(PracticeError, match=r"one.yaml, entry 1 \(vienna-test\): outcomes\[1\].unit: Give the unit"):
        read_practices(tmp_path)


@pytest.fixture(scope="module")
def demo(module_data):
    call_command("load_demo", verbosity=0)


@pytest.mark.django_db
def test_the_loaded_demo_has_every_practice_in_english_and_translations_made_by_wagtail(demo):
    originals = CaseStudyPage.objects.live().filter(locale__language_code="en")
    assert originals.count() == len(PRACTICES)
    for code in ("fr", "es"):
        translations = CaseStudyPage.objects.live().filter(locale__language_code=code)
        assert translations.count() >= 20
        # A translation is the same practice in another locale (wagtail-localize's copy).
        keys = set(originals.values_list("translation_key", flat=True))
        assert set(translations.values_list("translation_key", flat=True)) <= keys
    for case in CaseStudyPage.objects.all():
        assert READABLE_SLUG.match(case.slug) and not case.slug.startswith("demo-"), case.url_path
        assert "{" not in case.summary


@pytest.mark.django_db
def test_no_published_section_of_a_collection_is_empty_in_any_language(demo, client):
    collections = SpotlightPage.objects.live()
    assert collections.count() == 6  # two collections in three languages
    for collection in collections:
        sections = collection.sections()
        assert len(sections) in (3, 5)
        for section in sections:
            assert section.case_count > 0, section.url_path
            assert client.get(section.url).context["cases"].paginator.count > 0, section.url_path


@pytest.mark.django_db
def test_the_loaded_facts_agree_with_status_and_collections(demo):
    for case in CaseStudyPage.objects.live().select_related("status").prefetch_related("spotlights", "topics"):
        if case.status.slug == "planned":
            assert not case.results and not case.key_figures, case.title
        collections = {spotlight.slug for spotlight in case.spotlights.all()}
        if "covid-19" in collections:
            assert case.start_year in (2020, 2021), case.title
        if "care" in collections:
            assert [topic.slug for topic in case.topics.all()] == ["care"], case.title


@pytest.mark.django_db
def test_a_visitor_writes_to_a_demo_expert_and_the_expert_is_invited_by_e_mail(demo, client):
    expert = ExpertProfilePage.objects.live().get(external_id="expert-daniel-okoye")
    assert Reach(expert).can_write
    client.force_login(UserFactory(email="visitor@example.org"))
    assert write(client, expert).status_code == 302
    [invitation] = mail.outbox
    assert invitation.to == ["daniel.okoye@example.org"]
    # Every demo expert can be reached the same way.
    assert all(Reach(profile).can_write for profile in ExpertProfilePage.objects.live())


@pytest.mark.django_db
def test_the_demo_shows_outcomes_with_sources_budgets_documents_and_five_replication_chains(demo):
    assert OutcomeIndicator.objects.filter(page__live=True).exclude(source_name="").exclude(source_url="").exists()
    assert not OutcomeIndicator.objects.filter(source_url="").exists()
    cheonggyecheon = CaseStudyPage.objects.get(external_id="seoul-cheonggyecheon-restoration")
    assert (cheonggyecheon.budget_amount, cheonggyecheon.budget_currency) == (386_000_000_000, "KRW")
    # A translation shows the follow-up in its own language.
    seattle = CaseStudyPage.objects.get(external_id="seattle-domestic-workers-board-fr")
    assert seattle.follow_ups.get().text.startswith("L'ordonnance sur les travailleurs domestiques")
    kinds = set(CaseDocument.objects.filter(page__live=True).values_list("kind", flat=True))
    assert {"ordinance", "terms-of-reference", "evaluation", "toolkit"} <= kinds
    # A chain is a set of practices joined by approved links: count them as groups.
    group = {}

    def root(key):
        while group.get(key, key) != key:
            key = group[key]
        return key

    links = Replication.objects.filter(status=Replication.Status.APPROVED)
    for link in links.select_related("source", "adopter"):
        group[root(link.adopter.translation_key)] = root(link.source.translation_key)
    ends = {end for link in links.select_related("source", "adopter") for end in (link.source, link.adopter)}
    assert len({root(page.translation_key) for page in ends}) >= 5
    # The longest chain runs Curitiba, Bogotá, then Mexico City, Johannesburg and Lagos.
    curitiba = CaseStudyPage.objects.get(external_id="curitiba-integrated-transit-network")
    assert sum(root(page.translation_key) == root(curitiba.translation_key) for page in ends) == 5
