"""A city official opens their city's page from a case, in each language, on a phone
and a laptop: the city's practices, key facts and map, and "cities like mine" to
visit next."""

import pytest
from playwright.sync_api import expect

from cases.models import CaseStudyPage
from tests.browser.test_maps import look

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "fr", "es")
LIKE_MINE = {"en": "Cities like mine", "fr": "Des villes comme la mienne", "es": "Ciudades como la mía"}
KEY_FACTS = {"en": "Key facts", "fr": "Chiffres clés", "es": "Datos clave"}
LOCATION = {"en": "Location", "fr": "Localisation", "es": "Ubicación"}


def test_a_visitor_goes_from_a_case_to_its_city_and_on_to_a_city_like_it(demo, live_server, page, screenshot_dir):
    problems = []
    for language in LANGUAGES:
        case = CaseStudyPage.objects.live().filter(locale__language_code=language).select_related("city").first()
        city = case.city.label_in(language)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{live_server.url}{case.url}")
        page.locator(".case__facts").get_by_role("link", name=city, exact=True).click()
        page.wait_for_url(f"**/{language}/cities/{case.city.slug}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(city)
        expect(page.get_by_role("complementary", name=KEY_FACTS[language])).to_be_visible()
        expect(page.get_by_role("group", name=LOCATION[language])).to_be_visible()
        expect(page.get_by_role("link", name=case.title)).to_be_visible()
        peers = page.get_by_role("region", name=LIKE_MINE[language]).get_by_role("heading", level=3)
        assert peers.count() >= 3
        look(page, screenshot_dir, f"city-{language}", problems)
        peer = peers.first.inner_text()
        peers.first.get_by_role("link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(peer)
    assert not problems, "\n".join(problems)
