"""A member signs up, verifies their address, writes their expert profile and sees it
in review; a moderator approves it in the admin; visitors find it in the directory;
another member writes to the expert, who answers in the inbox; a member's case is
published by a moderator."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from cases.models import CaseStudyPage
from demo.factories import CaseIndexPageFactory
from experts.models import ExpertProfilePage
from home.models import HomePage
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email, password):
    page.goto(f"{base_url}/en/accounts/login/")
    page.get_by_placeholder("Email address").fill(email)
    page.get_by_placeholder("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def approve_in_admin(page, base_url, page_id):
    """The moderator opens the page in the admin and approves the review."""
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/.*"))
    page.goto(f"{base_url}/en/")
    sign_out(page)


def test_a_member_signs_up_and_publishes_an_expert_profile_after_review(
    site_skeleton, live_server, page, screenshot_dir, apply_index_changes
):
    base = live_server.url
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Your name").fill("Lucía Fernández")
    page.get_by_label("Email").fill("lucia@example.org")
    page.get_by_placeholder("Password", exact=True).fill("a-long-test-password")
    page.get_by_placeholder("Password (again)").fill("a-long-test-password")
    page.screenshot(path=screenshot_dir / "signup.png", full_page=True)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()

    # The verification e-mail, read from the test mailbox.
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", base, link))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{base}/en/members/")

    page.get_by_role("link", name="Create my profile").click()
    page.get_by_role("textbox", name="Name").fill("Lucía Martínez")
    page.get_by_label("Job title").fill("Head of care policy")
    page.get_by_label("City").select_option(label="Barcelona, Spain")
    page.get_by_label("Country").select_option(label="Spain")
    page.get_by_label("Biography").fill("Built the city's network of care centres.")
    page.get_by_label("Cohesive metropolises").check()
    page.get_by_label("5. Gender equality").check()
    page.get_by_label("Mentoring").check()
    page.screenshot(path=screenshot_dir / "member-profile-form.png", full_page=True)
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("In review")).to_be_visible()
    profile = ExpertProfilePage.objects.get(title="Lucía Martínez")
    assert not profile.live

    # A moderator approves it in the admin.
    moderator = UserFactory(username="moderator", email="moderator@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    sign_out(page)
    approve_in_admin(page, base, profile.pk)
    profile.refresh_from_db()
    assert profile.live
    apply_index_changes()

    page.goto(f"{base}/en/experts/")
    page.screenshot(path=screenshot_dir / "expert-directory.png", full_page=True)
    page.get_by_label("Mentoring").check()
    page.get_by_role("link", name="Lucía Martínez").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lucía Martínez")
    assert "lucia@example.org" not in page.content()

    # Another member writes to the expert without seeing any address.
    writer = UserFactory(email="kwame@example.org")
    EmailAddress.objects.create(user=writer, email=writer.email, verified=True, primary=True)
    sign_in(page, base, "kwame@example.org", "a-long-test-password")
    page.goto(f"{base}{profile.url}")
    page.get_by_label("Subject").fill("Care centres in Accra")
    page.get_by_label("Your message").fill("Could we visit your care centres next spring?")
    page.get_by_role("button", name="Send my message").click()
    expect(page.get_by_text("Could we visit your care centres next spring?")).to_be_visible()
    assert "lucia@example.org" not in mail.outbox[-1].body + page.content()
    sign_out(page)

    # The expert answers in the inbox.
    sign_in(page, base, "lucia@example.org", "a-long-test-password")
    page.goto(f"{base}/en/members/inbox/")
    page.screenshot(path=screenshot_dir / "inbox.png", full_page=True)
    page.get_by_role("link", name=re.compile("Care centres in Accra")).click()
    page.get_by_label("Your answer").fill("Yes, in April. Welcome!")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Yes, in April. Welcome!")).to_be_visible()
    assert "kwame@example.org" not in page.content()

    # The expert submits a case; a moderator publishes it.
    CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    page.goto(f"{base}/en/members/contributions/new/")
    page.get_by_label("Title of the practice").fill("Neighbourhood care centres")
    page.get_by_label("Summary").fill("Care centres open to every family in the neighbourhood.")
    page.get_by_label("City:", exact=True).select_option(label="Barcelona")
    page.screenshot(path=screenshot_dir / "member-case-form.png", full_page=True)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Cohesive metropolises").check()
    page.get_by_label("5. Gender equality").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("In review").first).to_be_visible()
    case = CaseStudyPage.objects.get(title="Neighbourhood care centres")
    assert not case.live
    sign_out(page)
    approve_in_admin(page, base, case.pk)
    case.refresh_from_db()
    assert case.live
    page.goto(f"{base}{case.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Neighbourhood care centres")
