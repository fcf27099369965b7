"""A member writes to an imported expert who has not joined yet; the invitation
arrives; the expert claims the account from it, reads the message and answers."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect

from tests.browser.test_accessibility import blocking_violations
from tests.browser.test_member_journey import sign_in, sign_out
from tests.factories import UserFactory
from tests.test_messaging import expert_profile

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


def test_an_imported_expert_is_invited_claims_the_account_and_answers(
    site_skeleton, live_server, page, screenshot_dir, index_prefix
):
    base = live_server.url
    amara = UserFactory(username="amara", email="amara@example.org", is_active=False, password=None)
    EmailAddress.objects.create(user=amara, email=amara.email, verified=False, primary=True)
    profile = expert_profile(amara, name="Amara Okafor")
    member = UserFactory(username="jonas", email="jonas@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    sign_in(page, base, "jonas@example.org", "a-long-test-password")
    page.goto(f"{base}{profile.url}")
    expect(page.get_by_text("Your message will be delivered when Amara Okafor joins")).to_be_visible()
    assert blocking_violations(page, "imported expert profile") == []
    page.get_by_label("Subject").fill("Clinics in Accra")
    page.get_by_label("Your message").fill("How did you staff the clinics?")
    page.screenshot(path=screenshot_dir / "write-to-imported-expert.png", full_page=True)
    page.get_by_role("button", name="Send my message").click()
    expect(page.get_by_text("will be delivered when Amara Okafor joins; we invited them")).to_be_visible()
    sign_out(page)

    [invitation] = mail.outbox
    assert invitation.to == ["amara@example.org"]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", invitation.body).group(0)
    # E-mail links start from the site's public address; the test server is elsewhere.
    page.goto(re.sub(r"^https?://[^/]+", base, link))
    page.locator('input[name="password1"]').fill("a-new-long-password")
    page.locator('input[name="password2"]').fill("a-new-long-password")
    page.screenshot(path=screenshot_dir / "claim-account.png", full_page=True)
    expect(page.get_by_text("you are signed in")).to_be_visible()
    page.get_by_role("button", name="Set my password").click()

    # Setting the password signs in and leads to the conversation.
    expect(page.get_by_role("heading", level=1)).to_have_text("Clinics in Accra")
    expect(page.get_by_text("How did you staff the clinics?")).to_be_visible()
    page.get_by_label("Your answer").fill("With community nurses.")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Your answer was sent.")).to_be_visible()
    page.screenshot(path=screenshot_dir / "expert-answers.png", full_page=True)
    assert mail.outbox[-1].to == ["jonas@example.org"]
