"""Every response tells the browser what the page may do: a Content-Security-Policy
that runs only our own script files (the Wagtail admin, whose templates write inline
scripts, gets a looser one) and a Permissions-Policy that switches off the camera,
microphone, position, payments and devices. docs/security.md lists what each stops."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from cases.models import CaseStudyPage, SpotlightPage, SpotlightSectionPage
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from search import index
from tests.factories import SuperUserFactory, UserFactory
from tests.test_production_settings import COMPLETE_ENVIRONMENT, manage

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

SWITCHED_OFF = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def switched_off(response):
    features = dict(part.strip().split("=", 1) for part in response["Permissions-Policy"].split(","))
    return [feature for feature in SWITCHED_OFF if features.get(feature) == "()"]


class InlineCode(HTMLParser):
    """Scripts the page would run from its own markup: <script> without src (bar data
    blocks such as JSON-LD) and on* event attributes."""

    DATA_TYPES = {"application/ld+json", "application/json"}

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") not in self.DATA_TYPES:
            self.found.append(self.get_starttag_text())
        self.found += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]


@pytest.fixture(scope="module")
def demo(module_data):
    # Few cases, but every page type in every language.
    call_command("load_demo", cases=4, experts=2, verbosity=0)
    index.rebuild()


def public_paths():
    def first_url(model):
        return model.objects.live().filter(locale__language_code="en").first().url

    return {
        "home": "/en/",
        "case": first_url(CaseStudyPage),
        "spotlight": first_url(SpotlightPage),
        "spotlight section": first_url(SpotlightSectionPage),
        "search": "/en/search/?q=housing&sdg=11",
        "search export": "/en/search/export.csv?q=housing",
        "expert directory": first_url(ExpertDirectoryPage),
        "expert profile": first_url(ExpertProfilePage),
        "sign-in": "/en/accounts/login/",
        "sign-up": "/en/accounts/signup/",
        "API search": "/api/v1/search/?q=housing",
        "API schema": "/api/v1/openapi.json",
        "sitemap": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "feed": "/en/search/feed/?type=case",
        "not found": "/en/no-such-page/",
    }


def test_every_public_page_runs_only_our_own_script_files(demo, client):
    for name, path in public_paths().items():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, path, response.status_code)
        csp = policy(response)
        assert csp["script-src"] == ["'self'"], (name, csp)
        assert csp["default-src"] == ["'self'"], (name, csp)
        assert csp["object-src"] == ["'none'"], (name, csp)
        assert csp["frame-ancestors"] == ["'none'"], (name, csp)
        assert switched_off(response) == list(SWITCHED_OFF), (name, response["Permissions-Policy"])
        if response["Content-Type"].startswith("text/html"):
            assert InlineCode(response.content.decode()).found == [], name


def test_the_member_area_carries_the_strict_policy(demo, client):
    client.force_login(UserFactory())
    for path in ("/en/members/", "/en/members/profile/", "/en/members/inbox/", "/en/members/contributions/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert policy(response)["script-src"] == ["'self'"], path
        assert switched_off(response) == list(SWITCHED_OFF), path
        assert InlineCode(response.content.decode()).found == [], path


def test_the_admin_allows_wagtails_inline_scripts_but_nothing_from_elsewhere(demo, client):
    # Signed out, the admin's login page; signed in, the dashboard and a page editor.
    case = CaseStudyPage.objects.live().first()
    responses = [client.get("/admin/login/")]
    client.force_login(SuperUserFactory())
    responses += [client.get("/admin/"), client.get(f"/admin/pages/{case.pk}/edit/")]
    for response in responses:
        assert response.status_code == 200
        csp = policy(response)
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
        assert csp["default-src"] == ["'self'"]
        assert csp["connect-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        # The page preview frames the admin's own preview view, and nothing else may.
        assert csp["frame-ancestors"] == ["'self'"]
        assert switched_off(response) == list(SWITCHED_OFF)


def test_referrer_policy_is_set(demo, client):
    # Django's SecurityMiddleware: same-origin by default and in production.
    assert client.get("/en/")["Referrer-Policy"] == "same-origin"


def test_static_files_served_in_production_carry_both_headers(tmp_path):
    # WhiteNoise answers static files from its middleware; the header middleware sits
    # before it, so a static SVG or script opened on its own is covered as well.
    environment = {**COMPLETE_ENVIRONMENT, "STATIC_ROOT": str(tmp_path)}
    # Our own files are enough, and far quicker to compress than Wagtail's as well.
    assert manage("collectstatic", "--no-input", "-v", "0", "-i", "wagtail*", **environment).returncode == 0
    fetch = (
        "from django.test import Client; "
        "response = Client().get('/static/js/search.js', secure=True, headers={'host': 'cities.example.org'}); "
        "print(response.status_code); print(response['Content-Security-Policy']); print(response['Permissions-Policy'])"
    )
    result = manage("shell", "-v", "0", "-c", fetch, **environment)
    assert result.returncode == 0, result.stderr
    status, csp, permissions = result.stdout.splitlines()
    assert status == "200"
    assert "script-src 'self'" in csp
    assert "camera=()" in permissions
