"""`load_demo --synthetic N`: the generated cases that fill benchmarks and the
demo-derived judged set (demo/relevance.py), tagged as their subject implies."""

import pytest
from django.core.management import call_command

from cases.models import CaseStudyPage
from demo.subjects import SUBJECTS, TARGETS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_data):
    call_command("load_demo", cases=0, experts=0, synthetic=15, synthetic_experts=4, verbosity=0)


def test_synthetic_cases_come_in_three_languages_some_translated(demo):
    originals = CaseStudyPage.objects.live().filter(external_id__regex=r"^demo-\d+$")
    assert originals.count() == 15
    assert set(originals.values_list("locale__language_code", flat=True)) == {"en", "fr", "es"}
    translated = [case for case in originals if case.get_translations().exists()]
    assert 0 < len(translated) < 15


def test_every_case_is_tagged_as_its_subject_implies(demo):
    """Goals, group, approach and theme follow from the topic (demo/subjects.py), so
    a search for "Life below water" finds no jobs programme tagged SDG 14 by chance."""
    cases = CaseStudyPage.objects.live().prefetch_related("topics", "themes", "sdgs", "target_groups", "approaches")
    for case in cases:
        (topic,) = case.topics.all()
        subject = SUBJECTS[topic.slug]
        goals = {goal.number for goal in case.sdgs.all()}
        assert subject.sdgs[0] in goals and goals <= set(subject.sdgs), case.title
        assert {group.slug for group in case.target_groups.all()} <= set(subject.targets), case.title
        assert {approach.slug for approach in case.approaches.all()} <= set(subject.approaches), case.title
        assert [theme.slug for theme in case.themes.all()] == [topic.theme.slug], case.title


def test_the_target_group_and_the_practice_are_named_in_the_text_of_each_language(demo):
    cases = CaseStudyPage.objects.live().select_related("locale").prefetch_related("topics", "target_groups")
    assert {case.locale.language_code for case in cases} == {"en", "fr", "es"}
    for case in cases:
        language, text = case.locale.language_code, f"{case.title} {case.summary} {case.context}"
        (group,) = case.target_groups.all()
        assert TARGETS[group.slug][language] in text, (language, case.title)
        practices = SUBJECTS[case.topics.get().slug].practices
        assert any(name in text for practice in practices for name in practice.names[language]), case.title
        assert "{" not in text


def test_every_tenth_case_is_a_near_duplicate_of_the_one_before(demo):
    first, twin = (CaseStudyPage.objects.get(external_id=f"demo-{number:03d}") for number in (9, 10))
    assert (first.city, first.topics.get()) == (twin.city, twin.topics.get())
    assert first.title != twin.title


def test_every_generated_case_shows_outcomes_with_sources_and_a_budget_in_its_language(demo):
    """The hook demo/outcomes.py fills: what a council would ask, on every demo case."""
    for case in CaseStudyPage.objects.live().prefetch_related("outcomes", "follow_ups").select_related("locale"):
        outcomes = list(case.outcomes.all())
        assert outcomes and all(outcome.source_name and outcome.unit for outcome in outcomes), case.title
        assert {outcome.locale_id for outcome in outcomes} == {case.locale_id}, case.title
        assert case.budget_amount and case.budget_currency and case.follow_ups.exists(), case.title
    # A translation's rows are in its language too.
    for french in CaseStudyPage.objects.live().filter(locale__language_code="fr", external_id__endswith="-fr"):
        assert french.outcomes.first().source_name == "Rapport annuel de la ville", french.title
