"""Counts a visitor can trust: every facet value promises as many results as ticking
it shows, and a collection's figures, section cards and own search count the same
practices, in every language."""

import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.utils import translation

from cases.models import SpotlightPage
from search import service
from search.facets import FACETS, SPOTLIGHT_FACETS
from search.query import SearchRequest
from tests.conftest import index_pending_changes

LANGUAGES = ("en", "fr", "es")

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture(scope="module")
def demo(module_data):
    """The demo platform: cases in three languages, some translated, both collections
    with sections holding cases below them and curated from elsewhere."""
    call_command("load_demo", cases=20, experts=4, verbosity=0)
    index_pending_changes()


def search(language, params="", scope=None, facets=FACETS):
    request, _problems = SearchRequest.from_query_dict(
        QueryDict(params), ui_language=language, scope=scope, facets=facets, strict=True
    )
    results = service.search(request)
    assert results.engine == "opensearch"
    return results


def promises_kept(language, params="", scope=None, facets=FACETS):
    """(facet, value, count shown, results after ticking it) for every value shown."""
    shown = search(language, params, scope, facets)
    checked = []
    for parameter, values in shown.facets.items():
        for value in values:
            # Values of one facet combine with OR: in a facet already chosen, a value's
            # count is what choosing it instead shows.
            ticked = QueryDict(params, mutable=True)
            ticked.setlist(parameter, [value["value"]])
            ticked = search(language, ticked.urlencode(), scope, facets)
            checked.append((parameter, value["value"], value["count"], ticked.total))
    return checked


def test_every_facet_value_shows_the_number_of_results_ticking_it_gives(demo):
    for language in LANGUAGES:
        for params in ("", "q=city", "theme=metropolitan-futures"):
            checked = promises_kept(language, params)
            assert {parameter for parameter, *_rest in checked} >= {"language", "type", "theme", "sdg", "region"}
            broken = [(parameter, value, shown, got) for parameter, value, shown, got in checked if shown != got]
            assert broken == [], f"{language} {params!r}: (facet, value, shown, results)"
        # The case the issue names ("French (32)", then 41 results): each language's
        # count is its documents, translations included, and ticking it shows them.
        languages = {value["value"]: value["count"] for value in search(language).facets["language"]}
        assert set(languages) == set(LANGUAGES)
        for code in LANGUAGES:
            results = search(language, f"language={code}&page_size=50")
            assert {hit["language"] for hit in results.hits} == {code}


def test_a_collection_counts_the_same_practices_on_its_page_its_cards_and_its_search(demo, client):
    for language in LANGUAGES:
        for collection in SpotlightPage.objects.filter(locale__language_code=language).live():
            figures = collection.key_figures()
            sections = collection.sections()
            scope = {"spotlights": collection.spotlight.slug}
            scoped = search(language, "page_size=50", scope=scope, facets=SPOTLIGHT_FACETS)
            # Every demo practice of a collection sits in exactly one of its sections.
            assert figures["cases"] == sum(section.case_count for section in sections) == scoped.total > 0
            assert figures["countries"] == len(scoped.facets["country"])
            assert figures["cities"] == len(scoped.facets["city"])
            # Neither the collection's page nor its sections are results of its search.
            assert {hit["type"] for hit in scoped.hits} == {"case"}
            checked = promises_kept(language, "", scope, SPOTLIGHT_FACETS)
            assert [item for item in checked if item[2] != item[3]] == []
            # What the visitor reads: the figure, and each card's count is what its section's page lists.
            html = client.get(collection.url).content.decode()
            assert f"{figures['cases']} " in html.split("spotlight__figures", 1)[1][:200]
            for section in sections:
                listed = client.get(section.url).context["cases"]
                assert listed.paginator.count == section.case_count
    # A practice and its translations are one: the figures are the same in every language.
    for slug in ("covid-19", "care"):
        pages = SpotlightPage.objects.filter(spotlight__slug=slug).live()
        assert len({tuple(page.key_figures().values()) for page in pages}) == 1
    english = SpotlightPage.objects.get(spotlight__slug="covid-19", locale__language_code="en")
    with translation.override("en"):
        assert f"{english.key_figures()['cases']} practices from" in client.get(english.url).content.decode()
