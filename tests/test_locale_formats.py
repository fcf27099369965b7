"""Dates and numbers as each language writes them."""

from datetime import date

import pytest
from wagtail.models import Locale

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import service
from search.query import SearchResults

pytestmark = pytest.mark.django_db


@pytest.mark.opensearch
def test_a_case_page_writes_its_dates_in_the_visitors_language(client):
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    case = CaseStudyPageFactory(parent=index, last_verified=date(2025, 3, 3))
    assert "March 3, 2025" in client.get(case.url).content.decode()
    for language, written in (("fr", "3 mars 2025"), ("es", "3 de marzo de 2025")):
        locale = Locale.objects.get(language_code=language)
        index.copy_for_translation(locale).save_revision().publish()
        translation = case.copy_for_translation(locale)
        translation.save_revision().publish()
        assert written in client.get(translation.url).content.decode()


@pytest.mark.parametrize(("language", "written"), [("en", "12,345 results"), ("fr", "12\xa0345 résultats"),
                                                    ("es", "12\xa0345 resultados")])  # fmt: skip
def test_result_counts_are_grouped_as_the_language_groups_digits(client, monkeypatch, language, written):
    monkeypatch.setattr(service, "search", lambda request: SearchResults(12345, [], {}, None))
    assert written in client.get(f"/{language}/search/").content.decode()
