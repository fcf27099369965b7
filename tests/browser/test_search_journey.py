"""A visitor searches, narrows with facets, removes a chip and opens a result."""

import pytest

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

    # Ticking a facet submits the form by itself and keeps the URL shareable.
    page.get_by_label("11. Sustainable cities and communities").check()
    page.wait_for_url("**/en/search/?*sdg=11*")
    assert page.get_by_role("status").first.inner_text() == "2 results"
    page.get_by_label("Germany").check()
    page.wait_for_url("**country=DE*")
    assert page.get_by_role("status").first.inner_text() == "1 result"
    page.screenshot(path=screenshot_dir / "search-facets.png", full_page=True)

    page.get_by_role("list", name="Active filters").get_by_role("link", name="Germany").click()
    page.wait_for_load_state()
    assert "country=DE" not in page.url
    assert page.get_by_role("status").first.inner_text() == "2 results"

    page.get_by_role("link", name="Housing cooperatives").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Housing cooperatives"


def test_autocomplete_offers_titles_as_the_visitor_types(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/search/")
    page.locator("#search-q").press_sequentially("bicy", delay=50)
    suggestion = page.get_by_role("option").get_by_role("link", name="Bicycle highways")
    suggestion.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bicycle highways"


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
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**sdg=11*")
    assert "country=DE" in page.url and "sort=start_year" in page.url
    assert page.get_by_role("status").first.inner_text() == "1 result"

    page.get_by_role("list", name="Active filters").get_by_role("link", name="Germany").click()
    page.wait_for_url(lambda url: "country=DE" not in url)
    assert page.get_by_role("status").first.inner_text() == "2 results"
    assert page.get_by_label("11. Sustainable cities and communities").is_checked()
    context.close()
