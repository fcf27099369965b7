"""Anonymous visitors get public pages from the shared cache, and never a page that
has stopped being true: every publish, unpublish, move, delete, view restriction,
vocabulary rename and translation shows at once. Members and editors always get
fresh pages, and no cached page carries anybody's cookie or CSRF token."""

import gzip
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from cases.models import SpotlightPage
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, sync
from taxonomy.models import City, Spotlight
from tests.factories import UserFactory

# Case pages show similar cases from the index.
pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]


@pytest.fixture(autouse=True)
def patient_search(settings):
    """A read that times out on a busy test machine is answered by the database, and
    such a page is rightly never stored."""
    settings.OPENSEARCH_SEARCH_TIMEOUT = 30


@pytest.fixture
def case_index(index_prefix):
    index.ensure_index()
    return CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))


@pytest.fixture
def case(case_index):
    return CaseStudyPageFactory(parent=case_index, title="Cool roofs", city=City.objects.get(slug="accra"))


def visit(url, client=None):
    return (client or Client()).get(url)


def cached_twice(url):
    """The page as a second anonymous visitor gets it, from the cache."""
    assert visit(url)["X-Cache"] == "miss"
    response = visit(url)
    assert response["X-Cache"] == "hit"
    return response


def test_a_second_anonymous_visitor_gets_the_page_from_the_cache_in_their_language(case):
    english = cached_twice(case.url)
    assert "Cool roofs" in english.text
    french_home = cached_twice("/fr/")
    assert french_home["Content-Language"] == "fr"
    assert english["Content-Language"] == "en"
    # Every response still gets its own security headers.
    assert "script-src 'self'" in english["Content-Security-Policy"]


def test_a_browser_gets_the_cached_page_compressed_and_other_clients_get_it_plain(case):
    fresh = visit(case.url)
    browser = Client(headers={"Accept-Encoding": "gzip, deflate, br"}).get(case.url)
    assert browser["X-Cache"] == "hit"
    assert browser["Content-Encoding"] == "gzip"
    assert int(browser["Content-Length"]) == len(browser.content) < len(fresh.content)
    assert gzip.decompress(browser.content) == fresh.content
    assert "Accept-Encoding" in browser["Vary"]
    plain = visit(case.url)
    assert plain["X-Cache"] == "hit"
    assert not plain.has_header("Content-Encoding")
    assert plain.content == fresh.content


def test_publishing_an_edit_shows_at_once(case):
    cached_twice(case.url)
    case.title = "Cool and white roofs"
    case.save_revision().publish()
    response = visit(case.url)
    assert response["X-Cache"] == "miss"
    assert "Cool and white roofs" in response.text


def test_saving_a_draft_throws_nothing_away(case):
    cached_twice(case.url)
    cached_twice("/en/")
    case.title = "Not yet"
    case.save_revision()
    for url in (case.url, "/en/"):
        response = visit(url)
        assert response["X-Cache"] == "hit"
        assert "Not yet" not in response.text


def test_unpublishing_and_deleting_take_the_page_away_at_once(case_index):
    hidden, deleted = (CaseStudyPageFactory(parent=case_index) for _ in range(2))
    cached_twice(hidden.url)
    cached_twice(deleted.url)
    cached_twice(case_index.url)
    hidden.unpublish()
    url = deleted.url
    deleted.delete()
    assert visit(hidden.url).status_code == 404
    assert visit(url).status_code == 404
    listing = visit(case_index.url)
    assert hidden.title not in listing.text and deleted.title not in listing.text


def test_moving_a_page_shows_it_at_its_new_place(case, case_index):
    other_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"), title="Others")
    old_url = case.url
    cached_twice(old_url)
    cached_twice(other_index.url)
    case.move(other_index, pos="last-child")
    case.refresh_from_db()
    moved = visit(old_url)  # Wagtail's automatic redirect, not the cached page
    assert (moved.status_code, moved["Location"]) == (301, case.url)
    assert "Cool roofs" in visit(other_index.url).text
    assert visit(case.url).status_code == 200


def test_a_view_restriction_hides_a_cached_page_at_once(case, case_index):
    cached_twice(case.url)
    restriction = PageViewRestriction.objects.create(page=case_index, restriction_type="login")
    assert visit(case.url).status_code == 302
    restriction.delete()
    assert "Cool roofs" in visit(case.url).text


