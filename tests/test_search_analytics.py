"""Search analytics for editors: every search is counted per day, with its words,
language, filters and result count, and every opened result with its rank, without
anything that says who searched. Editors read the report in the admin, turn a query
that found nothing into synonyms in one step, and old counts are deleted."""

import html
import logging
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.db.models import DateTimeField
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from search.models import SynonymSet
from searchstats.models import DailySearch, ResultOpen
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

VISITOR_ADDRESS = "203.0.113.77"
VISITOR_AGENT = "Mozilla/5.0 (X11; Linux) QuiteUniqueBrowser/7.7"


def search_page(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response


def result_links(response):
    """The search's token and, in order, (rank, page id) of each result on the page."""
    text = response.content.decode()
    token = html.unescape(re.search(r'data-search-record="([^"]+)"', text).group(1))
    links = [(int(rank), int(page)) for rank, page in re.findall(r'data-rank="(\d+)" data-page="(\d+)"', text)]
    return token, links


def open_result(client, token, rank, page):
    return client.post(reverse("result_opened"), {"search": token, "rank": rank, "page": page})


def row(**key):
    return DailySearch.objects.get(**key)


@pytest.mark.opensearch
def test_a_search_is_recorded_with_its_words_language_filters_and_count(shared_catalogue):
    response = search_page(Client(), "fr", q="  COOPÉRATIVES   de logements ", sdg="11", year_from="1990")
    assert "Coopératives de logements" in response.content.decode()
    # Nothing of the record reaches the visitor.
    assert not response.has_header("X-Search-Record")
    search = row(words="coopératives de logements")
    assert (search.language, search.source, search.engine) == ("fr", "search", "opensearch")
    assert search.filters == "sdg=11&year_from=1990"
    assert (search.day, search.searches, search.results, search.opens) == (timezone.localdate(), 1, 1, 0)
    # A second visitor gets the page from the cache: it counts all the same.
    again = search_page(Client(), "fr", q="  COOPÉRATIVES   de logements ", sdg="11", year_from="1990")
    assert again["X-Cache"] == "hit" and not again.has_header("X-Search-Record")
    assert row(words="coopératives de logements").searches == 2
    # Turning to page 2 is not searching again.
    search_page(Client(), "fr", q="coopératives de logements", sdg="11", year_from="1990", page="2")
    assert row(words="coopératives de logements").searches == 2


@pytest.mark.opensearch
def test_directory_and_api_searches_say_where_they_come_from(shared_catalogue, client):
    assert client.get("/api/v1/search/", {"q": "bicycle", "ui_language": "es"}).status_code == 200
    api = row(words="bicycle")
    assert (api.source, api.language, api.results) == ("api", "es", 1)
    assert client.get("/es/expertos/", {"q": "movilidad"}).status_code == 200
    directory = row(words="movilidad")
    assert (directory.source, directory.language, directory.filters) == ("directory", "es", "type=expert")
    # Browsing by filters alone is not a search (crawlers follow the facet links).
    search_page(client, "en", sdg="3")
    assert not DailySearch.objects.filter(words="").exists()


@pytest.mark.opensearch
def test_an_opened_result_is_recorded_with_its_rank(shared_catalogue):
    visitor = Client()
    token, links = result_links(search_page(visitor, "en", q="housing cooperatives bicycle highways"))
    assert [rank for rank, _page in links] == list(range(1, len(links) + 1))
    rank, page = links[1]
    assert open_result(visitor, token, rank, page).status_code == 204
    assert open_result(visitor, token, rank, page).status_code == 204
    search = row(words="housing cooperatives bicycle highways")
    assert (search.searches, search.opens) == (1, 2)
    opened = ResultOpen.objects.get(search=search)
    assert (opened.rank, opened.page_id, opened.opens) == (2, page, 2)
    # A token the site did not sign, or a rank past the results, counts nothing.
    assert open_result(visitor, token[:-2] + "xx", rank, page).status_code == 400
    assert open_result(visitor, token, 99, page).status_code == 400
    assert open_result(visitor, token, "2²", page).status_code == 400
    assert ResultOpen.objects.get(search=search).opens == 2


@pytest.mark.opensearch
def test_no_address_account_session_or_browser_reaches_the_tables(shared_catalogue):
    member = UserFactory(username="amelia.searcher", email="amelia@example.org")
    visitor = Client(REMOTE_ADDR=VISITOR_ADDRESS, HTTP_USER_AGENT=VISITOR_AGENT)
    visitor.force_login(member)
    session_key = visitor.session.session_key
    token, links = result_links(search_page(visitor, "en", q="Rainwater gardens", sdg="6"))
    search_page(visitor, "en", q="write to jane.doe@example.org or +33 6 12 34 56 78")
    assert visitor.get("/api/v1/search/", {"q": "clinics"}).status_code == 200
    assert open_result(visitor, token, *links[0]).status_code == 204
    searches, opened = list(DailySearch.objects.values()), list(ResultOpen.objects.values())
    assert {search["words"] for search in searches} == {
        "rainwater gardens",
        "write to [email] or [number]",
        "clinics",
    }
    assert len(opened) == 1
    personal = [VISITOR_ADDRESS, VISITOR_AGENT, "QuiteUniqueBrowser", session_key, member.username, member.email,
                "jane.doe", "12 34 56"]  # fmt: skip
    for stored in searches + opened:
        for column, value in stored.items():
            assert not any(secret in str(value) for secret in personal), (column, value)
    # Nothing finer than a day, and no column that could point at a person.
    for model in (DailySearch, ResultOpen):
        columns = {field.name for field in model._meta.concrete_fields}
        assert not {"user", "ip", "address", "session", "user_agent", "created_at"} & columns
        assert not any(isinstance(field, DateTimeField) for field in model._meta.concrete_fields)


@pytest.mark.opensearch
def test_a_failing_write_never_breaks_the_search(shared_catalogue, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr("searchstats.recording.upsert", broken)
    with caplog.at_level(logging.WARNING, logger="searchstats.recording"):
        response = search_page(Client(), "en", q="clinics")
    assert "Neighbourhood clinics" in response.content.decode()
    assert "A search could not be recorded" in caplog.text


def daily(days_ago, words="housing", language="en", **fields):
    return DailySearch.objects.create(
        day=timezone.localdate() - timedelta(days=days_ago),
        source=fields.pop("source", "search"),
        language=language,
        engine="opensearch",
        words=words,
        **{"searches": 1, "results": 5, **fields},
    )


def test_counts_older_than_the_retention_are_deleted(settings):
    settings.SEARCH_ANALYTICS_DAYS = 90
    kept, expired = daily(90, words="kept"), daily(91, words="expired")
    ResultOpen.objects.create(search=expired, rank=1, page_id=3, opens=1)
    call_command("prune_search_stats", verbosity=0)
    assert list(DailySearch.objects.values_list("words", flat=True)) == [kept.words]
    assert not ResultOpen.objects.exists()


@pytest.mark.opensearch
def test_no_retention_records_nothing_and_deletes_everything(shared_catalogue, settings):
    settings.SEARCH_ANALYTICS_DAYS = 0
    daily(0, words="earlier")
    assert 'data-search-record="' not in search_page(Client(), "en", q="clinics").content.decode()
    assert list(DailySearch.objects.values_list("words", flat=True)) == ["earlier"]
    call_command("prune_search_stats", verbosity=0)
    assert not DailySearch.objects.exists()


@pytest.fixture
def editor_client(client):
    client.force_login(SuperUserFactory())
    return client


def report(client, **params):
    response = client.get(reverse("search_analytics"), params)
    assert response.status_code == 200
    return response.content.decode()


def section(page, heading_id):
    return page.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_the_report_lists_searches_without_results_per_language_and_period(editor_client):
    daily(1, words="xylophone", language="fr", results=0, searches=4)
    daily(2, words="marimba", language="en", results=0)
    daily(20, words="glockenspiel", language="fr", results=0)
    daily(1, words="logement", language="fr", results=2, searches=7, opens=3)
    daily(1, words="vivienda", language="es", results=9, searches=2)
    daily(1, words="from a script", language="fr", results=0, source="api")
    french_week = report(editor_client, language="fr", days="7")
    zero = section(french_week, "searches-zero")
    assert "xylophone" in zero and "marimba" not in zero and "glockenspiel" not in zero
    assert "from a script" not in zero
    assert "logement" in section(french_week, "searches-low")
    assert "logement" in section(french_week, "searches-top") and "vivienda" not in french_week
    month = report(editor_client, days="30")
    assert all(words in section(month, "searches-zero") for words in ("xylophone", "marimba", "glockenspiel"))
    # Found, searched, and nobody opened any result.
    assert "vivienda" in section(month, "searches-unopened") and "logement" not in section(month, "searches-unopened")
    assert "from a script" in section(report(editor_client, days="30", source="api"), "searches-zero")


def test_an_editor_makes_synonyms_from_a_query_that_found_nothing_in_one_step(
    editor_client, django_capture_on_commit_callbacks
):
    daily(1, words="zone de gratuité", language="fr", results=0)
    zero = section(report(editor_client), "searches-zero")
    add = html.unescape(re.search(r'href="([^"]+)"[^>]*>Add synonyms<', zero).group(1))
    form = editor_client.get(add)
    assert form.status_code == 200
    assert re.search(r"<textarea[^>]*>\s*zone de gratuité\n", form.content.decode())
    with django_capture_on_commit_callbacks(execute=False):
        saved = editor_client.post(add, {"terms": "zone de gratuité\nfree shop"})
    assert saved.status_code == 302
    assert SynonymSet.objects.get(terms__startswith="zone de gratuité").term_list() == ["zone de gratuité", "free shop"]


def test_a_daily_timer_deletes_the_expired_analytics_on_a_server(settings):
    systemd = settings.BASE_DIR / "deploy" / "systemd"
    service = (systemd / "cities-exchange-searchstats.service").read_text()
    assert "ExecStart=/srv/cities-exchange/.venv/bin/python manage.py prune_search_stats --verbosity 0" in service
    timer = (systemd / "cities-exchange-searchstats.timer").read_text()
    assert "OnCalendar=daily" in timer and "Persistent=true" in timer
