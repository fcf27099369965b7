"""A visitor opens the platform in a real browser, in each language."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("language", "search_label"), [("en", "Search"), ("fr", "Rechercher"), ("es", "Buscar")])
def test_home_page_opens_in_each_language(site_skeleton, live_server, page, screenshot_dir, language, search_label):
    page.goto(f"{live_server.url}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("heading", level=1).inner_text() == "Cities Exchange"
    header_search = page.get_by_role("search").first
    expect(header_search).to_be_visible()
    assert header_search.get_by_role("button").inner_text() == search_label
    # The page fits the window: nothing overflows sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_dir / f"home-{language}.png", full_page=True)


def test_a_visitor_switches_language(site_skeleton, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_keyboard_users_can_skip_to_the_content(site_skeleton, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    expect(skip).to_be_visible()
