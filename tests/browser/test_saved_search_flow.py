"""A member saves a search from the search page (signing in on the way), receives its
digest from the test mailbox when the digest command runs, and stops the alerts from
the e-mail's link, without being signed in: in English, French and Spanish, on a
phone and a laptop, with no serious or critical axe violation on the new pages."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from alerts.models import Frequency, SavedSearch
from demo.factories import CaseStudyPageFactory
from tests.browser.test_accessibility import WIDTHS, blocking_violations
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

NEW_CASES = {"en": "Community land trust", "fr": "Fonds foncier solidaire", "es": "Cooperativa de vivienda"}
DONE = {
    "en": "You will receive no more alerts for this search.",
    "fr": "Vous ne recevrez plus d’alertes pour cette recherche.",
    "es": "No recibirá más alertas de esta búsqueda.",
}


def check(page, screenshot_dir, name, problems):
    """Screenshots at both widths, and axe's blocking violations at each."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshot_dir / f"alerts-{name}-{width}.png", full_page=True)
        problems += blocking_violations(page, f"{name} at {width} px")


def test_a_member_saves_a_search_gets_its_digest_and_unsubscribes_from_the_email(
    site_skeleton, catalogue, live_server, page, screenshot_dir, apply_index_changes
):
    base = live_server.url
    problems = []
    for language, title in NEW_CASES.items():
        member = UserFactory(email=f"reader-{language}@example.org")
        EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
        page.context.clear_cookies()
        page.set_viewport_size({"width": 1280, "height": 900})

        # An anonymous visitor asks to save the housing search and signs in on the way.
        page.goto(f"{base}/{language}/search/?topic=housing&sort=relevance")
        check(page, screenshot_dir, f"search-{language}", problems)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.locator(".use-results summary").click()
        page.locator("a.save-search").click()
        page.locator("input[name=login]").fill(member.email)
        page.locator("input[name=password]").fill("a-long-test-password")
        page.locator("input[name=password]").press("Enter")
        page.wait_for_url(re.compile(rf".*/{language}/members/saved-searches/new/\?topic=housing$"))
        check(page, screenshot_dir, f"save-{language}", problems)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.locator("input[name=frequency][value=daily]").check()
        page.locator("form.member-form button[type=submit]").click()
        page.wait_for_url(f"{base}/{language}/members/saved-searches/")
        expect(page.locator(".saved-search h2 a")).to_have_attribute("href", f"/{language}/search/?topic=housing")
        check(page, screenshot_dir, f"list-{language}", problems)
        saved = SavedSearch.objects.get(user=member)
        assert (saved.language, saved.frequency) == (language, Frequency.DAILY)

        # A day later a new housing practice is published and the timer runs the digest.
        SavedSearch.objects.filter(pk=saved.pk).update(checked_at=timezone.now() - timedelta(days=2))
        index = catalogue["housing"].get_parent()
        CaseStudyPageFactory(parent=index, title=title, taxonomy__topic="housing")
        apply_index_changes()
        mail.outbox.clear()
        call_command("send_search_alerts", verbosity=0)
        (email,) = mail.outbox
        assert email.to == [member.email]
        assert title in email.body and "Housing cooperatives" not in email.body

        # The e-mail's link, opened signed out.
        page.context.clear_cookies()
        link = re.search(r"https?://[^/\s]+(/\S+/unsubscribe/\S+/)", email.body).group(1)
        page.goto(f"{base}{link}")
        check(page, screenshot_dir, f"unsubscribe-{language}", problems)
        page.locator("main form button[type=submit]").click()
        expect(page.get_by_text(DONE[language])).to_be_visible()
        check(page, screenshot_dir, f"unsubscribed-{language}", problems)
        saved.refresh_from_db()
        assert saved.frequency == Frequency.NONE
    assert not problems, "\n".join(problems)
