"""The demo's results in figures (issue 29): outcome indicators, a budget, a follow-up
and the date the facts were checked, for each demo case.

A hook for the demo content to fill: `results(choices, language)` answers in the
import format (docs/import-format.md: `outcomes`, `budget`, `follow_ups`,
`last_verified`), and goes through the importer's own checks, so demo figures obey the
rules editors and imports obey. It draws nothing from the demo's random generator:
the rest of the demo makes the same choices with or without it. Until the demo's
texts carry real figures, the indicators restate each case's key figures with a
baseline a third of the result."""

from datetime import date

from cases.importing import read_budget, read_follow_up, read_list, read_outcome
from cases.models import FollowUp, OutcomeIndicator

UNITS = {
    "people reached": {"en": "people", "fr": "personnes", "es": "personas"},
    "neighbourhoods involved": {"en": "neighbourhoods", "fr": "quartiers", "es": "barrios"},
    "jobs created": {"en": "jobs", "fr": "emplois", "es": "empleos"},
}
SOURCE = {"en": "Annual report of the city", "fr": "Rapport annuel de la ville", "es": "Informe anual de la ciudad"}
FUNDING = {"en": "City budget", "fr": "Budget municipal", "es": "Presupuesto municipal"}
FOLLOW_UP = {
    "en": "Two years later the programme still runs and has reached more districts.",
    "fr": "Deux ans plus tard, le programme continue et touche davantage de quartiers.",
    "es": "Dos años después, el programa sigue y llega a más barrios.",
}


def results(choices, language):
    year = choices["year"]
    result_year = min(year + 3, date.today().year)
    return {
        "outcomes": [
            {
                "measure": label[language],
                "baseline_value": amount // 3,
                "baseline_year": year,
                "value": amount,
                "unit": UNITS[label["en"]][language],
                "result_year": result_year if result_year > year else None,
                "source_name": SOURCE[language],
                "source_url": f"https://example.org/{choices['city'].slug}/report-{result_year}.pdf",
            }
            for amount, label in zip(choices["amounts"], choices["figures"], strict=True)
        ],
        "budget": {
            "amount": choices["amounts"][0] * 40,
            "currency": "USD",
            "period": f"{year}-{result_year}",
            "funding_sources": FUNDING[language],
        },
        "follow_ups": [{"date": f"{result_year}-06-30", "text": FOLLOW_UP[language]}],
        "last_verified": date(2026, 1, 15),
    }


def page_fields(choices, language):
    """The results as a case page's fields, for its factory."""
    record = results(choices, language)
    return {
        "outcomes": [OutcomeIndicator(**values) for values in read_list(record, "outcomes", read_outcome)],
        "follow_ups": [FollowUp(**values) for values in read_list(record, "follow_ups", read_follow_up)],
        **read_budget(record["budget"]),
        "last_verified": record["last_verified"],
    }


def translate(translation, choices, language):
    """The rows a translation copied from its original, in the translation's language."""
    record = results(choices, language)
    translate_rows(translation, record["outcomes"], record["follow_ups"], record["budget"]["funding_sources"])


def translate_rows(translation, outcomes, follow_ups, funding_sources):
    """Give the rows a translation copied from its original (same translation keys) the
    texts of `outcomes` and `follow_ups`, in order, and its funding sources."""
    outcome_rows, follow_up_rows = list(translation.outcomes.all()), list(translation.follow_ups.all())
    for row, values in zip(outcome_rows, outcomes, strict=False):
        row.measure, row.unit, row.source_name = values["measure"], values["unit"], values["source_name"]
    for row, values in zip(follow_up_rows, follow_ups, strict=False):
        row.text = values["text"]
    # Given back to the page, so that its next revision holds the translated rows.
    translation.outcomes, translation.follow_ups = outcome_rows, follow_up_rows
    translation.funding_sources = funding_sources
