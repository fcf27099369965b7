"""Insights: a visitor sees the practices of a search counted by theme, goal,
region, start year, evidence level and collection; every count is the one the search
shows for the same filters, every bar leads to those practices, every chart comes as
CSV, and nothing a visitor types or an outage breaks the page."""

import csv
import io
import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from insights.charts import CHARTS
from taxonomy.models import City, Spotlight
from tests.test_query_counts import SEARCH_PAGE_QUERIES

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

# Filters a visitor may arrive with from the search page.
FILTERS = [
    {},
    {"sdg": "11"},
    {"theme": "metropolitan-ecosystems", "region": "europe"},
    {"year_from": "2018", "year_to": "2021"},
    {"q": "housing", "evidence": "monitored"},
    {"spotlight": "covid-19", "sdg": ["3", "11"]},
]


@pytest.fixture
def practices(apply_index_changes):
    """Eight practices across themes, goals, regions, years, evidence and a collection,
    one of them translated to French; an expert-free index otherwise."""
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    index.copy_for_translation(Locale.objects.get(language_code="fr")).save_revision().publish()
    covid = [Spotlight.objects.get(slug="covid-19")]
    city = {slug: City.objects.get(slug=slug) for slug in ("barcelona", "bogota", "berlin", "accra")}
    make = CaseStudyPageFactory
    made = [
        make(parent=index, title="Housing cooperatives", taxonomy__topic="housing", taxonomy__sdgs=[11],
             start_year=2016, evidence_level="monitored"),
        make(parent=index, title="Neighbourhood clinics", city=city["bogota"], taxonomy__topic="health",
             taxonomy__sdgs=[3], start_year=2020, evidence_level="evaluated", taxonomy__spotlights=covid),
        make(parent=index, title="Bicycle highways", city=city["berlin"], taxonomy__topic="sustainable-mobility",
             taxonomy__sdgs=[11, 13], start_year=2019),
        make(parent=index, title="Rainwater gardens", taxonomy__topic="water", taxonomy__sdgs=[6], start_year=2019,
             evidence_level="monitored"),
        make(parent=index, title="Street markets", city=city["accra"], taxonomy__topic="public-space",
             taxonomy__sdgs=[11], start_year=2021, taxonomy__spotlights=covid),
        make(parent=index, title="Affordable housing fund", city=city["berlin"], taxonomy__topic="housing",
             taxonomy__sdgs=[1, 11], start_year=2021, evidence_level="independently-evaluated"),
        make(parent=index, title="Mobile testing units", city=city["bogota"], taxonomy__topic="health",
             taxonomy__sdgs=[3, 11], start_year=2020, taxonomy__spotlights=covid),
        make(parent=index, title="River parks", taxonomy__topic="water", taxonomy__sdgs=[6, 11],
             start_year=2023),
    ]  # fmt: skip
    french = made[0].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Coopératives de logements"
    french.save_revision().publish()
    apply_index_changes()
    return made


def charts(client, params, language="en"):
    """{chart key: {label: count}} and the total, as the insights page shows them."""
    response = client.get(f"/{language}/insights/", params)
    assert response.status_code == 200
    shown = {
        item["chart"].key: {bar["label"]: bar["count"] for bar in item["bars"]} for item in response.context["charts"]
    }
    return shown, response.context["results"].total


def api(client, params, **more):
    response = client.get("/api/v1/search/", {**params, "type": "case", **more})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("params", FILTERS)
def test_every_count_is_the_one_the_search_facets_show_for_the_same_filters(client, practices, params):
    shown, total = charts(client, params)
    searched = api(client, params)
    assert total == searched["total"]
    for key in ("theme", "sdg", "region", "evidence", "spotlight"):
        expected = {value["label"]: value["count"] for value in searched["facets"][key] if value["count"]}
        assert shown[key] == expected, key
    # A year's column counts what the search finds from that year to that year.
    for year, count in shown["year"].items():
        narrowed = {**params, "year_from": year, "year_to": year}
        assert api(client, narrowed)["total"] == count, year
    assert sum(shown["year"].values()) == total


