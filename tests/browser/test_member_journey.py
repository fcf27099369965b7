"""A member signs up, verifies their address, writes their expert profile and sees it
in review; a moderator approves it in the admin; visitors find it in the directory."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from experts.models import ExpertProfilePage
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, email, password):
    page.goto(f"{base_url}/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def test_a_member_signs_up_and_publishes_an_expert_profile_after_review(
    site_skeleton, live_server, page, screenshot_dir, apply_index_changes
):
    base = live_server.url
    page.goto(f"{base}/en/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email").fill("lucia@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-test-password")
    page.get_by_label("Password (again)").fill("a-long-test-password")
    page.screenshot(path=screenshot_dir / "signup.png", full_page=True)
    page.get_by_role("button", name="Sign Up").click()
    assert "Verify Your Email Address" in page.content()

    # The verification e-mail, read from the test mailbox.
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://testserver", base))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{base}/en/members/")

    page.get_by_role("link", name="Create my profile").click()
    page.get_by_label("Name").fill("Lucía Martínez")
    page.get_by_label("Position").fill("Head of care policy")
    page.get_by_label("City").select_option(label="Barcelona")
    page.get_by_label("Country").select_option(label="Spain")
    page.get_by_label("Biography").fill("Built the city's network of care centres.")
    page.get_by_label("Cohesive metropolises").check()
    page.get_by_label("5. Gender equality").check()
    page.get_by_label("Mentoring").check()
    page.screenshot(path=screenshot_dir / "member-profile-form.png", full_page=True)
    page.get_by_role("button", name="Save my profile").click()
    assert page.get_by_text("In review").is_visible()
    profile = ExpertProfilePage.objects.get(title="Lucía Martínez")
    assert not profile.live

    # A moderator approves it in the admin.
    moderator = UserFactory(username="moderator", email="moderator@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{base}/admin/pages/{profile.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/.*"))
    profile.refresh_from_db()
    assert profile.live
    apply_index_changes()

    page.goto(f"{base}/en/experts/")
    page.screenshot(path=screenshot_dir / "expert-directory.png", full_page=True)
    page.get_by_label("Mentoring").check()
    page.get_by_role("link", name="Lucía Martínez").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Lucía Martínez"
    assert "lucia@example.org" not in page.content()
