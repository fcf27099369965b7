"""An editor creates a case in the Wagtail admin, publishes it, and visitors see it."""

import pytest
from playwright.sync_api import expect

from cases.models import CaseStudyPage
from demo.factories import CaseIndexPageFactory
from home.models import HomePage
from tests.factories import SuperUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def test_an_editor_creates_and_publishes_a_case(site_skeleton, live_server, page, screenshot_dir):
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    SuperUserFactory(username="editor", password="a-long-test-password")

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/cases/casestudypage/{case_index.pk}/")
    page.screenshot(path=screenshot_dir / "admin-new-case.png", full_page=True)
    page.get_by_placeholder("Page title*").fill("Cool roofs for schools")
    page.get_by_role("textbox", name="Summary*").fill("The city painted school roofs white to keep classrooms cool.")
    page.get_by_role("tab", name="Facts and tags").click()
    page.get_by_role("button", name="Choose city").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("textbox", name="Search").fill("Barcelona")
    chooser.get_by_role("link", name="Barcelona, Spain", exact=True).click()
    expect(page.locator("#id_city-title")).to_have_text("Barcelona, Spain")  # the chosen city, with its country
    page.get_by_label("Start year").fill("2021")
    # "Further cities": a search box narrows the long list; the typed-position help is at hand.
    page.get_by_label("Filter the cities").fill("accr")
    further = page.locator("#id_further_cities")
    expect(further.get_by_label("Accra")).to_be_visible()
    expect(further.get_by_label("Barcelona", exact=True)).to_be_hidden()
    further.get_by_label("Accra").check()
    expect(page.get_by_text("The point follows the city.")).to_be_visible()
    # Topics stand under their themes; ticking one is enough, its theme comes along.
    topics = page.locator("#id_topics")
    expect(topics.locator("label").filter(has_text="Metropolitan ecosystems").first).to_be_visible()
    topics.get_by_label("Climate mitigation and adaptation").check()
    expect(page.get_by_text("Independently evaluated: researchers or auditors outside the city")).to_be_visible()
    page.get_by_label("13. Climate action").check()
    page.get_by_label("Evidence level").select_option("monitored")
    page.screenshot(path=screenshot_dir / "admin-new-case-facts.png", full_page=True)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    page.screenshot(path=screenshot_dir / "admin-new-case-published.png", full_page=True)
    page.wait_for_url(f"{live_server.url}/admin/pages/{case_index.pk}/")
    assert "Page 'Cool roofs for schools' created and published." in page.content()

    case = CaseStudyPage.objects.get(title="Cool roofs for schools")
    assert case.live and case.city.slug == "barcelona"
    assert [city.slug for city in case.further_cities.all()] == ["accra"]
    assert [theme.slug for theme in case.themes.all()] == ["metropolitan-ecosystems"]
    assert (float(case.latitude), float(case.longitude)) == (41.3874, 2.1686)
    page.goto(f"{live_server.url}/en/practices/")
    page.get_by_role("link", name="Cool roofs for schools").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cool roofs for schools")
    expect(page.get_by_text("13. Climate action")).to_be_visible()
