"""A visitor searching on a phone (375x812) sees the first result without scrolling, in
every language: one search box, a bar with Filters and Sort that stays at the top while
the results scroll, and the downloads, feed, charts and alerts folded into one "Use
these results" menu, which opens without a script too."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
# The first result's title starts this far down at most (674 px before the menu and the bar).
FIRST_RESULT_TOP = 400
USE_RESULTS = {"en": "Use these results", "fr": "Utiliser ces résultats", "es": "Usar estos resultados"}
FILTERS = {"en": "Filters", "fr": "Filtres", "es": "Filtros"}
SORT = {"en": "Sort by", "fr": "Trier par", "es": "Ordenar por"}
MENU_LINKS = 5  # CSV, JSON, charts, feed, save the search


def test_on_a_phone_the_first_result_is_in_view_in_every_language(demo, live_server, page, screenshot_dir):
    page.set_viewport_size(PHONE)
    tops = {}
    for language in ("en", "fr", "es"):
        page.goto(f"{live_server.url}/{language}/search/")
        title = page.locator("li.result .result__title").first
        expect(title).to_be_visible()
        tops[language] = title.bounding_box()["y"]
        page.screenshot(path=screenshot_dir / f"phone-search-{language}-375.png")

        # One search box on the page.
        expect(page.locator("input[type=search]:visible")).to_have_count(1)
        assert page.locator("input[type=search]").count() == 1

        # The exports sit behind one menu, which opens on a tap.
        menu = page.locator("details.use-results")
        summary = menu.locator("summary")
        expect(summary).to_have_text(USE_RESULTS[language])
        expect(menu.get_by_role("link").first).to_be_hidden()
        summary.click()
        expect(menu.get_by_role("link")).to_have_count(MENU_LINKS)
        for link in menu.get_by_role("link").all():
            expect(link).to_be_visible()
        summary.click()

        # Scrolled down the list, Filters and Sort are still at the top of the screen.
        page.locator("li.result").nth(5).scroll_into_view_if_needed()
        page.mouse.wheel(0, 600)
        bar = page.locator(".results-bar")
        expect(bar.get_by_role("button", name=FILTERS[language], exact=True)).to_be_in_viewport()
        expect(bar.get_by_label(SORT[language])).to_be_in_viewport()
        assert abs(bar.bounding_box()["y"]) < 1
    assert all(top <= FIRST_RESULT_TOP for top in tops.values()), tops


def test_without_javascript_the_results_menu_still_opens(demo, live_server, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/search/?type=case")
    page.get_by_text(USE_RESULTS["fr"]).click()
    save = page.locator("details.use-results a.save-search")
    expect(save).to_be_visible()
    expect(save).to_have_attribute("href", re.compile(r"/fr/members/saved-searches/new/\?type=case$"))
    context.close()


def test_the_home_page_has_one_search_box(demo, live_server, page):
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 812})
        page.goto(f"{live_server.url}/es/")
        menu = page.get_by_role("button", name="Menú")
        if menu.is_visible():
            menu.click()
        assert page.locator("input[type=search]").count() == 1
        expect(page.locator("#hero-search-q")).to_be_visible()
