"""The Wagtail admin's sign-in holds a guesser to the same limits as the site's, asks
for the authenticator app's code of whoever has one, and, in production, lets no
moderator or administrator into the admin before they have one (editorial/admin_login.py)."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.contrib.auth.models import Group

from editorial.workflow import MODERATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ATTACKER, OWNER = "203.0.113.7", "198.51.100.20"
WRONG_PASSWORD = "Your username and password didn"


def failures_allowed(per):
    """The configured amount of allauth's `login_failed` limit per "ip" or per "key"."""
    for rate in settings.ACCOUNT_RATE_LIMITS["login_failed"].split(","):
        amount, _duration, scope = rate.split("/")
        if scope == per:
            return int(amount)
    raise LookupError(per)


@pytest.fixture
def moderator():
    user = UserFactory(username="moderator")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def admin_sign_in(client, address, password, username="moderator"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_wrong_admin_passwords_stop_the_guesser_and_the_owner_still_signs_in_elsewhere(client, moderator):
    for _attempt in range(failures_allowed("key")):
        assert WRONG_PASSWORD in admin_sign_in(client, ATTACKER, "guess").content.decode()
    # Even the right password is refused to this address now.
    response = admin_sign_in(client, ATTACKER, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in(client)

    response = admin_sign_in(client, OWNER, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert signed_in(client)


def test_the_admin_and_the_site_sign_in_share_one_budget_of_failures_per_address(client):
    allowed = failures_allowed("ip")
    for number in range(allowed // 2):
        data = {"login": f"m{number}@example.org", "password": "guess"}
        assert "not correct" in client.post("/en/accounts/login/", data, REMOTE_ADDR=ATTACKER).content.decode()
    for number in range(allowed - allowed // 2):
        assert WRONG_PASSWORD in admin_sign_in(client, ATTACKER, "guess", username=f"m{number}").content.decode()
    response = admin_sign_in(client, ATTACKER, "guess", username="another")
    assert "Too many failed login attempts" in response.content.decode()


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_a_moderator_with_an_authenticator_app_gives_its_code_after_the_password(client, moderator):
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)

    response = admin_sign_in(client, OWNER, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/authenticate/"
    assert not signed_in(client)

    response = client.post(response["Location"], {"code": "000000"}, REMOTE_ADDR=OWNER)
    assert "Incorrect code" in response.content.decode() and not signed_in(client)
    response = client.post("/en/accounts/2fa/authenticate/", {"code": current_code(secret)}, REMOTE_ADDR=OWNER)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert signed_in(client) and client.get("/admin/").status_code == 200


def test_in_production_a_moderator_without_an_authenticator_app_is_sent_to_set_one_up(client, moderator, settings):
    settings.ADMIN_REQUIRE_MFA = True
    assert admin_sign_in(client, OWNER, PASSWORD)["Location"] == "/admin/"
    for path in ("/admin/", "/admin/pages/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/en/accounts/2fa/totp/activate/"

    # allauth asks for the password again before an authenticator is added, then goes on.
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/en/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert "Moderators and administrators need a second factor" in page.content.decode()
    # The QR code is a data: image, allowed on this page alone.
    assert "img-src 'self' data:" in page["Content-Security-Policy"]
    code = current_code(client.session["mfa.totp.secret"])
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302

    assert client.get("/admin/").status_code == 200


def test_editors_and_signing_out_are_not_held_up(client, moderator, settings):
    settings.ADMIN_REQUIRE_MFA = True
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200

    client.force_login(moderator)
    client.post("/admin/logout/")
    assert not signed_in(client)


def test_outside_production_the_admin_opens_without_a_second_factor(client, moderator):
    client.force_login(moderator)
    assert client.get("/admin/").status_code == 200