def test_the_charts_count_every_practice_once_in_the_visitors_language(client, practices):
    shown, total = charts(client, {}, language="fr")
    assert total == 8
    assert shown["sdg"]["11. Villes et communautés durables"] == 6
    assert shown["spotlight"]["Villes pour la santé mondiale : réponses à la COVID-19"] == 3
    assert shown["evidence"] == {
        "Décrit par la ville": 4, "Suivi par des indicateurs": 2, "Évalué": 1, "Évalué de façon indépendante": 1,
    }  # fmt: skip


def test_years_run_in_order_with_the_empty_years_between_and_the_rest_by_count(client, practices):
    response = client.get("/en/insights/")
    years = next(item for item in response.context["charts"] if item["chart"].key == "year")
    assert [bar["label"] for bar in years["bars"]] == [str(year) for year in range(2016, 2024)]
    assert [bar["count"] for bar in years["bars"]] == [1, 0, 0, 2, 2, 2, 0, 1]
    goals = next(item for item in response.context["charts"] if item["chart"].key == "sdg")
    counts = [bar["count"] for bar in goals["bars"]]
    assert counts == sorted(counts, reverse=True)


def test_evidence_levels_run_in_their_natural_order_not_by_count(client, practices):
    # By count and then name, "Monitored" would come last.
    response = client.get("/en/insights/", {"year_from": "2019"})
    evidence = next(item for item in response.context["charts"] if item["chart"].key == "evidence")
    assert [(bar["label"], bar["count"]) for bar in evidence["bars"]] == [
        ("Described by the city", 4), ("Monitored with indicators", 1),
        ("Evaluated", 1), ("Independently evaluated", 1),
    ]  # fmt: skip


def test_the_page_states_the_search_it_charts_and_a_query_box_changes_it(client, practices):
    page = client.get("/en/insights/", {"q": "housing", "region": "europe", "sdg": ["1", "11"]}).content.decode()
    assert "Charting the practices found for “housing”, with these filters:" in page
    assert re.search(r'<input id="insights-q"\s+type="search"\s+name="q"\s+value="housing"', page)
    # Changing the words keeps the filters.
    for name, value in (("region", "europe"), ("sdg", "1"), ("sdg", "11")):
        assert f'<input type="hidden" name="{name}" value="{value}">' in page
    assert 'type="hidden" name="q"' not in page
    assert "Charting every practice." in client.get("/en/insights/").content.decode()


def test_every_chart_labels_both_axes(client, practices):
    page = client.get("/fr/insights/").content.decode()
    charts = page.split('<section class="insight"')[1:]
    assert len(charts) == len(CHARTS)
    for chart, drawn in zip(CHARTS, charts, strict=True):
        titles = re.findall(r'class="chart__axis-title"[^>]*>([^<]+)<', drawn)
        with translation.override("fr"):
            assert sorted(titles) == sorted([str(chart.heading), "Pratiques"]), chart.key
    years = charts[[chart.key for chart in CHARTS].index("year")]
    # The tallest column's count marks the count axis.
    assert re.search(r'class="chart__tick"[^>]*text-anchor="end"[^>]*>2<', years)


def test_a_bar_leads_to_the_search_listing_as_many_practices_as_it_counts(client, practices):
    response = client.get("/en/insights/", {"region": "europe"})
    for item in response.context["charts"]:
        for bar in item["bars"][:3]:
            if bar["count"]:
                listed = client.get(bar["url"])
                assert listed.status_code == 200
                assert listed.context["results"].total == bar["count"], (item["chart"].key, bar["label"])
    page = response.content.decode()
    assert 'href="/en/search/?region=europe&amp;type=case"' in page
    assert "See these 5 practices in the search" in page


def test_the_page_draws_accessible_charts_with_tables_and_downloads(client, practices):
    page = client.get("/es/insights/", {"sdg": "11"}).content.decode()
    for chart in CHARTS:
        assert f'aria-labelledby="chart-{chart.key}"' in page
        assert f"format=csv&amp;chart={chart.key}" in page
    assert page.count("<table>") == len(CHARTS)
    assert page.count("<caption>") == len(CHARTS)
    # Each bar is a link named by its value and count, in the page's language.
    assert re.search(r'<a class="chart__bar"\s+href="/es/search/\?sdg=11&amp;type=case&amp;theme=[a-z-]+"', page)
    assert 'aria-label="11. Ciudades y comunidades sostenibles: 6 prácticas"' in page
    # Positions are numbers SVG reads, whatever the page's language writes for decimals.
    assert 'width="85.0%"' in page
    assert not re.search(r'"\d+,\d+%?"', page)


