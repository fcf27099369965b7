"""Signing in: only with a confirmed e-mail address, and allauth's rate limits
(ACCOUNT_RATE_LIMITS in site/settings/base.py) refuse whoever keeps trying."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def member(email, *, verified):
    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def sign_in(client, email, password=PASSWORD):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def signed_in(client):
    return client.get("/en/members/").status_code == 200


def test_an_unconfirmed_address_cannot_sign_in_until_its_link_is_followed(client):
    member("lucia@example.org", verified=False)
    response = sign_in(client, "lucia@example.org")
    assert response.status_code == 302 and response.url == "/en/accounts/confirm-email/"
    assert not signed_in(client)

    # The right password only brings a new confirmation link.
    [email] = mail.outbox
    assert email.to == ["lucia@example.org"]
    link = re.search(r"https?://[^/\s]+(/en/accounts/confirm-email/\S+)", email.body).group(1)
    assert client.post(link).status_code == 302
    assert EmailAddress.objects.get(email="lucia@example.org").verified

    client.logout()
    assert sign_in(client, "lucia@example.org").status_code == 302
    assert signed_in(client)


def test_five_wrong_passwords_lock_the_address_even_against_the_right_one(client):
    member("lucia@example.org", verified=True)
    for _ in range(5):
        assert "The email address and/or password you specified are not correct." in (
            sign_in(client, "lucia@example.org", "wrong-password").content.decode()
        )
    refused = sign_in(client, "lucia@example.org")
    assert "Too many failed login attempts. Try again later." in refused.content.decode()
    assert not signed_in(client)
    # Another address from the same visitor is not locked.
    member("jonas@example.org", verified=True)
    sign_in(client, "jonas@example.org")
    assert signed_in(client)


@pytest.mark.parametrize(
    ("url", "data", "allowed"),
    [
        # "login": "30/m/ip"
        ("/en/accounts/login/", {"login": "nobody@example.org", "password": "wrong"}, 30),
        # "signup": "20/m/ip" (invalid sign-ups count too)
        ("/en/accounts/signup/", {"email": "new@example.org", "password1": "x", "password2": "y"}, 20),
        # "reset_password": "20/m/ip,5/m/key": five e-mails to one address a minute
        ("/en/accounts/password/reset/", {"email": "lucia@example.org"}, 5),
    ],
    ids=["login", "signup", "reset_password"],
)
def test_past_its_limit_allauth_answers_429(client, url, data, allowed):
    member("lucia@example.org", verified=True)
    statuses = [client.post(url, data).status_code for _ in range(allowed)]
    assert 429 not in statuses
    assert client.post(url, data).status_code == 429
    if "reset" in url:
        assert len(mail.outbox) == allowed


@pytest.mark.parametrize("turn", ["first", "second"])
def test_every_test_starts_with_empty_caches(turn):
    """The rate limits above live in Django's cache: what one test counted must not
    refuse the next one (tests/conftest.py clears the caches around each test)."""
    assert cache.get("tests:left-behind") is None
    cache.set("tests:left-behind", turn)
