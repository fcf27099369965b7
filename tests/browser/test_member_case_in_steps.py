"""A member writes a case in steps with a PDF, leaves it as a draft, comes back to
the step they left from "My contributions" and sends it; a moderator approves it and
the approval e-mail brings the member back to their member area."""

import re
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from cases.models import CaseStudyPage
from demo.factories import CaseIndexPageFactory
from home.models import HomePage
from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_member_journey import approve_in_admin, sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

PDF = {"name": "evaluation.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}


def test_a_member_writes_a_case_in_steps_and_resumes_the_draft(site_skeleton, live_server, page, screenshot_dir):
    base = live_server.url
    CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    member = UserFactory(email="amina@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    UserFactory(username="moderator", email="moderator@example.org").groups.add(Group.objects.get(name="Moderators"))

    sign_in(page, base, "amina@example.org", "a-long-test-password")
    page.goto(f"{base}/en/members/contributions/new/")
    expect(page.get_by_role("heading", name="Step 1 of 4: The initiative")).to_be_visible()
    page.get_by_label("Title of the practice").fill("Neighbourhood care centres")
    page.get_by_label("Summary").fill("Care centres open to every family in the neighbourhood.")
    page.get_by_label("City:", exact=True).select_option(label="Barcelona")
    problems = blocking_violations(page, "step 1")
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Step 2 of 4: Themes and topics")).to_be_visible()
    page.get_by_label("Cohesive metropolises").check()
    page.get_by_label("5. Gender equality").check()
    page.get_by_role("button", name="Save draft").click()

    # The member leaves; the draft waits, unreviewed, on "My contributions".
    expect(page.get_by_text("Your draft is saved")).to_be_visible()
    expect(page.get_by_text("Draft, not sent yet")).to_be_visible()
    assert not mail.outbox or all("moderator@example.org" not in message.to for message in mail.outbox)
    page.screenshot(path=screenshot_dir / "member-case-draft.png", full_page=True)
    problems += blocking_violations(page, "my contributions")
    page.get_by_role("link", name="Continue the draft at step 2").click()
    expect(page.get_by_role("heading", name="Step 2 of 4: Themes and topics")).to_be_visible()
    expect(page.get_by_label("Cohesive metropolises")).to_be_checked()
    page.get_by_role("button", name="Next").click()

    page.get_by_label("Results in figures").fill("35%: fewer emergency visits")
    page.get_by_label("Evidence level").select_option(label="Monitored with indicators")
    page.get_by_role("button", name="Next").click()

    page.get_by_label("PDF document").set_input_files(PDF)
    page.get_by_label("Title of the document").fill("Evaluation 2022")
    problems += blocking_violations(page, "step 4")
    page.screenshot(path=screenshot_dir / "member-case-documents-step.png", full_page=True)
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("In review").first).to_be_visible()

    case = CaseStudyPage.objects.get(title="Neighbourhood care centres")
    assert not case.live
    assert "moderator@example.org" in [address for message in mail.outbox for address in message.to]
    page.get_by_role("button", name="Sign out").click()
    mail.outbox.clear()
    approve_in_admin(page, base, case.pk)
    case.refresh_from_db()
    assert case.live

    [email] = [message for message in mail.outbox if message.to == ["amina@example.org"]]
    link = re.search(r"https?://\S+/en/members/contributions/", email.body).group(0)
    assert "/admin/" not in email.body
    sign_in(page, base, "amina@example.org", "a-long-test-password")
    page.goto(base + urlparse(link).path)
    expect(page.get_by_text("Published", exact=True)).to_be_visible()
    page.get_by_role("link", name="See the published case").click()
    expect(page.get_by_role("link", name=re.compile("Evaluation 2022"))).to_be_visible()
    expect(page.get_by_text("35%")).to_be_visible()
    assert problems == []
