"""An editor translates a published case into French; the French page waits for a
moderator, and once published while half-translated it says so and marks its
English text with lang="en"."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Locale

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def admin_sign_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/admin/")


def member_of(group, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_french_translation_goes_live_only_when_a_moderator_approves_it(
    site_skeleton, live_server, page, screenshot_dir, index_prefix
):
    base = live_server.url
    french = Locale.objects.get(language_code="fr")
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    index.copy_for_translation(french).save_revision().publish()
    case = CaseStudyPageFactory(
        parent=index, title="Housing cooperatives", summary="Affordable homes run by their residents."
    )
    member_of("Editors", "editor")
    member_of("Moderators", "moderator")

    admin_sign_in(page, base, "editor")
    page.goto(f"{base}/admin/localize/submit/page/{case.pk}/")
    page.get_by_label("French").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    # The editor's sticky footer offers Delete; sending the work on is in sight at the
    # top, and stays there while the editor scrolls down to the last text.
    submit = page.get_by_role("button", name="Submit the translation for review")
    expect(submit).to_be_in_viewport()
    page.screenshot(path=screenshot_dir / "translation-editor.png")
    page.get_by_role("button", name="Translate", exact=True).last.scroll_into_view_if_needed()
    expect(submit).to_be_in_viewport()
    page.screenshot(path=screenshot_dir / "translation-editor-scrolled.png")

    # The title only: the summary stays untranslated.
    title = page.locator("li.incomplete").filter(has_text="Housing cooperatives").first
    title.get_by_role("button", name="Translate").click()
    title.locator("textarea").fill("Coopératives de logements")
    title.get_by_role("button", name="Save").click()
    expect(page.locator("li.complete").filter(has_text="Coopératives de logements")).to_have_count(1)
    submit.click()
    expect(page.get_by_text("“Coopératives de logements” in French waits for a moderator's approval")).to_be_visible()

    french_url = f"{base}/fr/{index.slug}/{case.slug}/"
    response = page.goto(french_url)
    assert response.status == 404  # not live before the review

    page.context.clear_cookies()  # the editor leaves; the moderator signs in
    admin_sign_in(page, base, "moderator")
    page.screenshot(path=screenshot_dir / "translation-awaiting-review.png", full_page=True)
    # Wagtail's "Awaiting your review" panel, whose rows carry the workflow actions.
    actions = page.get_by_role("button", name="Actions")
    row = page.locator("tr").filter(has_text="Coopératives de logements").filter(has=actions)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()

    page.goto(french_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Coopératives de logements")
    expect(page.get_by_role("note")).to_contain_text("Certaines parties de cette page ne sont pas encore traduites")
    summary = page.locator(".case__summary")
    expect(summary).to_have_attribute("lang", "en")
    expect(summary).to_have_text("Affordable homes run by their residents.")
    assert page.locator("h1").get_attribute("lang") is None
    page.screenshot(path=screenshot_dir / "half-translated-case.png", full_page=True)


def test_an_editor_finds_a_case_written_in_french_among_the_cases_to_translate(
    site_skeleton, live_server, page, screenshot_dir
):
    base = live_server.url
    french = Locale.objects.get(language_code="fr")
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    french_index = index.copy_for_translation(french)
    french_index.save_revision().publish()
    CaseStudyPageFactory(parent=french_index, title="Jardins de pluie partagés")
    member_of("Editors", "editor")

    admin_sign_in(page, base, "editor")
    page.goto(f"{base}/admin/reports/translations-to-do/")
    page.get_by_label("Page type").select_option(label="Case studies")
    page.get_by_role("button", name="Filter").click()

    english = page.locator("section").filter(has=page.get_by_role("heading", name=re.compile("^English")))
    row = english.get_by_role("row").filter(has_text="Jardins de pluie partagés")
    expect(row).to_contain_text("French")
    expect(row.get_by_role("link", name="Translate")).to_be_visible()
    expect(page.get_by_role("cell", name="Practices", exact=True)).to_have_count(0)  # an index, not a case
    page.screenshot(path=screenshot_dir / "translations-to-do.png", full_page=True)
