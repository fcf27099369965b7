"""A visitor searches, narrows with facets, removes a chip and opens a result."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def test_search_tick_a_facet_remove_the_chip_and_follow_a_result(
    site_skeleton, catalogue, live_server, page, screenshot_dir
):
    page.goto(f"{live_server.url}/en/search/")
    page.locator("#search-q").fill("cooperatives")
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**/en/search/?q=cooperatives*")
    assert page.get_by_role("status").first.inner_text() == "1 result"
    page.goto(f"{live_server.url}/en/search/")
    assert page.get_by_role("status").first.inner_text() == "5 results"

    # Ticking a facet from the keyboard updates the results in place: focus stays on
    # the checkbox, the URL stays shareable, and the count is announced by the live
    # region that was already there (a screen reader ignores a new one).
    count = page.get_by_role("status").first
    live_region = count.element_handle()
    goal = page.get_by_label("11. Sustainable cities and communities")
    goal.focus()
    page.keyboard.press("Space")
    page.wait_for_url("**/en/search/?*sdg=11*")
    assert count.inner_text() == "2 results"
    assert page.evaluate("document.activeElement.id") == goal.get_attribute("id")
    assert live_region.evaluate("(element) => element.isConnected")
    assert page.locator("script[src$='search.js']").count() == 1
    page.get_by_label("Germany").focus()
    page.keyboard.press("Space")
    page.wait_for_url("**country=DE*")
    assert count.inner_text() == "1 result"
    assert page.get_by_label("Germany").is_checked()

    # Back shows the results of the previous URL again.
    page.go_back()
    expect(count).to_have_text("2 results")
    assert not page.get_by_label("Germany").is_checked()
    page.go_forward()
    expect(count).to_have_text("1 result")

    # Sorting behaves the same way.
    sort = page.get_by_role("combobox", name="Sort by")
    sort.focus()
    sort.select_option("start_year")
    page.wait_for_url("**sort=start_year*")
    assert page.evaluate("document.activeElement.id") == sort.get_attribute("id")
    page.screenshot(path=screenshot_dir / "search-facets.png", full_page=True)

    page.get_by_role("list", name="Active filters").get_by_role("link", name="Germany").click()
    page.wait_for_load_state()
    assert "country=DE" not in page.url
    assert page.get_by_role("status").first.inner_text() == "2 results"

    page.get_by_role("link", name="Housing cooperatives").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Housing cooperatives"


def test_when_the_results_cannot_be_fetched_the_form_loads_them(site_skeleton, catalogue, live_server, page):
    # The script's fetch fails; the page loads that the form itself submits still work.
    page.route(
        "**/en/search/?*",
        lambda route: route.abort() if route.request.resource_type == "fetch" else route.continue_(),
    )
    page.goto(f"{live_server.url}/en/search/")
    page.get_by_label("11. Sustainable cities and communities").check()
    page.wait_for_url("**/en/search/?*sdg=11*")
    expect(page.get_by_role("status").first).to_have_text("2 results")
    # A whole page load, not an update in place.
    assert "sdg=11" in page.evaluate("performance.getEntriesByType('navigation')[0].name")


def test_autocomplete_offers_titles_as_the_visitor_types(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/search/")
    page.locator("#search-q").press_sequentially("bicy", delay=50)
    page.get_by_role("option", name="Bicycle highways").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bicycle highways"


def test_a_keyboard_user_picks_a_suggestion_with_the_arrows(
    site_skeleton, catalogue, live_server, page, screenshot_dir
):
    page.goto(f"{live_server.url}/en/search/")
    box = page.get_by_role("combobox", name="Search")
    box.press_sequentially("bicy", delay=50)
    expect(page.get_by_role("option", name="Bicycle highways")).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    # Escape closes the list and leaves the words; a second Escape clears them.
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox")).to_be_hidden()
    assert box.input_value() == "bicy"
    box.press("Escape")
    assert box.input_value() == ""

    box.press_sequentially("bicy", delay=50)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    # A screen reader follows the option the arrows point at, named by the box.
    active = page.get_by_role("option", name="Bicycle highways", selected=True)
    expect(active).to_be_visible()
    assert box.get_attribute("aria-activedescendant") == active.get_attribute("id")
    page.screenshot(path=screenshot_dir / "search-suggestions.png")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bicycle highways")


def test_without_javascript_the_form_searches_filters_and_sorts(site_skeleton, catalogue, live_server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/search/")
    page.locator("#search-q").fill("cooperatives")
    page.locator("#main").get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/en/search/?q=cooperatives*")
    assert page.get_by_role("status").first.inner_text() == "1 result"

    # Without the script nothing submits by itself: the visitor ticks, then applies.
    page.goto(f"{live_server.url}/en/search/")
    page.get_by_label("11. Sustainable cities and communities").check()
    page.get_by_label("Germany").check()
    page.get_by_role("combobox", name="Sort by").select_option("start_year")
    page.get_by_role("button", name="Show 5 results").click()
    page.wait_for_url("**sdg=11*")
    assert "country=DE" in page.url and "sort=start_year" in page.url
    assert page.get_by_role("status").first.inner_text() == "1 result"

    page.get_by_role("list", name="Active filters").get_by_role("link", name="Germany").click()
    page.wait_for_url(lambda url: "country=DE" not in url)
    assert page.get_by_role("status").first.inner_text() == "2 results"
    assert page.get_by_label("11. Sustainable cities and communities").is_checked()
    context.close()
