"""Maps beyond the home page, in every language, on a phone and a laptop: a case shows
where it happened, the search shows its current results by city (following the
filters), and a spotlight collection shows its practices. Every marker is a named
link, also listed beside the map, and leads to the search narrowed to its city."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from cases.models import CaseStudyPage, SpotlightPage
from tests.browser.test_accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "es")
WIDTHS = (375, 1280)
LOCATION = {"en": "Location", "fr": "Localisation", "es": "Ubicación"}
ON_THE_MAP = {"en": "These results on the map", "fr": "Ces résultats sur la carte", "es": "Estos resultados en el mapa"}


def look(page, screenshot_dir, name, problems):
    """Screenshots at each width, the page fitting the window, and axe's verdict."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        problems += blocking_violations(page, f"{name} at {width} px")


def test_a_case_shows_its_location_and_the_marker_leads_to_the_citys_practices(demo, live_server, page, screenshot_dir):
    problems = []
    for language in LANGUAGES:
        case = CaseStudyPage.objects.live().filter(locale__language_code=language).select_related("city").first()
        page.goto(f"{live_server.url}{case.url}")
        location = page.get_by_role("group", name=LOCATION[language])
        expect(location).to_be_visible()
        # A finer regional outline: the view box spans degrees, not the whole world.
        assert int(location.get_attribute("viewBox").split()[2]) < 3600
        # The case's city, with the neighbouring cities' practices around it.
        marker = location.locator("a.world-map__marker:not(.world-map__marker--neighbour)")
        assert marker.count() == 1
        name = marker.get_attribute("aria-label")
        assert case.city.label_in(language) in name
        # Land, the countries' borders, and the city named on the map itself.
        expect(location.locator(".world-map__borders")).to_have_count(1)
        expect(location.locator("text", has_text=case.city.label_in(language))).to_have_count(1)
        # The same link beside the map, for those who do not use it.
        expect(page.locator(".location-map p").get_by_role("link", name=name)).to_be_visible()
        look(page, screenshot_dir, f"case-map-{language}", problems)
        marker.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"/{language}/search/\?city={case.city.slug}&type=case$"))
        assert page.locator(".result").count() >= 1
    assert not problems, "\n".join(problems)


def test_the_search_map_follows_the_filters_and_its_markers_narrow_the_search(demo, live_server, page, screenshot_dir):
    problems = []
    for language in LANGUAGES:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/{language}/search/?type=case")
        results_map = page.get_by_role("group", name=ON_THE_MAP[language])
        markers = results_map.get_by_role("link")
        every_city = markers.count()
        assert every_city >= 3
        # One link per marker in the list beside the map, with the same names.
        listed = page.locator(".results-map .city-list a")
        assert sorted(listed.all_text_contents()) == sorted(link.get_attribute("aria-label") for link in markers.all())
        look(page, screenshot_dir, f"search-map-{language}", problems)

        # A filter narrows the map as it narrows the results (updated in place).
        page.set_viewport_size({"width": 1280, "height": 900})
        page.locator("input[name=region]").first.check()
        page.wait_for_url("**region=*")
        expect(markers).not_to_have_count(every_city)

        first = markers.first
        count = re.search(r"\d+", first.get_attribute("aria-label").split(":")[-1]).group()
        # Markers are links a keyboard reaches and follows.
        first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**city=*")
        query = parse_qs(urlparse(page.url).query)
        assert query["type"] == ["case"] and len(query["city"]) == 1 and "region" in query
        expect(page.get_by_role("status").first).to_contain_text(count)
    assert not problems, "\n".join(problems)


def test_a_spotlight_collection_maps_its_practices(demo, live_server, page, screenshot_dir):
    problems = []
    for language in LANGUAGES:
        spotlight = SpotlightPage.objects.live().filter(locale__language_code=language).first()
        page.goto(f"{live_server.url}{spotlight.url}")
        markers = page.get_by_role("group", name=ON_THE_MAP[language]).get_by_role("link")
        assert markers.count() >= 1
        look(page, screenshot_dir, f"spotlight-map-{language}", problems)
        markers.first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**city=*")
        # The marker narrows the collection's own search, not the whole site's.
        assert urlparse(page.url).path == urlparse(spotlight.url).path
    assert not problems, "\n".join(problems)
