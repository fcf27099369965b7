"""Open data: search results downloaded as CSV or JSON, and Atom feeds of new cases."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction, Site

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search.query import SearchRequest
from searchweb import exports

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
FILTERS = [
    {},
    {"theme": "metropolitan-ecosystems", "sort": "newest"},
    {"sdg": ["3", "6", "11"], "country": "ES", "year_from": "2019", "year_to": "2020"},
    {"q": "housing", "ui_language": "fr"},
]


def api(client, params):
    response = client.get("/api/v1/search/", {**params, "page_size": 50})
    assert response.status_code == 200, response.content
    return response.json()


def streamed(response):
    """The body of an export, which is streamed as it is read."""
    assert response.status_code == 200, response.content
    return response.getvalue().decode("utf-8")


def download_csv(client, params, language="en"):
    response = client.get(f"/{language}/search/export.csv", params)
    assert response["Content-Disposition"] == 'attachment; filename="cities-exchange-search.csv"'
    return streamed(response)


def download_json(client, params, language="en"):
    response = client.get(f"/{language}/search/export.json", params)
    assert response["Content-Disposition"] == 'attachment; filename="cities-exchange-search.json"'
    return json.loads(streamed(response))


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.opensearch
@pytest.mark.django_db
@pytest.mark.parametrize("params", FILTERS)
def test_both_downloads_hold_exactly_what_the_api_finds_with_the_same_filters(client, catalogue, params):
    expected = api(client, params)
    assert expected["total"] == len(expected["results"])  # one API page holds them all: a fair comparison
    found = [(result["id"], result["title"]) for result in expected["results"]]
    data = download_json(client, params)
    assert data["total"] == expected["total"]
    assert [(result["id"], result["title"]) for result in data["results"]] == found
    rows = csv_rows(download_csv(client, params))
    assert [(int(row["id"]), row["title"]) for row in rows] == found


@pytest.mark.opensearch
@pytest.mark.django_db
def test_the_download_speaks_the_language_of_the_page_it_comes_from(client, catalogue):
    french = download_json(client, {"theme": "metropolitan-futures"}, language="fr")
    assert [result["title"] for result in french["results"]] == ["Coopératives de logements"]
    result = french["results"][0]
    assert result["language"] == "fr"
    assert result["url"] == f"http://testserver{catalogue['housing_fr'].url}"
    assert result["themes"] == ["metropolitan-futures"] and result["sdgs"] == [11]
    assert result["start_year"] == 2019 and result["city"] == "barcelona" and result["country"] == "ES"


@pytest.mark.opensearch
@pytest.mark.django_db
def test_every_result_is_exported_not_only_the_first_page(client, catalogue, monkeypatch):
    monkeypatch.setattr(exports, "EXPORT_PAGE_SIZE", 2)  # five results: three pages
    newest = api(client, {"sort": "newest"})
    data = download_json(client, {"sort": "newest", "page": "2", "page_size": "1"})
    assert data["total"] == 5
    assert [result["id"] for result in data["results"]] == [result["id"] for result in newest["results"]]


@pytest.mark.opensearch
@pytest.mark.django_db
def test_the_csv_has_a_header_quotes_commas_and_joins_lists(client, catalogue, apply_index_changes):
    CaseStudyPageFactory(
        parent=catalogue["housing"].get_parent(),
        title='Parks, plazas and "pocket" squares',
        # A topic no other case has: the practices sharing it would follow (search.query.feedback).
        taxonomy__topic="care",
        taxonomy__sdgs=[11, 15],
    )
    apply_index_changes()
    text = download_csv(client, {"q": "pocket squares"})
    header, first = text.splitlines()[:2]
    assert header == (
        "id,external_id,type,title,language,url,summary,city,country,region,themes,sdgs,start_year,outcomes,budget"
    )
    assert ',"Parks, plazas and ""pocket"" squares",en,http://testserver/en/' in first
    (row,) = csv_rows(text)
    assert row["title"] == 'Parks, plazas and "pocket" squares'
    assert row["sdgs"] == "11; 15" and row["themes"] == "cohesive-metropolises"
    assert row["external_id"] == "" and row["type"] == "case"


@pytest.mark.opensearch
@pytest.mark.django_db
def test_a_title_a_spreadsheet_would_run_as_a_formula_stays_text_in_the_csv(client, catalogue, apply_index_changes):
    title = '=HYPERLINK("http://evil.example","Pocket squares")'
    CaseStudyPageFactory(
        parent=catalogue["housing"].get_parent(), title=title, summary="-1 pocket squares", taxonomy__topic="care"
    )
    apply_index_changes()
    (row,) = csv_rows(download_csv(client, {"q": "pocket squares"}))
    assert row["title"] == f"'{title}" and row["summary"] == "'-1 pocket squares"
    # The JSON is data, not a spreadsheet: exactly as written.
    (result,) = download_json(client, {"q": "pocket squares"})["results"]
    assert result["title"] == title and result["summary"] == "-1 pocket squares"


@pytest.mark.opensearch
@pytest.mark.django_db
def test_every_start_a_spreadsheet_reads_as_a_formula_is_defused(client, catalogue, apply_index_changes):
    # =, + , -, @ start formulas; a leading tab or carriage return hides one from a quick look.
    starts = {"plus": "+", "at": "@", "tab": "\t", "return": "\r"}
    titles = {name: f'{start}HYPERLINK("http://evil.example") pocket squares {name}' for name, start in starts.items()}
    for name, title in titles.items():
        CaseStudyPageFactory(
            parent=catalogue["housing"].get_parent(),
            title=title,
            slug=f"pocket-{name}",
            summary=f"{starts[name]}1",
            taxonomy__topic="care",
        )
    safe = {"title": "Safe pocket squares", "summary": "1 + 1 = 2", "taxonomy__topic": "care"}
    CaseStudyPageFactory(parent=catalogue["housing"].get_parent(), **safe)
    apply_index_changes()
    rows = {row["title"]: row for row in csv_rows(download_csv(client, {"q": "pocket squares"}))}
    for name, title in titles.items():
        assert rows[f"'{title}"]["summary"] == f"'{starts[name]}1", name
    assert rows["Safe pocket squares"]["summary"] == "1 + 1 = 2"  # only a first character counts
    assert len(rows) == len(titles) + 1


@pytest.mark.opensearch
@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"sdg": "18"},
        {"theme": "nonsense"},
        {"page": "0"},
        {"page_size": "500"},
        {"sort": "random"},
        {"ui_language": "de"},
        {"year_from": "soon", "year_to": "-1"},
        {"q": '"unbalanced title:(a OR'},
    ],
)
def test_parameters_it_does_not_understand_are_dropped_as_on_the_search_page(client, catalogue, params):
    total = download_json(client, params)["total"]
    assert len(csv_rows(download_csv(client, params))) == total
    if "q" not in params:
        assert total == 5  # every case: the bad filter was ignored


@pytest.mark.opensearch
@pytest.mark.django_db
def test_with_opensearch_unreachable_the_database_still_exports(client, catalogue, settings, monkeypatch):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    monkeypatch.setattr(exports, "EXPORT_PAGE_SIZE", 2)
    data = download_json(client, {"sdg": ["3"]})
    assert [result["title"] for result in data["results"]] == ["Neighbourhood clinics"]
    assert data["results"][0]["city"] == "bogota"
    everything = csv_rows(download_csv(client, {}))
    assert len(everything) == download_json(client, {})["total"] == 5


def test_the_download_links_carry_the_search_and_its_language():
    request = RequestFactory().get("/fr/search/", {"q": "logement", "sdg": ["3", "11"]})
    with translation.override("fr"):
        html = render_to_string("searchweb/includes/export_links.html", {"search": SearchRequest()}, request=request)
        scoped = render_to_string(
            "searchweb/includes/export_links.html", {"search": SearchRequest(scope={"type": "expert"})}, request=request
        )
    assert 'href="/fr/search/export.csv?q=logement&amp;sdg=3&amp;sdg=11"' in html
    assert 'href="/fr/search/export.json?q=logement&amp;sdg=3&amp;sdg=11"' in html
    # A scoped search would export the whole site: it offers no download.
    assert scoped.strip() == ""


@pytest.fixture
def newsroom(db):
    """Cases published one after the other in two themes, an English one translated to
    French, and cases a feed must not show: a draft and a members-only case."""
    home = HomePage.objects.get(locale__language_code="en")
    index = CaseIndexPageFactory(parent=home)
    make = CaseStudyPageFactory
    cases = {
        "housing": make(parent=index, title="Housing cooperatives", taxonomy__topic="housing"),
        "clinics": make(parent=index, title="Neighbourhood clinics", taxonomy__topic="health"),
        "bikes": make(parent=index, title="Bicycle highways", taxonomy__topic="sustainable-mobility"),
        "draft": make(parent=index, title="Unfinished draft", taxonomy__topic="water"),
        "private": make(parent=index, title="Members only", taxonomy__topic="water"),
    }
    cases["draft"].unpublish()
    PageViewRestriction.objects.create(page=cases["private"], restriction_type="login")
    # Edited after the others were published: it keeps its place, first publication decides.
    cases["housing"].refresh_from_db()  # as an editor would open it, with its publication dates
    cases["housing"].summary = "Affordable homes run by their residents."
    cases["housing"].save_revision().publish()
    index.copy_for_translation(Locale.objects.get(language_code="fr")).save_revision().publish()
    french = cases["housing"].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Coopératives de logements"
    french.save_revision().publish()
    cases["housing_fr"] = french
    return cases


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    # What RFC 4287 requires of a feed and of each of its entries.
    for required in ("atom:id", "atom:title", "atom:updated", "atom:author/atom:name"):
        assert root.findtext(required, namespaces=ATOM), required
    for entry in root.findall("atom:entry", ATOM):
        for required in ("atom:id", "atom:title", "atom:updated"):
            assert entry.findtext(required, namespaces=ATOM), required
        # On the site's address (setup_site), whatever host the request came through.
        assert entry.find("atom:link", ATOM).get("href").startswith(f"{site_root()}/")
    return root


def site_root():
    return Site.objects.get(is_default_site=True).root_url


def entries(root):
    return [
        {
            "title": entry.findtext("atom:title", namespaces=ATOM),
            "link": entry.find("atom:link", ATOM).get("href"),
            "published": entry.findtext("atom:published", namespaces=ATOM),
            "updated": entry.findtext("atom:updated", namespaces=ATOM),
            "summary": entry.findtext("atom:summary", namespaces=ATOM),
            "categories": [category.get("term") for category in entry.findall("atom:category", ATOM)],
        }
        for entry in root.findall("atom:entry", ATOM)
    ]


@pytest.fixture
def indexed_newsroom(newsroom, apply_index_changes):
    apply_index_changes()
    return newsroom


@pytest.mark.opensearch
def test_the_case_feed_lists_published_public_cases_newest_first(client, indexed_newsroom):
    root = feed(client, "/en/search/feed/?type=case")
    assert root.findtext("atom:title", namespaces=ATOM) == "New: Case study"
    items = entries(root)
    assert [item["title"] for item in items] == ["Bicycle highways", "Neighbourhood clinics", "Housing cooperatives"]
    housing = items[-1]
    assert housing["link"] == f"{site_root()}{indexed_newsroom['housing'].url}"
    assert housing["summary"] == indexed_newsroom["housing"].summary
    assert housing["categories"] == ["Metropolitan futures"]
    # Republished later: updated moves on, published stays.
    published = indexed_newsroom["housing"].first_published_at
    assert housing["updated"] > housing["published"] == published.isoformat()


@pytest.mark.opensearch
def test_a_theme_feed_lists_only_that_themes_cases(client, indexed_newsroom):
    root = feed(client, "/en/search/feed/?type=case&theme=cohesive-metropolises")
    assert root.findtext("atom:title", namespaces=ATOM) == "New: Case study · Cohesive metropolises"
    assert [item["title"] for item in entries(root)] == ["Neighbourhood clinics"]
    alternate = next(link for link in root.findall("atom:link", ATOM) if link.get("rel") == "alternate")
    assert alternate.get("href") == f"{site_root()}/en/search/?type=case&theme=cohesive-metropolises&sort=newest"


@pytest.mark.opensearch
def test_a_topic_feed_and_a_feed_of_words_with_filters_list_what_the_search_finds(client, indexed_newsroom):
    topic = feed(client, "/en/search/feed/?topic=sustainable-mobility")
    assert topic.findtext("atom:title", namespaces=ATOM) == "New: Sustainable mobility and logistics"
    assert [item["title"] for item in entries(topic)] == ["Bicycle highways"]
    words = feed(client, "/en/search/feed/?q=clinics&theme=cohesive-metropolises&year_from=2000")
    assert [item["title"] for item in entries(words)] == ["Neighbourhood clinics"]
    assert entries(feed(client, "/en/search/feed/?q=clinics&topic=housing")) == []


@pytest.mark.opensearch
def test_the_first_feed_addresses_lead_to_the_search_feeds(client, indexed_newsroom):
    assert client.get("/en/feeds/cases/").url == "/en/search/feed/?type=case"
    moved = client.get("/fr/feeds/cases/metropolitan-futures/")
    assert (moved.status_code, moved.url) == (301, "/fr/search/feed/?type=case&theme=metropolitan-futures")
    french = entries(feed(client, moved.url))
    assert french[-1]["title"] == "Coopératives de logements"
    assert french[-1]["link"] == f"{site_root()}{indexed_newsroom['housing_fr'].url}"
    assert french[-1]["categories"] == ["Futurs métropolitains"]


@pytest.mark.django_db
def test_a_feed_of_an_unknown_value_names_it_instead_of_failing(client):
    for query, named in (("theme=no-such-theme", "theme"), ("sdg=99", "sdg"), ("year_from=soon", "year_from")):
        response = client.get(f"/en/search/feed/?{query}")
        assert response.status_code == 400, query
        assert response.content.decode().startswith(f"{named}: "), response.content


@pytest.mark.opensearch
def test_the_search_page_offers_the_feed_of_its_own_search(client, indexed_newsroom):
    html = client.get("/en/search/?topic=housing&sort=relevance&page=1&bogus=1").content.decode()
    html = " ".join(html.split())
    advertised = 'type="application/atom+xml" title="Feed of this search" href="/en/search/feed/?topic=housing">'
    assert f'<link rel="alternate" {advertised}' in html
    assert '<a href="/en/search/feed/?topic=housing" type="application/atom+xml">Feed</a>' in html
    assert '<a href="/en/members/saved-searches/new/?topic=housing" class="save-search" rel="nofollow">' in html


@pytest.mark.django_db
def test_a_client_gets_its_exports_a_minute_and_another_client_is_not_affected(client, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # the database answers: no node needed
    settings.EXPORTS_PER_MINUTE = 3
    for url in ("/en/search/export.csv", "/en/search/export.json", "/en/search/export.csv"):
        assert client.get(url, REMOTE_ADDR="192.0.2.1").status_code == 200
    refused = client.get("/en/search/export.json", REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert client.get("/en/search/export.csv", REMOTE_ADDR="192.0.2.2").status_code == 200
