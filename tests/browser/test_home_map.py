"""A visitor lands on the home page, finds a city on the map and follows it to that
city's page; the page fits a phone and a laptop alike."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

FOCUS_YELLOW = "rgb(255, 191, 71)"


def test_a_visitor_follows_a_city_on_the_map_to_its_city_page(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/")
    world_map = page.locator("svg.world-map")
    expect(world_map).to_be_visible()
    # Barcelona (housing, in English and French, and water), Bogotá, Berlin and Accra.
    assert world_map.get_by_role("link").count() == 4
    barcelona = world_map.get_by_role("link", name="Barcelona: 2 cases")

    # A keyboard user sees where the focus is: the marker repaints itself.
    barcelona.focus()
    assert barcelona.locator("circle").evaluate("circle => getComputedStyle(circle).fill") == FOCUS_YELLOW

    barcelona.click()
    page.wait_for_url("**/en/cities/barcelona/")
    assert page.get_by_role("heading", level=1).inner_text() == "Barcelona"


def test_on_a_phone_the_markers_are_big_enough_to_tap(site_skeleton, catalogue, live_server, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/en/")
    markers = page.locator("svg.world-map").get_by_role("link")
    smallest = min(min(box["width"], box["height"]) for box in (marker.bounding_box() for marker in markers.all()))
    assert smallest >= 24, smallest  # WCAG 2.2 target size; 11 px without the phone rule
    # Where markers crowd each other, the city list is the way in: 24 px targets at least.
    page.get_by_text("4 cities with cases").click()
    assert all(link.bounding_box()["height"] >= 24 for link in page.locator(".city-list a").all())
    markers.filter(has=page.locator("title", has_text="Accra")).click()
    page.wait_for_url("**/en/cities/accra/")


def test_the_city_list_below_the_map_leads_to_the_same_city_pages(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.get_by_text("4 cities with cases").click()
    page.locator(".city-list").get_by_role("link", name="Berlin: 1 case").click()
    page.wait_for_url("**/en/cities/berlin/")
    assert page.get_by_role("heading", level=1).inner_text() == "Berlin"


def test_the_home_search_box_offers_the_search_pages_autocomplete(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.locator("#hero-search-q").press_sequentially("bicy", delay=50)
    page.get_by_role("option", name="Bicycle highways").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bicycle highways"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_home_page_fits_a_phone_and_a_laptop(site_skeleton, catalogue, live_server, page, screenshot_dir, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/en/")
    assert page.locator("a.goal-tile").count() == 17
    expect(page.locator("svg.world-map")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_dir / f"home-map-{width}.png", full_page=True)
