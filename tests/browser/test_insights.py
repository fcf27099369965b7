"""A visitor turns a search into charts, in each language, on a phone and a laptop:
the practices counted by theme, goal, region, year, evidence and collection, each
bar a link back to the search narrowed to it, and every figure in a table too."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_maps import look

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "es")
AS_CHARTS = {"en": "See these results as charts", "fr": "Voir ces résultats en graphiques",
             "es": "Ver estos resultados en gráficos"}  # fmt: skip
BY_THEME = {"en": "Practices by theme", "fr": "Pratiques par thème", "es": "Prácticas por tema"}
DATA_TABLE = {"en": "Data table", "fr": "Tableau des données", "es": "Tabla de datos"}


def test_a_visitor_sees_a_search_as_charts_and_a_bar_narrows_the_search(demo, live_server, page, screenshot_dir):
    problems = []
    for language in LANGUAGES:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/{language}/search/?type=case")
        page.locator(".use-results summary").click()
        page.get_by_role("link", name=AS_CHARTS[language]).click()
        page.wait_for_url(f"**/{language}/insights/?type=case")
        chart = page.get_by_role("group", name=BY_THEME[language])
        expect(chart).to_be_visible()
        # Every chart has its table, with the chart's name as caption.
        section = page.get_by_role("region", name=BY_THEME[language])
        section.get_by_text(DATA_TABLE[language]).click()
        expect(section.get_by_role("table", name=BY_THEME[language])).to_be_visible()
        look(page, screenshot_dir, f"insights-{language}", problems)
        page.set_viewport_size({"width": 1280, "height": 900})
        bar = chart.get_by_role("link").first
        name = bar.get_attribute("aria-label")
        count = int(re.search(r"(\d+)\D*$", name).group(1))
        bar.locator("rect").click()
        page.wait_for_url(re.compile(rf"/{language}/search/\?.*theme="))
        assert page.locator(".result").count() == min(count, 20)
    # The main menu leads to the insights from any page.
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Insights").click()
    page.wait_for_url("**/en/insights/")
    assert not problems, "\n".join(problems)
