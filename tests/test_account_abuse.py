"""An attacker at one address cannot lock members out, flood sign-ups or learn who is
a member; the client's address comes from our own proxies only.

The same limits across four app-server processes: tests/test_multiprocess_limits.py.
The answer times: bench/enumeration_bench.py.
"""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from core.proxies import TrustedProxies, TrustedProxyMiddleware
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ATTACKER, OWNER = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def member():
    user = UserFactory(email="amara@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(client, address, password, login="amara@example.org", **headers):
    return client.post("/en/accounts/login/", {"login": login, "password": password}, REMOTE_ADDR=address, **headers)


def test_wrong_passwords_stop_the_guesser_but_the_owner_signs_in_from_elsewhere_at_once(client, member, settings):
    for _attempt in range(5):
        response = sign_in(client, ATTACKER, "guess")
        assert response.status_code == 200 and "not correct" in response.content.decode()
    # Five failures for this account from this address: even the right password is refused here.
    for password in ("guess", PASSWORD):
        response = sign_in(client, ATTACKER, password)
        assert "Too many failed login attempts" in response.content.decode()
        assert "_auth_user_id" not in client.session

    response = sign_in(client, OWNER, PASSWORD)
    assert response.status_code == 302 and int(client.session["_auth_user_id"]) == member.pk


def test_a_guesser_trying_many_accounts_from_one_address_is_stopped_after_ten_failures(client):
    for number in range(10):
        response = sign_in(client, ATTACKER, "guess", login=f"m{number}@example.org")
        assert "not correct" in response.content.decode()
    response = sign_in(client, ATTACKER, "guess", login="m10@example.org")
    assert "Too many failed login attempts" in response.content.decode()


def signup(client, email, **headers):
    password = "a-fresh-long-password"
    return client.post(
        "/en/accounts/signup/",
        {"name": "A. Member", "email": email, "password1": password, "password2": password},
        **headers,
    )


def answer_page(client, response, email):
    """The page a visitor lands on, their own address blanked out."""
    return client.get(response["Location"]).content.decode().replace(email, "ADDRESS")


def test_sign_up_says_the_same_for_a_member_s_address_and_a_new_one(member):
    pages, statuses = [], []
    for email in ("amara@example.org", "newcomer@example.org"):
        client = Client()
        response = signup(client, email)
        statuses.append((response.status_code, response["Location"]))
        pages.append(answer_page(client, response, email))
    assert statuses == [(302, "/en/accounts/confirm-email/")] * 2
    assert pages[0] == pages[1] and "Confirmation email sent to ADDRESS" in pages[0]
    # Each address gets one e-mail: the member a reminder, the newcomer a confirmation link.
    assert [message.to for message in mail.outbox] == [["amara@example.org"], ["newcomer@example.org"]]


def test_password_reset_says_the_same_for_a_member_s_address_and_an_unknown_one(member):
    pages, statuses = [], []
    for email in ("amara@example.org", "nobody@example.org"):
        client = Client()
        response = client.post("/en/accounts/password/reset/", {"email": email})
        statuses.append((response.status_code, response["Location"]))
        pages.append(answer_page(client, response, email))
    assert statuses == [(302, "/en/accounts/password/reset/done/")] * 2
    assert pages[0] == pages[1]
    assert [message.to for message in mail.outbox] == [["amara@example.org"], ["nobody@example.org"]]


def test_sign_ups_from_one_address_stop_at_the_limit_whatever_x_forwarded_for_claims(client):
    forged = [{"REMOTE_ADDR": ATTACKER, "HTTP_X_FORWARDED_FOR": f"10.0.0.{number}"} for number in range(21)]
    statuses = [
        signup(client, f"n{number}@example.org", **headers).status_code for number, headers in enumerate(forged)
    ]
    assert statuses == [302] * 20 + [429]


def test_behind_our_proxy_each_visitor_has_their_own_limit(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for number in range(20):
        # A forged entry on the left is not the client: the proxy appended the real one.
        forged = f"10.0.0.{number}, {ATTACKER}"
        assert signup(client, f"n{number}@example.org", HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 302
    assert signup(client, "n20@example.org", HTTP_X_FORWARDED_FOR=ATTACKER, **proxy).status_code == 429
    assert signup(client, "other@example.org", HTTP_X_FORWARDED_FOR=OWNER, **proxy).status_code == 302


# nginx in front, as deployed: on its Unix socket, or on loopback.
BEHIND_NGINX = ["unix", "127.0.0.1"]


def test_a_client_reaching_the_app_server_directly_cannot_sign_up_past_the_limit(client, settings):
    settings.TRUSTED_PROXIES = BEHIND_NGINX
    statuses = [
        signup(client, f"n{number}@example.org", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
        for number in range(21)
    ]
    assert [response.status_code for response in statuses] == [302] * 20 + [429]


def test_a_stopped_guesser_reaching_the_app_server_directly_stays_stopped(client, member, settings):
    settings.TRUSTED_PROXIES = BEHIND_NGINX

    def from_a_forged_address(number, password):
        return sign_in(client, ATTACKER, password, HTTP_X_FORWARDED_FOR=f"10.0.0.{number}").content.decode()

    assert all("not correct" in from_a_forged_address(number, "guess") for number in range(5))
    assert "Too many failed login attempts" in from_a_forged_address(5, PASSWORD)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("trusted", "peer", "header", "client_address"),
    [
        (["127.0.0.1"], "127.0.0.1", "203.0.113.7", "203.0.113.7"),
        (["127.0.0.1"], "127.0.0.1", "10.0.0.1, 203.0.113.7", "203.0.113.7"),
        # Not one of our proxies: whatever it claims, the peer is the client.
        (["127.0.0.1"], "192.0.2.1", "203.0.113.7", "192.0.2.1"),
        ([], "127.0.0.1", "203.0.113.7", "127.0.0.1"),
        # Two proxies of ours, the second in a network: the walk goes past both.
        (["127.0.0.1", "10.1.0.0/16"], "127.0.0.1", "10.0.0.1, 203.0.113.7, 10.1.2.3", "203.0.113.7"),
        (["127.0.0.1", "10.1.0.0/16"], "127.0.0.1", "10.1.0.5", "10.1.0.5"),
        # nginx on the Unix socket: the peer has no address.
        (["unix"], "", "10.0.0.1, 203.0.113.7", "203.0.113.7"),
        (["127.0.0.1"], "", "203.0.113.7", ""),
        (["::1"], "::1", " 2001:db8::1 ", "2001:db8::1"),
        # A proxy writes addresses; anything else is a client's, who is then the proxy's peer.
        (["127.0.0.1"], "127.0.0.1", "not-an-address", "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_the_client_is_the_first_address_from_the_right_that_is_not_our_proxy(trusted, peer, header, client_address):
    assert TrustedProxies(trusted).client(peer, header) == client_address


@pytest.mark.parametrize(("trusted", "seen"), [([], "192.0.2.1"), (["192.0.2.0/24"], "203.0.113.7")])
def test_the_middleware_replaces_the_peer_only_when_it_is_a_trusted_proxy(settings, trusted, seen):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    TrustedProxyMiddleware(lambda request: request.META["REMOTE_ADDR"])(request)
    assert request.META["REMOTE_ADDR"] == seen


def test_a_mistyped_proxy_stops_the_app_instead_of_trusting_nobody(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.local"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        TrustedProxyMiddleware(lambda request: None)
