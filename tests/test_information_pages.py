"""A finished look: every page's footer leads to the about, contact, privacy and terms
pages of the visitor's language, which set-up writes and the operator edits; landing
pages carry a hero picture that keeps its room and says what it shows; cards set the
title, the place and year, and the summary apart."""

from datetime import UTC, datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.management import call_command

from cases.models import ArticleIndexPage, CityPortraitPage
from demo.factories import CaseStudyPageFactory
from home.models import HomePage, InformationPage
from taxonomy.models import City
from tests.test_home_page import case_index, spotlight_page  # noqa: F401 - fixtures and helpers shared

pytestmark = pytest.mark.django_db

FOOTERS = {
    "en": [("About", "/en/about/"), ("Contact", "/en/contact/"), ("Privacy", "/en/privacy/"),
           ("Terms of use", "/en/terms/")],
    "fr": [("À propos", "/fr/a-propos/"), ("Contact", "/fr/contact/"), ("Confidentialité", "/fr/confidentialite/"),
           ("Conditions d’utilisation", "/fr/conditions/")],
    "es": [("Acerca de", "/es/acerca-de/"), ("Contacto", "/es/contacto/"), ("Privacidad", "/es/privacidad/"),
           ("Condiciones de uso", "/es/condiciones/")],
}  # fmt: skip


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def footer(page):
    return [(link.get_text(strip=True), link["href"]) for link in page.select("footer .site-footer__nav a")]


def english(slug):
    return InformationPage.objects.get(locale__language_code="en", slug=slug)


def test_set_up_writes_the_four_pages_in_every_language_as_translations_of_the_english():
    english_pages = InformationPage.objects.filter(locale__language_code="en").order_by("path")
    assert [page.slug for page in english_pages] == ["about", "contact", "privacy", "terms"]
    for language in ("fr", "es"):
        versions = InformationPage.objects.filter(locale__language_code=language).order_by("path")
        assert [page.translation_key for page in versions] == [page.translation_key for page in english_pages]
        assert all(page.live for page in versions)
    privacy = {page.locale.language_code: page.body for page in InformationPage.objects.filter(slug__startswith="priv")}
    # Truthful about what the platform keeps, in each language's own words.
    for word in ("Accounts", "Messages", "Saved searches", "Logs"):
        assert word in privacy["en"]
    assert "Búsquedas guardadas" in privacy["es"]
    assert "Recherches enregistrées" in InformationPage.objects.get(slug="confidentialite").body


def test_set_up_again_keeps_the_operators_edits_and_does_not_revive_a_deleted_page():
    about = english("about")
    about.body = "<p>Our own words.</p>"
    about.save_revision().publish()
    for page in InformationPage.objects.filter(translation_key=english("terms").translation_key):
        page.delete()
    call_command("setup_site", no_admin=True, verbosity=0)
    assert english("about").body == "<p>Our own words.</p>"
    assert not InformationPage.objects.filter(slug__in=["terms", "conditions", "condiciones"]).exists()
    assert InformationPage.objects.count() == 9


@pytest.mark.opensearch
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_pages_footer_leads_to_the_information_pages_of_its_language(client, index_prefix, language):
    page = visit(client, f"/{language}/")
    assert footer(page) == FOOTERS[language]
    # They are not sections of the site: the main menu leaves them out.
    menu = [link["href"] for link in page.select(".main-menu a")]
    assert not set(menu) & {href for _title, href in FOOTERS[language]}
    assert footer(visit(client, f"/{language}/search/")) == FOOTERS[language]


def test_the_footer_follows_what_the_operator_publishes(client):
    assert footer(visit(client, "/en/"))[2] == ("Privacy", "/en/privacy/")
    privacy = english("privacy")
    privacy.title = "Your data"
    privacy.save_revision().publish()
    english("terms").unpublish()
    assert footer(visit(client, "/en/")) == [
        ("About", "/en/about/"),
        ("Contact", "/en/contact/"),
        ("Your data", "/en/privacy/"),
    ]


