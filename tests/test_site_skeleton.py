"""A fresh installation: one home page per language, served under /en/, /fr/, /es/."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

from demo.factories import CaseStudyPageFactory
from home.models import HomePage

from .factories import UserFactory

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


def test_the_first_admin_moderates_so_someone_hears_of_submissions(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("setup_site", stdout=out)
    admin = get_user_model().objects.get(username="admin")
    assert admin.groups.filter(name="Moderators").exists()
    assert "'admin' joined Moderators" in out.getvalue()

    call_command("setup_site", stdout=(again := StringIO()))
    assert "joined Moderators" not in again.getvalue()  # a group with a member is left as it is


def test_the_dashboard_shows_waiting_submissions_and_who_is_told(client, case_index, moderator):
    editor = UserFactory(username="writer", first_name="Wanda", last_name="Writer")
    case = CaseStudyPageFactory(parent=case_index, title="Cool roofs for schools", live=False)
    case.save_revision(user=editor)
    case.get_workflow().start(case, editor)
    client.force_login(get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))

    html = client.get("/admin/").content.decode()
    panel = html.split('id="waiting-for-review-heading"')[1]
    assert "1 submission waiting for review" in panel
    assert "Cool roofs for schools" in panel and "Wanda Writer" in panel
    assert moderator.username in panel


def test_the_dashboard_warns_when_nobody_moderates(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-test-password"))
    assert "Nobody is told of new submissions" in client.get("/admin/").content.decode()
