"""The site's name and public address come from the configuration: with a public base
URL set, no page, e-mail, feed or sitemap a visitor receives carries localhost,
127.0.0.1 or the host the request came through; the e-mails greet with the site's
name in the member's language; unknown addresses and errors get the site's own pages."""

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from wagtail.models import Site

from demo.factories import CaseStudyPageFactory
from tests.test_open_data import site_root

PUBLIC = "https://cities.example.org"
# How a request arrives from nginx: to the app server's loopback address, over HTTPS
# as far as the visitor is concerned (nginx's X-Forwarded-Proto).
LOOPBACK = {"HTTP_HOST": "127.0.0.1:8100", "secure": True}
PRIVATE_HOSTS = ("localhost", "127.0.0.1", "testserver", "example.com")


@pytest.fixture
def public_site(settings, db):
    settings.PUBLIC_BASE_URL = PUBLIC
    settings.SITE_NAME = "Cities Exchange"
    call_command("setup_site", no_admin=True, verbosity=0)
    return Site.objects.get(is_default_site=True)


def assert_public(text):
    for host in PRIVATE_HOSTS:
        assert host not in text, f"{host} in {text[:2000]}"


def test_setup_site_applies_the_configured_name_and_address_to_both_site_frameworks(public_site):
    assert (public_site.hostname, public_site.port, public_site.site_name) == (
        "cities.example.org",
        443,
        "Cities Exchange",
    )
    assert public_site.root_url == PUBLIC
    django_site = DjangoSite.objects.get_current()
    assert (django_site.domain, django_site.name) == ("cities.example.org", "Cities Exchange")


def test_a_loopback_address_with_a_port_is_kept_whole(settings, db):
    settings.PUBLIC_BASE_URL = "http://127.0.0.1:8100"
    call_command("setup_site", no_admin=True, verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8100"
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8100"


def test_without_a_public_address_the_feeds_follow_wagtails_site(db):
    assert DjangoSite.objects.get_current().domain == site_root().removeprefix("http://")


def test_a_french_sign_up_mail_greets_with_the_site_name_and_links_to_the_public_address(public_site):
    client = Client()
    response = client.post(
        "/fr/accounts/signup/",
        {
            "name": "Inès",
            "email": "ines@example.org",
            "password1": "a-long-pass-phrase-41",
            "password2": "a-long-pass-phrase-41",
        },
        **LOOPBACK,
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "Bonjour, c'est Cities Exchange !" in message.body
    assert "[Cities Exchange]" in message.subject
    assert f"{PUBLIC}/fr/accounts/confirm-email/" in message.body
    assert_public(message.subject + message.body)


def test_a_password_reset_mail_links_to_the_public_address(public_site, django_user_model):
    django_user_model.objects.create_user("amara", email="amara@example.org", password="a-long-pass-phrase-41")
    Client().post("/es/accounts/password/reset/", {"email": "amara@example.org"}, **LOOPBACK)
    (message,) = mail.outbox
    assert "¡Hola de parte de Cities Exchange!" in message.body
    assert f"{PUBLIC}/es/accounts/password/reset/key/" in message.body
    assert_public(message.subject + message.body)


def test_pages_sitemap_robots_and_feeds_carry_only_the_public_address(public_site, case_index, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # the database answers: no node needed
    case = CaseStudyPageFactory(parent=case_index, title="Housing cooperatives")
    client = Client()
    for url in (case.url, "/en/", "/en/search/", "/sitemap.xml", "/robots.txt", "/en/search/feed/?type=case"):
        response = client.get(url, **LOOPBACK)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert PUBLIC in text, url
        assert_public(text)
    page = client.get(case.url, **LOOPBACK).content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}{case.url}">' in page
    # The share links carry the case's public address, URL-encoded.
    assert "https%3A%2F%2Fcities.example.org%2Fen%2F" in page


def test_an_export_names_each_result_by_its_public_address(public_site, case_index, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # the database answers: no node needed
    CaseStudyPageFactory(parent=case_index, title="Housing cooperatives")
    response = Client().get("/en/search/export.csv", **LOOPBACK)
    text = b"".join(response.streaming_content).decode()
    assert f",{PUBLIC}/en/" in text
    assert_public(text)


@pytest.mark.parametrize(
    ("language", "title", "home"),
    [("en", "Page not found", "Go to the home page"), ("fr", "Page introuvable", "Aller à la page d’accueil"),
     ("es", "Página no encontrada", "Ir a la página de inicio")],
)  # fmt: skip
def test_an_unknown_address_gets_the_sites_not_found_page_in_its_language(client, db, language, title, home):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert f"<h1>{title}</h1>" in text
    assert home in text
    assert f'<html lang="{language}">' in text


def test_the_error_page_renders_without_a_request_or_a_database_in_three_languages():
    """No `db` fixture: any query would fail the test."""
    with pytest.raises(RuntimeError):
        connection.ensure_connection()
    text = render_to_string("500.html")
    for message in ("Something went wrong", "Un problème est survenu", "Algo ha fallado"):
        assert message in text


def test_an_unexpected_error_answers_the_error_page(client, monkeypatch, db):
    def broken(*args, **kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr("home.views.absolute_url", broken)
    client.raise_request_exception = False
    response = client.get("/robots.txt")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_another_name_is_the_one_pages_and_messages_carry(settings, client, db):
    settings.SITE_NAME = "Red de Ciudades"
    html = client.get("/es/no-such-page/").content.decode()
    assert "<title>Página no encontrada · Red de Ciudades</title>" in " ".join(html.split()).replace("> ", ">").replace(
        " <", "<"
    )
    assert "Cities Exchange" not in html
    with translation.override("en"):
        subject = render_to_string("members/email/invitation_subject.txt", {"sender_name": "Ana", "site_name": "Red"})
    assert subject.strip() == "Ana wrote to you on Red"
