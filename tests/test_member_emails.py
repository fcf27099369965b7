"""E-mails to members: every link starts from the one configured base URL (never the
host the triggering request came through, nor the admin's address), times are in the
recipient's time zone, and an invitation lets an imported expert take their profile
off the site without an account."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from members.models import MemberProfile
from tests.factories import UserFactory

from .test_messaging import expert_profile, write

pytestmark = pytest.mark.django_db


def links(email):
    return re.findall(r"https?://\S+", email.body)


@pytest.fixture
def profile():
    """The profile of an imported expert who has not joined: writing to it sends an invitation."""
    account = UserFactory(email="amara.imported@example.org", is_active=False, password=None)
    EmailAddress.objects.create(user=account, email=account.email, verified=False, primary=True)
    return expert_profile(account)


@pytest.fixture
def member(client):
    user = UserFactory(email="jonas@example.org")
    MemberProfile.objects.create(account=user, name="Jonas Berg")
    client.force_login(user)
    return user


@pytest.mark.parametrize("base", ["", "https://cities.example.org"])
def test_message_and_invitation_links_start_from_the_configured_base_url(client, settings, member, profile, base):
    settings.PUBLIC_BASE_URL = base
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    expected = base or "http://localhost"  # without one, the default site's address
    write(client, profile, subject="First")  # the imported expert: an invitation
    expert = UserFactory(email="amara@example.org")
    write(client, expert_profile(expert, name="Amara Mensah"), subject="Second")  # a notification
    assert len(mail.outbox) == 2
    for email in mail.outbox:
        found = links(email)
        assert found and all(link.startswith(f"{expected}/") for link in found), found
        assert "testserver" not in email.body and "127.0.0.1" not in email.body


def test_a_notification_gives_the_time_in_the_recipients_time_zone(client, member):
    expert = UserFactory(email="amara@example.org")
    MemberProfile.objects.create(account=expert, name="Amara", time_zone="Asia/Tokyo")
    write(client, expert_profile(expert))
    [email] = mail.outbox
    sent_at = re.search(r"Sent on (.+) \((\w+)\)\.", email.body)
    assert sent_at.group(2) == "JST"
    # Without a time zone of their own a member reads the site's (UTC).
    mail.outbox.clear()
    write(client, expert_profile(UserFactory(email="ines@example.org"), name="Inès Diallo"))
    assert re.search(r"Sent on .+ \(UTC\)\.", mail.outbox[0].body)


def test_the_invitation_lets_an_imported_expert_take_their_profile_off_the_site(client, member, profile):
    address = profile.url
    write(client, profile)
    [invitation] = mail.outbox
    assert "Not you, or you do not want a profile here? Take your profile off the site:" in invitation.body
    opt_out = re.search(r"https?://[^/\s]+(/en/members/not-me/\S+/)", invitation.body).group(1)
    client.logout()

    confirm = client.get(opt_out)
    assert confirm.status_code == 200 and "Amara Okafor" in confirm.content.decode()
    profile.refresh_from_db()
    assert profile.live  # opening the link changes nothing
    assert "no longer public" in client.post(opt_out).content.decode()
    profile.refresh_from_db()
    assert not profile.live
    assert client.get(address).status_code == 404

    # A link altered by a single character is refused.
    assert client.get(opt_out[:-3] + "xx/").status_code == 404
    assert client.post(opt_out[:-3] + "xx/").status_code == 404
