"""The skeleton every installation needs before any content: the three locales, the
vocabularies, one home page per language, and a first admin account."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .information_text import INFORMATION_PAGES
from .models import HomePage, InformationPage

# The home page's first text in each language; a language configured later starts
# with the source language's copy (LANGUAGE_CODE), for an editor to translate.
HOME_CONTENT = {
    "en": {
        "title": "Cities Exchange",
        "intro": "Good practices from cities around the world, and the people behind them.",
    },
    "fr": {
        "title": "Cities Exchange",
        "intro": "Les bonnes pratiques des villes du monde entier, et les personnes qui les portent.",
    },
    "es": {
        "title": "Cities Exchange",
        "intro": "Buenas prácticas de ciudades de todo el mundo, y las personas que las impulsan.",
    },
}


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def tree_root():
    """Wagtail's root node, which its migrations create; a flushed database lacks it."""
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_root_collection():
    """Images and documents live under Wagtail's root collection, which its migrations
    create; a flushed database lacks it too."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@transaction.atomic
def ensure_home_pages():
    """One published home page per language, the source language's (LANGUAGE_CODE) as
    the default site's root; Wagtail serves the others (/fr/, /es/) from its translations."""
    source = settings.LANGUAGE_CODE
    locales = ensure_locales()
    ensure_root_collection()
    home = HomePage.objects.filter(locale=locales[source]).first()
    if home is None:
        # Wagtail's first migration leaves a plain "Welcome" page (and the site on it)
        # where our home page belongs.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        home = tree_root().add_child(instance=HomePage(slug="home", locale=locales[source], **HOME_CONTENT[source]))
        home.save_revision().publish()
    # An existing site keeps the hostname and name an administrator gave it.
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": HOME_CONTENT[source]["title"]},
    )
    for code, locale in locales.items():
        if code == source or home.has_translation(locale):
            continue
        translation = home.copy_for_translation(locale)
        for name, value in HOME_CONTENT.get(code, {}).items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return home


@transaction.atomic
def ensure_information_pages():
    """About, contact, privacy and terms under each language's home page, with a first
    text the operator edits; the French and Spanish pages are translations of the
    English ones. Only a site without any English information page gets the set, so
    a page the operator deleted or renamed is never brought back; a translation that
    is missing is added to a page set-up made."""
    homes = {home.locale.language_code: home for home in Page.get_first_root_node().get_children().specific()}
    language = settings.LANGUAGE_CODE
    original = homes[language]
    if not InformationPage.objects.child_of(original).exists():
        for texts in INFORMATION_PAGES:
            original.add_child(instance=InformationPage(**texts[language])).save_revision().publish()
    by_english_slug = {texts[language]["slug"]: texts for texts in INFORMATION_PAGES}
    for source in InformationPage.objects.child_of(original).filter(slug__in=by_english_slug):
        for code, home in homes.items():
            if code == language or source.has_translation(home.locale):
                continue
            # A language without texts here keeps the English copy for an editor to translate.
            translation = source.copy_for_translation(home.locale)
            for name, value in by_english_slug[source.slug].get(code, {}).items():
                setattr(translation, name, value)
            translation.save_revision().publish()


def apply_site_identity():
    """The configured name (SITE_NAME) and public address (PUBLIC_BASE_URL) on Wagtail's
    default Site, which page links, canonical links and the sitemap are built from, and
    on Django's sites framework, which names the site in allauth's e-mails and gives
    feeds their domain. The configuration wins over an edit in the admin; without a
    public address Wagtail's hostname is left as it is, and both frameworks agree on it."""
    site = Site.objects.get(is_default_site=True)
    django_site, _created = DjangoSite.objects.get_or_create(pk=settings.SITE_ID)
    site.site_name = django_site.name = settings.SITE_NAME
    if settings.PUBLIC_BASE_URL:
        address = urlsplit(settings.PUBLIC_BASE_URL)
        # Wagtail writes https:// for port 443 and http:// for every other port.
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
    site.save()
    django_site.domain = urlsplit(site.root_url).netloc
    django_site.save()
    return site


def ensure_admin(username="admin"):
    """Create a first superuser when there is none; returns its new password, or None."""
    user_model = get_user_model()
    if user_model.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    user_model.objects.create_superuser(username=username, email="admin@localhost", password=password)
    return password
