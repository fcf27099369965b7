"""A member writes to an imported expert who has not joined yet: the message waits,
the expert gets one invitation e-mail a week, claims the account from its link and
finds the conversation."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from members.models import Conversation, ExpertInvitation
from tests.factories import UserFactory

from .test_messaging import expert_profile, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported_expert():
    """The account experts/importing.py makes for an address: inactive, without a password."""
    account = UserFactory(email="amara@example.org", is_active=False, password=None)
    EmailAddress.objects.create(user=account, email=account.email, verified=False, primary=True)
    return account


@pytest.fixture
def profile(imported_expert):
    return expert_profile(imported_expert)


@pytest.fixture
def member(client):
    user = UserFactory(username="jonas", email="jonas@example.org")
    client.force_login(user)
    return user


def invitation_link(email):
    return re.search(r"https?://[^/\s]+(/\S+)", email.body).group(1)


def test_the_profile_says_the_message_waits_until_the_expert_joins(client, member, profile):
    page = client.get(profile.url).content.decode()
    assert "Your message will be delivered when Amara Okafor joins" in page
    assert 'action="/en/members/contact/' in page


def test_writing_keeps_the_message_and_invites_the_expert_once_a_week(client, member, profile, imported_expert):
    response = write(client, profile)
    conversation = Conversation.objects.get()
    assert response.url == f"/en/members/inbox/{conversation.pk}/"
    assert conversation.recipient == imported_expert and conversation.messages.count() == 1
    [invitation] = mail.outbox
    assert invitation.to == ["amara@example.org"]
    assert "Clinics in Accra" in invitation.body and "jonas@example.org" not in invitation.body
    assert "/en/accounts/password/reset/key/" in invitation.body
    assert f"next=%2Fen%2Fmembers%2Finbox%2F{conversation.pk}%2F" in invitation.body

    followed = client.get(f"/en/members/inbox/{conversation.pk}/", follow=True).content.decode()
    assert "Your message will be delivered when Amara Okafor joins" in followed

    client.force_login(UserFactory())
    write(client, profile, subject="Another question")
    client.post(f"/en/members/inbox/{conversation.pk}/", {"body": "Any news?"})
    assert len(mail.outbox) == 1  # the week's invitation was already sent

    ExpertInvitation.objects.update(sent_at=timezone.now() - timedelta(days=8))
    write(client, profile, subject="A week later")
    assert len(mail.outbox) == 2


def test_the_expert_claims_the_account_from_the_invitation_and_answers(client, member, profile, imported_expert):
    write(client, profile)
    conversation = Conversation.objects.get()
    link = invitation_link(mail.outbox[0])
    client.logout()

    set_password = client.get(link)
    assert set_password.status_code == 302
    form_url = set_password.url
    response = client.post(form_url, {"password1": "a-new-long-password", "password2": "a-new-long-password"})
    assert response.status_code == 302 and response.url.endswith(f"/en/members/inbox/{conversation.pk}/")
    imported_expert.refresh_from_db()
    assert imported_expert.is_active and imported_expert.has_usable_password()
    assert EmailAddress.objects.get(user=imported_expert).verified

    client.force_login(imported_expert)
    thread = client.get(f"/en/members/inbox/{conversation.pk}/").content.decode()
    assert "How did you staff the clinics?" in thread
    mail.outbox.clear()
    client.post(f"/en/members/inbox/{conversation.pk}/", {"body": "With community nurses."})
    assert conversation.messages.count() == 2
    assert [email.to for email in mail.outbox] == [["jonas@example.org"]]