def test_the_contact_page_says_how_to_reach_the_network(client):
    contact = english("contact")
    contact.contact_email = "team@cities.example"
    contact.postal_address = "Avinguda Diagonal 1\n08001 Barcelona"
    contact.save_revision().publish()
    page = visit(client, "/en/contact/")
    assert page.h1.text == "Contact"
    assert page.select_one(".information-page__contact a")["href"] == "mailto:team@cities.example"
    assert "08001 Barcelona" in page.select_one(".information-page__contact address").text
    # Experts are reached through their profile, never by their own address.
    assert "contact form" in page.select_one(".rich-text").text
    # Without an address set, no empty box.
    assert visit(client, "/fr/contact/").select_one(".information-page__contact") is None


def test_the_home_hero_picture_keeps_its_room_and_says_what_it_shows(client):
    assert visit(client, "/en/").select_one(".hero__picture") is None
    home = HomePage.objects.get(locale__language_code="en")
    home.hero_image = wagtail_factories.ImageFactory(width=1600, height=1000)
    home.hero_alt = "Neighbours planting trees on a square"
    home.save_revision().publish()
    hero = visit(client, "/en/")
    picture = hero.select_one("section.hero--with-picture .hero__picture img")
    assert picture["alt"] == "Neighbours planting trees on a square"
    # The first size's width and height hold its room until the file arrives.
    assert int(picture["width"]) > 0 and int(picture["height"]) > 0
    assert len(picture["srcset"].split(",")) == 3
    assert picture["sizes"] == "(min-width: 60rem) 34rem, 100vw"


@pytest.mark.opensearch
def test_a_collection_hero_uses_its_own_description(client, index_prefix):
    spotlight_page(
        "care",
        "Local care systems",
        intro="Cities that care for carers.",
        hero_image=wagtail_factories.ImageFactory(),
        hero_alt="Carers and the people they care for",
    )
    picture = visit(client, "/en/care/").select_one(".spotlight__hero img")
    assert picture["alt"] == "Carers and the people they care for"
    assert picture.has_attr("srcset") and picture.has_attr("width")


def test_a_case_card_sets_title_place_and_year_and_summary_apart(client, case_index):  # noqa: F811
    CaseStudyPageFactory(
        parent=case_index, title="Housing cooperatives", summary="Tenants own their homes together.", start_year=2019
    )
    card = visit(client, "/en/").select_one(".case-card")
    parts = [(tag.name, " ".join(tag.get_text().split())) for tag in card.find_all(["h3", "p"])]
    assert parts == [
        ("h3", "Housing cooperatives"),
        ("p", "Barcelona, Spain · since 2019"),
        ("p", "Tenants own their homes together."),
    ]
    assert visit(client, "/fr/").select(".case-card") == []


def test_the_articles_index_shows_each_article_as_a_card(client):
    index = HomePage.objects.get(locale__language_code="en").add_child(instance=ArticleIndexPage(title="Articles"))
    portrait = index.add_child(
        instance=CityPortraitPage(
            title="Spotlight on Barcelona",
            summary="Barcelona shares its culture, economy and practices.",
            body="<p>Text</p>",
            city=City.objects.get(slug="barcelona"),
            hero_image=wagtail_factories.ImageFactory(),
        )
    )
    portrait.save_revision().publish()
    CityPortraitPage.objects.filter(pk=portrait.pk).update(first_published_at=datetime(2026, 3, 5, 12, tzinfo=UTC))
    card = visit(client, "/en/articles/").select_one("article.case-card")
    assert card.h2.a["href"] == "/en/articles/spotlight-on-barcelona/"
    assert card.img["alt"] == "" and card.img.has_attr("width")
    assert card.time["datetime"] == "2026-03-05"
    assert card.select_one(".case-card__summary").text == "Barcelona shares its culture, economy and practices."