def test_renaming_a_city_refreshes_every_page_that_shows_it(case):
    cached_twice(case.url)
    accra = City.objects.get(slug="accra")
    accra.labels["en"] = "Greater Accra"
    accra.save()
    response = visit(case.url)
    assert response["X-Cache"] == "miss"
    assert "Greater Accra" in response.text


def test_publishing_a_translation_links_it_from_the_cached_original(case, case_index):
    french = Locale.objects.get(language_code="fr")
    case_index.copy_for_translation(french).save_revision().publish()
    cached_twice(case.url)
    translation = case.copy_for_translation(french)
    translation.title = "Toits frais"
    translation.save_revision().publish()
    response = visit(case.url)
    assert response["X-Cache"] == "miss"
    assert f'href="{translation.url}"' in response.text


def test_members_and_editors_always_get_fresh_pages_that_are_never_stored(case):
    cached_twice(case.url)
    for user in (UserFactory(), UserFactory(is_staff=True, is_superuser=True)):
        member = Client()
        member.force_login(user)
        response = member.get(case.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert 'name="csrfmiddlewaretoken"' in response.text  # the sign-out form
    # What the members saw was not stored for anonymous visitors.
    response = visit(case.url)
    assert response["X-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in response.text


def test_a_cached_page_carries_no_cookie_and_a_visitor_with_a_session_gets_a_fresh_one(case):
    response = cached_twice(case.url)
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "Cookie" in response["Vary"]
    with_session = Client()
    with_session.cookies["sessionid"] = "left-over"
    assert "X-Cache" not in with_session.get(case.url)


def test_a_page_that_hands_out_a_csrf_token_is_never_stored(case):
    PageViewRestriction.objects.create(page=case, restriction_type="password", password="secret")
    for _ in range(2):
        response = visit(case.url)
        assert response.status_code == 200
        assert response["X-Cache"] == "miss"
        assert "csrftoken" in response.cookies


def test_posts_are_never_answered_from_the_cache(case):
    cached_twice(case.url)
    assert "X-Cache" not in Client().post(case.url)


def test_a_cached_search_shows_a_new_case_once_the_worker_has_indexed_it(case_index, apply_index_changes):
    CaseStudyPageFactory(parent=case_index, title="Rainwater gardens")
    apply_index_changes()
    url = "/en/search/?q=gardens"
    assert "Rainwater gardens" in cached_twice(url).text
    assert visit("/en/search/?q=roofs")["X-Cache"] == "miss"  # its own query string, its own entry
    CaseStudyPageFactory(parent=case_index, title="Rooftop gardens")
    # Published, not yet indexed: the cached results are still what the index holds.
    assert "Rooftop gardens" not in visit(url).text
    sync.drain()
    response = visit(url)
    assert response["X-Cache"] == "miss"
    assert "Rooftop gardens" in response.text


def test_a_search_answered_by_the_database_is_not_stored(case, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    for _ in range(2):
        response = visit("/en/search/?q=roofs")
        assert response.status_code == 200
        assert response["X-Cache"] == "miss"


def test_after_a_publish_the_worker_renders_the_home_pages_and_collections_before_any_visitor(case_index, settings):
    """The publish throws every cached page away; the index worker, having applied it,
    renders the most visited pages again, so the first visitor of the home page or a
    collection is served from the cache, with the new case."""
    settings.PUBLIC_BASE_URL = "http://testserver"
    care = Spotlight.objects.get(slug="care")
    spotlight = SpotlightPage(title="Local Care Systems", slug="care", spotlight=care, intro="Care.")
    HomePage.objects.get(locale__language_code="en").add_child(instance=spotlight)
    spotlight.save_revision().publish()
    sync.drain()
    cached_twice("/en/")
    CaseStudyPageFactory(parent=case_index, title="Rain gardens for the market square")

    out = StringIO()
    call_command("search_index", "drain", stdout=out)

    assert "warmed" in out.getvalue()
    for path in ("/en/", "/fr/", "/es/", spotlight.url):
        assert visit(path)["X-Cache"] == "hit", path
    assert "Rain gardens for the market square" in visit("/en/").text
