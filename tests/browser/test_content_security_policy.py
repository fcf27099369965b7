"""The Content-Security-Policy blocks nothing the site needs: a visitor, a member and
an editor go through every kind of page, with its scripts at work, and the browser
refuses nothing. The `page` fixture (conftest.py) fails on any refusal; the first
test shows that it would."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from cases.models import CaseStudyPage, SpotlightPage, SpotlightSectionPage
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from tests.factories import SuperUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def first_url(model):
    return model.objects.live().filter(locale__language_code="en").first().url


def sign_in_as(page, user, base_url):
    """The browser takes the session of a user signed in by Django's test client."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])


def test_an_injected_inline_script_is_refused_and_reported(site_skeleton, live_server, page, csp_violations):
    page.goto(f"{live_server.url}/en/")
    # The browser logs its refusal, then fires the event the fixture reports.
    with page.expect_console_message(lambda message: message.text.startswith("CSP violation:")):
        page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "document.body.dataset.injected = 'ran'";
            document.body.append(script);
        }""")
    assert page.locator("body").get_attribute("data-injected") is None
    assert any("script-src" in violation for violation in csp_violations), csp_violations
    # Seen, as it should be: the fixture's own check would otherwise fail this test.
    csp_violations.clear()


def test_a_visitor_uses_every_kind_of_page_and_its_scripts(demo, live_server, page):
    base = live_server.url
    page.goto(f"{base}/en/")
    # The home page's map is drawn by the server; its markers are links to the search.
    expect(page.locator(".world-map__marker").first).to_be_visible()
    # The home search box offers the search page's suggestions.
    page.locator("#hero-search-q").press_sequentially("hous", delay=50)
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()

    page.goto(f"{base}/en/search/")
    count = page.get_by_role("status").first
    before = count.inner_text()
    # A filter swaps the results in place (fetch + DOMParser), without a page load.
    page.locator("input[type=checkbox][name=sdg]").first.check()
    page.wait_for_url("**/en/search/?*sdg=*")
    expect(count).not_to_have_text(before)
    assert "sdg=" not in page.evaluate("performance.getEntriesByType('navigation')[0].name")

    for model in (CaseStudyPage, SpotlightPage, SpotlightSectionPage, ExpertDirectoryPage, ExpertProfilePage):
        page.goto(f"{base}{first_url(model)}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(f"{base}/en/accounts/login/")
    page.goto(f"{base}/en/accounts/signup/")
    page.goto(f"{base}/api/v1/search/?q=housing")


def test_a_member_goes_through_the_member_area(demo, live_server, page):
    sign_in_as(page, UserFactory(), live_server.url)
    for path in ("/en/members/", "/en/members/profile/", "/en/members/inbox/", "/en/members/contributions/new/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_an_editor_works_in_the_admin_and_sees_the_userbar(demo, live_server, page):
    sign_in_as(page, SuperUserFactory(), live_server.url)
    case = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    page.goto(f"{live_server.url}/admin/")
    # The case editor: inline panels and date pickers, Wagtail's inline scripts.
    page.goto(f"{live_server.url}/admin/pages/{case.pk}/edit/")
    page.get_by_role("tab", name="Facts and tags").click()
    page.goto(f"{live_server.url}/admin/images/")
    # The public page with Wagtail's userbar for the signed-in editor.
    page.goto(f"{live_server.url}{case.url}")
    expect(page.locator("wagtail-userbar")).to_be_attached()
