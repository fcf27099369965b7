"""A visitor on a 375 px phone, in each language: the header folds into a menu, the
search shows its results first with the filters in a drawer, long facets fold behind
"Show all" instead of scrolling inside a box, and every control is big enough to tap.
The same pages on a 1280 px laptop keep everything in view."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import CaseStudyPage

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "es")
PHONE = {"width": 375, "height": 800}
LAPTOP = {"width": 1280, "height": 900}
MENU = {"en": "Menu", "fr": "Menu", "es": "Menú"}
FILTERS = {"en": "Filters", "fr": "Filtres", "es": "Filtros"}
SHOW_RESULTS = {"en": r"Show \d+ results?", "fr": r"Afficher \d+ résultats?", "es": r"Mostrar \d+ resultados?"}
SHOW_ALL = {"en": "Show all", "fr": "Tout afficher", "es": "Mostrar todo"}
# Measures a box's placeholder in the box's own font, against the room inside it.
PLACEHOLDER_FITS = """
(input) => {
    const style = getComputedStyle(input, "::placeholder");
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
}
"""
# What a phone visitor taps on the search page (WCAG 2.2 target size, 2.5.8).
TAP_TARGETS = (
    ".facet__value, .facet__more summary, .chip, .badge--link, .filters-toggle, .facets__apply, .facets__close"
)


def smallest_side(locator):
    boxes = [element.bounding_box() for element in locator.all() if element.is_visible()]
    return min(min(box["width"], box["height"]) for box in boxes)


def test_on_a_phone_the_header_folds_into_a_menu(demo, live_server, page, screenshot_dir):
    for language in LANGUAGES:
        header_folds(live_server, page, screenshot_dir, language)


def header_folds(live_server, page, screenshot_dir, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/")
    assert page.locator("#hero-search-q").evaluate(PLACEHOLDER_FITS)
    # The home page has its own search box; a case page has the header's.
    case = CaseStudyPage.objects.live().filter(locale__language_code=language).first()
    page.goto(f"{live_server.url}{case.url}")
    header = page.locator("header.site-header")
    menu = header.get_by_role("button", name=MENU[language])
    search_box = page.locator("#site-search-q")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(search_box).to_be_hidden()
    assert header.bounding_box()["height"] < 80  # 310 px before the header folded
    page.screenshot(path=screenshot_dir / f"phone-header-{language}-375.png")

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(search_box).to_be_visible()
    assert search_box.evaluate(PLACEHOLDER_FITS), search_box.get_attribute("placeholder")
    links = header.locator(".language-switcher a, .account-menu a, .main-menu a")
    assert smallest_side(links) >= 24
    page.screenshot(path=screenshot_dir / f"phone-header-open-{language}-375.png")
    menu.click()
    expect(search_box).to_be_hidden()

    # A laptop has room for everything: no menu button.
    page.set_viewport_size(LAPTOP)
    expect(menu).to_be_hidden()
    expect(search_box).to_be_visible()
    assert search_box.evaluate(PLACEHOLDER_FITS)
    page.screenshot(path=screenshot_dir / f"phone-header-{language}-1280.png")


def test_on_a_phone_the_results_come_first_and_the_filters_open_in_a_drawer(demo, live_server, page, screenshot_dir):
    for language in LANGUAGES:
        filters_in_a_drawer(live_server, page, screenshot_dir, language)
        long_facets_fold(live_server, page, screenshot_dir, language)


def filters_in_a_drawer(live_server, page, screenshot_dir, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/search/")
    count = page.get_by_role("status").first
    total = count.inner_text()
    first_result = page.locator(".result").first
    assert first_result.bounding_box()["y"] < PHONE["height"]  # about 2,750 px down before
    toggle = page.get_by_role("button", name=FILTERS[language], exact=True)
    expect(page.locator("#search-filters")).to_be_hidden()
    page.screenshot(path=screenshot_dir / f"search-drawer-closed-{language}-375.png")

    toggle.click()
    drawer = page.locator("#search-filters")
    expect(drawer).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    # The drawer covers the phone's screen; its "Show N results" button stays in reach.
    assert drawer.bounding_box()["width"] == PHONE["width"]
    apply = drawer.get_by_role("button", name=re.compile(SHOW_RESULTS[language]))
    expect(apply).to_be_in_viewport()
    assert smallest_side(page.locator(TAP_TARGETS)) >= 24
    page.screenshot(path=screenshot_dir / f"search-drawer-open-{language}-375.png")

    # Ticking a box updates the results behind the drawer, which stays open.
    drawer.locator("fieldset").first.locator("input[type=checkbox]").first.check()
    page.wait_for_url("**/search/?*")
    expect(count).not_to_have_text(total)
    expect(drawer).to_be_visible()
    narrowed = count.inner_text()
    number = re.search(r"\d+", narrowed).group()
    expect(apply).to_have_text(re.compile(rf"\b{number}\b"))

    apply.click()
    expect(drawer).to_be_hidden()
    expect(count).to_have_text(narrowed)
    # The button names the active filter; focus goes back to it.
    toggle = page.get_by_role("button", name=re.compile(FILTERS[language]))
    expect(toggle).to_contain_text("1")
    expect(toggle).to_be_focused()
    page.screenshot(path=screenshot_dir / f"search-drawer-applied-{language}-375.png", full_page=True)

    # Escape closes the drawer too.
    toggle.click()
    expect(drawer).to_be_visible()
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()

    # A laptop shows the filters beside the results, without a drawer button.
    page.set_viewport_size(LAPTOP)
    expect(drawer).to_be_visible()
    expect(toggle).to_be_hidden()
    page.screenshot(path=screenshot_dir / f"search-drawer-{language}-1280.png", full_page=True)


def long_facets_fold(live_server, page, screenshot_dir, language):
    """Long facets show their first values and "Show all" rather than a box that
    scrolls inside itself."""
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/search/")
    page.get_by_role("button", name=FILTERS[language], exact=True).click()
    folded = page.locator(".facet:has(.facet__more)").first
    shown = folded.locator(".facet__value:visible")
    assert shown.count() == 6
    # No facet scrolls inside itself, and no label is cut off.
    for facet in page.locator(".facet").all():
        assert facet.evaluate("(box) => box.scrollHeight <= box.clientHeight + 1")
    for label in page.locator(".facet__value:visible").all():
        assert label.evaluate("(box) => box.scrollWidth <= box.clientWidth + 1"), label.inner_text()
    folded.locator("summary").click()
    assert folded.locator(".facet__value:visible").count() > 6
    page.screenshot(path=screenshot_dir / f"search-show-all-{language}-375.png", full_page=True)
    assert SHOW_ALL[language] in page.locator(".facet__show-all").first.text_content()


def test_without_javascript_a_phone_still_shows_the_menu_and_the_filters(demo, live_server, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/search/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.locator("#search-q")).to_be_visible()
    expect(page.locator("#search-filters")).to_be_visible()
    # A long facet unfolds without a script, and a ticked box far down stays in view.
    page.locator(".facet__more summary").first.click()
    page.locator(".facet__more").first.locator("input").last.check()
    page.get_by_role("button", name=re.compile(SHOW_RESULTS["en"])).click()
    page.wait_for_url("**/search/?*")
    expect(page.locator(".facet__more[open] input:checked")).to_have_count(1)
    context.close()