@pytest.mark.parametrize("language, heading, label", [("en", "Theme", "Metropolitan ecosystems"),
                                                      ("fr", "Thème", "Écosystèmes métropolitains"),
                                                      ("es", "Tema", "Ecosistemas metropolitanos")])  # fmt: skip
def test_each_chart_downloads_as_csv_in_the_page_language(client, practices, language, heading, label):
    response = client.get(f"/{language}/insights/", {"format": "csv", "chart": "theme", "region": "europe"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cities-exchange-insights-theme.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0][0] == heading
    shown, _total = charts(client, {"region": "europe"}, language)
    assert {row[0]: int(row[1]) for row in rows[1:]} == shown["theme"]
    assert label in shown["theme"]


def test_a_year_chart_downloads_every_year(client, practices):
    years = client.get("/en/insights/", {"format": "csv", "chart": "year"}).content.decode()
    assert years.splitlines()[1:] == [f"{year},{count}" for year, count in
                                      zip(range(2016, 2024), [1, 0, 0, 2, 2, 2, 0, 1], strict=True)]  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [
        {"year_from": "abc"},
        {"year": "abc"},
        {"theme": "no-such-theme"},
        {"sdg": "99"},
        {"sdg": "eleven"},
        {"chart": "nope"},
        {"format": "xml"},
        {"page": "-1", "page_size": "abc"},
        {"q": "x" * 5000},
        {"type": "expert"},
    ],
)
def test_bad_input_is_ignored_and_named_never_an_error(client, practices, params):
    response = client.get("/en/insights/", params)
    assert response.status_code == 200
    assert response.context["results"].total == 8 or "q" in params


def test_an_unknown_filter_value_is_named_on_the_page(client, practices):
    page = client.get("/en/insights/", {"theme": "no-such-theme", "year_from": "abc"}).content.decode()
    assert "Some filters were not understood and were ignored: theme, year_from." in page


def test_a_csv_of_an_unknown_chart_is_refused_with_the_charts_there_are(client, practices):
    for chart in ("nope", ""):
        response = client.get("/en/insights/", {"format": "csv", "chart": chart})
        assert response.status_code == 400
        assert "theme, sdg, region, year, evidence, spotlight" in response.content.decode()


def test_with_opensearch_unreachable_the_page_says_so_and_still_links_the_search(client, practices, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    response = client.get("/en/insights/", {"sdg": "11"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The search engine is unavailable, and the charts need it" in page
    assert 'href="/en/search/?sdg=11&amp;type=case"' in page
    csv_response = client.get("/en/insights/", {"format": "csv", "chart": "sdg"})
    assert csv_response.status_code == 503


def test_anonymous_visitors_get_the_page_from_the_page_cache(client, practices):
    assert client.get("/en/insights/", {"sdg": "11"})["X-Cache"] == "miss"
    assert client.get("/en/insights/", {"sdg": "11"})["X-Cache"] == "hit"


def test_the_main_menu_and_the_search_page_lead_to_the_insights(client, practices):
    page = client.get("/fr/search/", {"sdg": "11"}).content.decode()
    assert 'href="/fr/insights/?sdg=11">Voir ces résultats en graphiques</a>' in page
    assert '<a href="/fr/insights/">Analyses</a>' in page


def test_the_page_costs_as_few_queries_as_the_search_however_many_practices_it_counts(
    client, practices, apply_index_changes, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_VIEWS = ()

    def queries():
        client.get("/en/insights/", {"sdg": "11"})  # the first visit fills the process caches
        with django_assert_max_num_queries(SEARCH_PAGE_QUERIES) as captured:
            assert client.get("/en/insights/", {"sdg": "11"}).status_code == 200
        return len(captured)

    eight = queries()
    for year in (2010, 2012, 2014):
        CaseStudyPageFactory(parent=practices[0].get_parent(), start_year=year, evidence_level="evaluated")
    apply_index_changes()
    assert queries() == eight
