"""A council asks what a practice changed and cost: each case carries outcome indicators
(baseline to result, unit, years, source, evidence), a budget in figures and dated
follow-ups, entered in the admin or imported, shown as a table with small charts, and
given by the API and the exports."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.test.utils.form_data import inline_formset

from cases.models import CaseStudyPage, FollowUp, OutcomeIndicator
from demo.factories import CaseStudyPageFactory

from .test_admin_case_form import edit_form
from .test_import_cases import case

pytestmark = pytest.mark.django_db

HOMES = {
    "measure": "Families housed",
    "baseline_value": 120,
    "baseline_year": 2016,
    "value": 1480.5,
    "unit": "families",
    "result_year": 2021,
    "source_name": "City housing observatory",
    "source_url": "https://example.org/observatory-2021.pdf",
    "evidence_level": "evaluated",
}
BUDGET = {"amount": 2500000, "currency": "EUR", "period": "2017-2021", "funding_sources": "City budget, EU ERDF"}


def admin_form(case, outcomes=(), **changes):
    """The admin's edit form of `case` (tests/test_admin_case_form.py) with these indicators."""
    return edit_form(case, outcomes=inline_formset(list(outcomes)), **changes)


def test_the_editor_is_told_a_value_needs_its_unit_and_the_baseline_comes_first(case_index):
    case_page = CaseStudyPageFactory(parent=case_index)
    form = admin_form(
        case_page,
        outcomes=[
            {"measure": "Trees planted", "value": "300", "unit": ""},
            {"measure": "Families housed", "value": "10", "unit": "families", "baseline_year": "2021",
             "result_year": "2019"},
        ],
    )  # fmt: skip
    assert not form.is_valid()
    first, second = (row.errors for row in form.formsets["outcomes"].forms)
    assert first["unit"] == ["Give the unit of the figures: people, %, tonnes..."]
    assert second["baseline_year"] == ["The baseline year must come before the result year (2019)."]

    form = admin_form(case_page, outcomes=[{"measure": "Families housed", "value": "10", "unit": "families"}],
                      budget_amount="1000")  # fmt: skip
    assert not form.is_valid()
    assert form.errors["budget_currency"] == ["Give the currency of the budget: EUR, USD, BRL..."]


def test_the_editor_saves_indicators_a_budget_and_follow_ups(case_index):
    case_page = CaseStudyPageFactory(parent=case_index)
    form = admin_form(
        case_page,
        outcomes=[{"measure": "Families housed", "baseline_value": "120", "baseline_year": "2016", "value": "1480",
                   "unit": "families", "result_year": "2021", "evidence_level": ""}],
        budget_amount="2500000", budget_currency="EUR", budget_period="2017-2021",
    )  # fmt: skip
    assert form.is_valid(), (form.errors, [row.errors for row in form.formsets["outcomes"].forms])
    page = form.save(commit=False)
    page.save_revision().publish()
    saved = CaseStudyPage.objects.get(pk=case_page.pk)
    (outcome,) = saved.outcomes.all()
    assert (outcome.baseline_value, outcome.value, outcome.unit) == (Decimal(120), Decimal(1480), "families")
    # A row takes the language of its case, and the case's evidence when it has none of its own.
    assert outcome.locale == saved.locale
    assert outcome.as_record()["evidence_level"] == "described"
    assert saved.budget_record() == {"amount": 2500000, "currency": "EUR", "period": "2017-2021",
                                     "funding_sources": ""}  # fmt: skip


def test_the_model_rules_hold_outside_the_admin_too():
    with pytest.raises(ValidationError) as raised:
        OutcomeIndicator(measure="CO2", baseline_value=Decimal(5), unit=" ").clean()
    assert "unit" in raised.value.message_dict


