"""Signing up: a member gives the name others see (and, if they like, an organisation
and a city), so messages come from that name and not from "A member"; the browser's
time zone comes along. An imported expert claiming their account is welcomed, not
told a password they never had was changed."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from members.models import Conversation, MemberProfile
from taxonomy.models import City
from tests.factories import UserFactory

from .test_expert_invitations import invitation_link
from .test_messaging import expert_profile, write

pytestmark = pytest.mark.django_db

PASSWORD = "a-fresh-long-password"


def sign_up(client, **fields):
    form = {"email": "lucia@example.org", "password1": PASSWORD, "password2": PASSWORD, **fields}
    return client.post("/en/accounts/signup/", form)


def confirm(client):
    link = re.search(r"https?://testserver(/en/accounts/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    client.post(link)


def test_the_sign_up_form_asks_for_a_name_then_organisation_and_city_as_optional(client):
    page = client.get("/en/accounts/signup/").content.decode()
    fields = re.findall(r'<input[^>]+name="(name|email|password1|organisation)"', page)
    assert fields == ["name", "email", "password1", "organisation"]
    assert 'name="city"' in page and ">Accra, Ghana</option>" in page
    assert "Your name is required; your organisation and city are optional." in page
    assert "js/time-zone.js" in page

    refused = sign_up(client)
    assert refused.status_code == 200 and "name" in refused.context["form"].errors
    assert not EmailAddress.objects.exists()


def test_a_new_member_writes_to_an_expert_under_the_name_they_signed_up_with(client):
    accra = City.objects.get(slug="accra")
    response = sign_up(
        client, name="Lucía Fernández", organisation="City of Accra", city=accra.pk, time_zone="Africa/Accra"
    )
    assert response.status_code == 302
    member = MemberProfile.objects.get(account__email="lucia@example.org")
    assert (member.name, member.organisation, member.city, member.time_zone) == (
        "Lucía Fernández", "City of Accra", accra, "Africa/Accra",
    )  # fmt: skip
    confirm(client)

    expert = UserFactory(email="amara@example.org")
    profile = expert_profile(expert)
    mail.outbox.clear()
    write(client, profile)
    [notification] = mail.outbox
    assert "Lucía Fernández" in notification.body
    assert "A member" not in notification.body

    client.force_login(expert)
    thread = client.get(f"/en/members/inbox/{Conversation.objects.get().pk}/").content.decode()
    assert "Block Lucía Fernández" in thread
    assert "A member" not in thread


def test_a_time_zone_the_system_does_not_know_is_left_to_the_site_default(client):
    assert sign_up(client, name="Lucía", time_zone="Mars/Olympus_Mons").status_code == 302
    assert MemberProfile.objects.get().time_zone == ""


def test_an_imported_expert_claiming_the_account_is_welcomed_not_told_of_a_change(client):
    imported = UserFactory(email="amara@example.org", is_active=False, password=None)
    EmailAddress.objects.create(user=imported, email=imported.email, verified=False, primary=True)
    profile = expert_profile(imported)
    client.force_login(UserFactory(email="jonas@example.org"))
    write(client, profile)
    client.logout()

    form_url = client.get(invitation_link(mail.outbox[0])).url
    assert "Welcome, set your password" in client.get(form_url).content.decode()
    landed = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD}, follow=True).content.decode()
    assert "Welcome! Your password is set and you are signed in." in landed
    assert "Password successfully changed" not in landed


def test_a_member_resetting_a_forgotten_password_still_chooses_a_new_one(client):
    member = UserFactory(email="jonas@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    client.post("/en/accounts/password/reset/", {"email": member.email})
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[-1].body).group(1)
    form_url = client.get(link).url
    page = client.get(form_url).content.decode()
    assert "Choose your password" in page and "Welcome, set your password" not in page
    landed = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD}, follow=True).content.decode()
    assert "Password successfully changed" in landed
