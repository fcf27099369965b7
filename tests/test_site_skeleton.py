"""A fresh installation: one home page per language, served under /en/, /fr/, /es/."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_each_language_has_its_published_home_page():
    homes = HomePage.objects.live()
    assert sorted(homes.values_list("locale__language_code", flat=True)) == ["en", "es", "fr"]
    assert len({home.translation_key for home in homes}) == 1
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "en"


@pytest.mark.parametrize(("language", "intro_word"), [("en", "practices"), ("fr", "pratiques"), ("es", "prácticas")])
def test_home_page_speaks_the_visitors_language(client, language, intro_word):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert intro_word in html
    # Landmarks, skip link and the header's search box are on every page.
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'role="search"' in html


def test_language_switcher_leads_to_the_same_page_in_the_other_languages(client):
    html = client.get("/fr/").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html
    assert '<a href="/es/" lang="es" hreflang="es">Español</a>' in html
    assert '<span aria-current="true" lang="fr">Français</span>' in html


def test_the_bare_domain_sends_visitors_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_running_setup_again_changes_nothing():
    before = Page.objects.count()
    call_command("setup_site", no_admin=True, verbosity=0)
    assert Page.objects.count() == before
    assert Locale.objects.count() == 3


def test_the_first_admin_login_is_kept_wherever_var_dir_points(settings, tmp_path):
    """An operator may keep var/ outside the project (VAR_DIR=/var/lib/cities)."""
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("setup_site", stdout=out)
    login_file = tmp_path / "admin-login.txt"
    assert login_file.read_text().startswith("username: admin\npassword: ")
    assert f"also saved in {login_file}" in out.getvalue()


class HomePagePlacementTests(WagtailPageTestCase):
    def test_home_page_only_lives_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