@pytest.mark.opensearch  # the page asks the index for similar practices
def test_the_case_page_shows_the_table_the_charts_the_budget_and_the_follow_ups(client, case_index):
    case_page = CaseStudyPageFactory(
        parent=case_index, budget_amount=Decimal("2500000"), budget_currency="EUR", budget_period="2017-2021",
        funding_sources="City budget, EU ERDF", last_verified=date(2025, 3, 3),
    )  # fmt: skip
    case_page.outcomes = [
        OutcomeIndicator(**{**HOMES, "value": Decimal("1480.5"), "baseline_value": Decimal(120)}),
        OutcomeIndicator(measure="Neighbours consulted", value=Decimal(900), unit="people"),
    ]
    case_page.follow_ups = [FollowUp(date=date(2024, 6, 1), text="Two years later, the programme doubled.")]
    case_page.save_revision().publish()
    html = client.get(case_page.url).content.decode()
    table = html.split('<table class="outcomes">')[1].split("</table>")[0]
    assert "Families housed" in table and "120 families" in table and "1,480.5 families" in table
    assert '<a href="https://example.org/observatory-2021.pdf" rel="noopener">City housing observatory</a>' in table
    assert "Evaluated" in table
    # One chart, for the indicator with a baseline: the result is the full bar, the baseline its share.
    assert table.count("<svg") == 1
    assert 'class="outcome-chart__result" fill="#0b5cad" x="0" y="12" height="9" width="100.0"' in table
    assert 'width="8.1"' in table  # 120 / 1480.5
    assert "2,500,000 EUR" in html and "(2017-2021)" in html and "City budget, EU ERDF" in html
    assert "Two years later, the programme doubled." in html

    french = client.get(case_page.url, HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 200


def test_an_import_reads_outcomes_budget_follow_ups_and_names_a_bad_one(case_index, jsonl, capsys):
    good = case(
        "bcn-1", outcomes=[HOMES], budget=BUDGET, last_verified="2025-03-03", evidence_level="monitored",
        follow_ups=[{"date": "2024-06-01", "text": "Doubled."}],
    )  # fmt: skip
    bad = [
        case("no-unit", outcomes=[{"measure": "Trees", "value": 300}]),
        case("late-baseline", outcomes=[{**HOMES, "baseline_year": 2022}]),
        case("text-value", outcomes=[{**HOMES, "value": "a lot"}]),
        case("no-currency", budget={"amount": 100}),
        case("bad-date", last_verified="March 2025"),
        case("stray-field", outcomes=[{**HOMES, "colour": "red"}]),
    ]
    with pytest.raises(CommandError, match="6 row"):
        call_command("import_cases", jsonl(good, *bad), verbosity=0)
    err = capsys.readouterr().err
    for expected in (
        "line 2: outcomes[1].unit: Give the unit of the figures",
        "line 3: outcomes[1].baseline_year: The baseline year must come before the result year (2021).",
        "line 4: outcomes[1].value: must be a number, not 'a lot'",
        "line 5: budget.currency: Give the currency of the budget",
        "line 6: last_verified: must be a date written YYYY-MM-DD, not 'March 2025'",
        "line 7: outcomes[1].colour: unknown field",
    ):
        assert expected in err
    page = CaseStudyPage.objects.get(external_id="bcn-1")
    assert [outcome.as_record() for outcome in page.outcomes.all()] == [HOMES]
    assert page.budget_record() == BUDGET
    assert (page.last_verified, page.evidence_level) == (date(2025, 3, 3), "monitored")
    assert [follow_up.as_record() for follow_up in page.follow_ups.all()] == [
        {"date": "2024-06-01", "text": "Doubled."}
    ]

    # Importing again replaces the indicators rather than adding to them.
    call_command("import_cases", jsonl(case("bcn-1", outcomes=[{**HOMES, "value": 1500}])), verbosity=0)
    assert [outcome.value for outcome in CaseStudyPage.objects.get(external_id="bcn-1").outcomes.all()] == [1500]


@pytest.mark.opensearch
def test_what_is_imported_comes_back_whole_from_the_api_and_both_exports(
    client, case_index, jsonl, apply_index_changes
):
    call_command("import_cases", jsonl(case("bcn-1", outcomes=[HOMES], budget=BUDGET), case("bcn-2")), verbosity=0)
    apply_index_changes()
    results = {hit["external_id"]: hit for hit in client.get("/api/v1/search/", {"type": "case"}).json()["results"]}
    assert results["bcn-1"]["outcomes"] == [HOMES]
    assert results["bcn-1"]["budget"] == BUDGET
    assert (results["bcn-2"]["outcomes"], results["bcn-2"]["budget"]) == ([], None)

    exported = json.loads(b"".join(client.get("/en/search/export.json", {"type": "case"}).streaming_content))
    by_id = {row["external_id"]: row for row in exported["results"]}
    # The export's records are the import's: a partner can send them back as they are.
    assert by_id["bcn-1"]["outcomes"] == [HOMES] and by_id["bcn-1"]["budget"] == BUDGET
    csv_text = b"".join(client.get("/en/search/export.csv", {"type": "case"}).streaming_content).decode()
    assert "outcomes,budget" in csv_text.splitlines()[0]
    assert "City housing observatory" in csv_text

    schema = client.get("/api/v1/openapi.json").json()
    answer = schema["paths"]["/api/v1/search/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    properties = answer["properties"]["results"]["items"]["properties"]
    assert properties["outcomes"]["items"]["properties"]["baseline_year"] == {"type": ["integer", "null"]}
    assert "currency" in properties["budget"]["oneOf"][0]["properties"]
