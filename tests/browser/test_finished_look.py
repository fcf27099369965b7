"""The platform looks finished on a phone and a laptop, in every language: a hero
picture on the home page and the collections that never hides their words, a footer
leading to the about, contact, privacy and terms pages, result cards whose title,
place and summary read apart, and the articles as cards. Screenshots of each go to
var/screenshots/look-*.png; axe finds no serious or critical violation on any."""

import pytest
from playwright.sync_api import expect

from cases.models import ArticleIndexPage, SpotlightPage
from home.models import InformationPage
from tests.browser.test_accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

WIDTHS = (375, 1280)
FOOTER_LINKS = {
    "en": ["About", "Contact", "Privacy", "Terms of use"],
    "fr": ["À propos", "Contact", "Confidentialité", "Conditions d’utilisation"],
    "es": ["Acerca de", "Contacto", "Privacidad", "Condiciones de uso"],
}
PRIVACY_SLUG = {"en": "privacy", "fr": "confidentialite", "es": "privacidad"}


def pages_to_look_at(language):
    return {
        "home": f"/{language}/",
        "privacy": InformationPage.objects.get(locale__language_code=language, slug=PRIVACY_SLUG[language]).url,
        "spotlight": SpotlightPage.objects.live().filter(locale__language_code=language).first().url,
        "articles": ArticleIndexPage.objects.live().get(locale__language_code=language).url,
        "search": f"/{language}/search/?type=case",
    }


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def hero_beside_or_below_the_words(page, words_selector, picture_selector):
    """The picture never lies under the words: it is beside them or after them."""
    words = page.locator(words_selector).bounding_box()
    picture = page.locator(picture_selector).bounding_box()
    beside = picture["x"] >= words["x"] + words["width"] - 1
    below = picture["y"] >= words["y"] + words["height"] - 1
    return beside or below


def test_the_finished_look_in_every_language(demo, live_server, page, screenshot_dir):
    # Every page is checked before failing, so one run lists every problem.
    problems = []
    for language in ("en", "fr", "es"):
        for name, path in pages_to_look_at(language).items():
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(f"{live_server.url}{path}")
                where = f"{name} ({path}) at {width} px"
                # Lazy pictures load before the full-page screenshot.
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=screenshot_dir / f"look-{language}-{name}-{width}.png", full_page=True)
                if not fits(page):
                    problems.append(f"{where}: wider than the window")
                problems += blocking_violations(page, where)
                footer = page.locator("footer .site-footer__nav a")
                if footer.all_inner_texts() != FOOTER_LINKS[language]:
                    problems.append(f"{where}: footer links {footer.all_inner_texts()}")
    assert not problems, "\n".join(problems)


def test_hero_footer_and_result_cards_up_close(demo, live_server, page):
    """One demo for three stories (loading it is the slow part)."""
    hero_keeps_its_room_and_its_words_readable(live_server, page)
    privacy_page_from_the_footer(live_server, page)
    results_set_the_title_place_and_summary_apart(live_server, page)


def hero_keeps_its_room_and_its_words_readable(live_server, page):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/en/")
        picture = page.locator(".hero__picture img")
        expect(picture).to_be_visible()
        assert picture.get_attribute("alt").startswith("Drawing of a city skyline")
        # Width and height come with the tag: the browser keeps the room before the file arrives.
        assert picture.get_attribute("width") and picture.get_attribute("height")
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
        assert hero_beside_or_below_the_words(page, ".hero__text", ".hero__picture img"), width
    # Side by side on a laptop, one after the other on a phone.
    page.set_viewport_size({"width": 1280, "height": 900})
    text, picture = (page.locator(selector).bounding_box() for selector in (".hero__text", ".hero__picture img"))
    assert picture["x"] > text["x"] + text["width"] - 1


def privacy_page_from_the_footer(live_server, page):
    """A Spanish visitor on a phone finds what the platform keeps, then reads it in French."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/es/")
    page.locator("footer").get_by_role("link", name="Privacidad").click()
    page.wait_for_url("**/es/privacidad/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacidad")
    expect(page.get_by_role("heading", name="Qué guardamos")).to_be_visible()
    # The page names its other languages, which lead to their own texts.
    page.get_by_role("link", name="Français").last.click()
    page.wait_for_url("**/fr/confidentialite/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Confidentialité")


def results_set_the_title_place_and_summary_apart(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/en/search/?type=case")
    first = page.locator("li.result").first
    title, place, snippet = (first.locator(part) for part in (".result__title a", ".result__place", ".result__snippet"))
    for part in (title, place, snippet):
        expect(part).to_be_visible()
    boxes = [part.bounding_box() for part in (title, place, snippet)]
    # One under the other, never run together on one line.
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"] + 1
    assert boxes[1]["y"] + boxes[1]["height"] <= boxes[2]["y"] + 1
