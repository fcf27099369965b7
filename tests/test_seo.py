"""Search engines and link previews: every page names its canonical URL and its
versions in the other languages, describes itself with OpenGraph, Twitter and
schema.org data; the sitemap and robots.txt tell crawlers what to read."""

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import wagtail_factories
from django.contrib.staticfiles import finders
from PIL import Image
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cases.models import SpotlightFeaturedCase, SpotlightPage
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.models import HomePage
from taxonomy.models import City, Spotlight
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Head(HTMLParser):
    """The canonical link, hreflang alternates, meta properties and JSON-LD of a page."""

    def __init__(self, html):
        super().__init__()
        self.canonical, self.alternates, self.meta, self.json_ld = None, [], {}, []
        self._in_json_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append((attrs["hreflang"], attrs["href"]))
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(attrs["content"])
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def first(self, name):
        return self.meta[name][0]

    @property
    def data(self):
        (item,) = self.json_ld
        return item


def head(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return Head(response.content.decode())


def root_url():
    return Site.objects.get(is_default_site=True).root_url


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture
def case_index():
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    for code in ("fr", "es"):
        index.copy_for_translation(locale(code)).save_revision().publish()
    return index


@pytest.fixture
def housing(case_index):
    """A case in English with its French and Spanish translations."""
    english = CaseStudyPageFactory(
        parent=case_index, title="Housing cooperatives", summary="Homes run by those who live in them."
    )
    versions = {"en": english}
    for code, title in (("fr", "Coopératives de logements"), ("es", "Cooperativas de vivienda")):
        version = english.copy_for_translation(locale(code))
        version.title = title
        version.save_revision().publish()
        versions[code] = version
    return versions


@pytest.fixture
def expert():
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    profile = directory.add_child(
        instance=ExpertProfilePage(
            title="Amara Okafor",
            position="Director of public health",
            organisation="City of Accra",
            city=City.objects.get(slug="accra"),
            languages="en fr",
            orcid="0000-0002-1825-0097",
            owner_account=UserFactory(email="amara.private@example.org"),
        )
    )
    profile.save_revision().publish()
    return profile


@pytest.mark.opensearch
def test_a_translated_case_names_every_version_in_each_of_them(client, housing):
    expected = [(code, page.get_full_url()) for code, page in housing.items()]
    expected.append(("x-default", housing["en"].get_full_url()))
    for page in housing.values():
        meta = head(client, page.url)
        assert meta.canonical == page.get_full_url()
        assert meta.canonical.startswith(root_url())
        assert meta.alternates == expected


@pytest.mark.opensearch
def test_a_case_in_one_language_names_only_itself(client, housing, case_index):
    english_only = CaseStudyPageFactory(parent=case_index, title="Rainwater gardens")
    meta = head(client, english_only.url)
    assert meta.alternates == [("en", english_only.get_full_url()), ("x-default", english_only.get_full_url())]

    # Without an English version there is no default to point at.
    french_index = case_index.get_translation(locale("fr"))
    french_only = CaseStudyPageFactory(parent=french_index, title="Jardins de pluie")
    meta = head(client, french_only.url)
    assert meta.alternates == [("fr", french_only.get_full_url())]


@pytest.mark.opensearch
def test_the_search_page_is_canonical_without_its_query(client, catalogue):
    meta = head(client, "/fr/search/", q="logement", page="2")
    assert meta.canonical == f"{root_url()}/fr/search/"
    assert meta.alternates == [
        ("en", f"{root_url()}/en/search/"),
        ("fr", f"{root_url()}/fr/search/"),
        ("es", f"{root_url()}/es/search/"),
        ("x-default", f"{root_url()}/en/search/"),
    ]
    assert meta.first("og:locale") == "fr_FR" and meta.first("og:type") == "website"
    assert meta.json_ld == []


def test_the_sign_in_page_has_its_versions_too(client):
    meta = head(client, "/es/accounts/login/", next="/es/members/")
    assert meta.canonical == f"{root_url()}/es/accounts/login/"
    assert ("fr", f"{root_url()}/fr/accounts/login/") in meta.alternates
    assert meta.first("og:title") == "Cities Exchange"


@pytest.mark.opensearch
def test_a_case_with_a_hero_image_shares_a_large_picture(client, case_index):
    photo = wagtail_factories.ImageFactory(title="Cooperative courtyard", file__width=1600, file__height=900)
    case = CaseStudyPageFactory(
        parent=case_index, title="Housing cooperatives", summary="Homes run by their tenants.", hero_image=photo
    )
    meta = head(client, case.url)
    assert meta.first("og:title") == "Housing cooperatives"
    assert meta.first("og:description") == "Homes run by their tenants."
    assert meta.first("og:url") == case.get_full_url()
    assert meta.first("og:type") == "article"
    assert meta.first("og:site_name") == "Cities Exchange"
    assert meta.first("og:locale") == "en_GB"
    image = meta.first("og:image")
    assert image.startswith(f"{root_url()}/") and ".fill-1200x630" in image
    assert (meta.first("og:image:width"), meta.first("og:image:height")) == ("1200", "630")
    assert meta.first("og:image:alt") == "Cooperative courtyard"
    assert meta.first("twitter:card") == "summary_large_image"
    assert meta.data["image"] == image


@pytest.mark.opensearch
def test_a_page_without_a_picture_gets_a_summary_card(client, housing):
    meta = head(client, housing["fr"].url)
    assert "og:image" not in meta.meta
    assert meta.first("twitter:card") == "summary"
    assert meta.first("og:locale") == "fr_FR"
    assert sorted(meta.meta["og:locale:alternate"]) == ["en_GB", "es_ES"]


@pytest.mark.opensearch
def test_a_case_is_an_article_in_its_own_language(client, housing):
    data = head(client, housing["fr"].url).data
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["headline"] == "Coopératives de logements"
    assert data["inLanguage"] == "fr"
    assert data["url"] == housing["fr"].get_full_url()
    assert data["datePublished"] and data["dateModified"]
    # The factory files the case under housing, a topic of "Metropolitan futures".
    assert data["about"] == [{"@type": "Thing", "name": "Futurs métropolitains"}]
    assert data["keywords"] == ["Logement"]
    assert data["contentLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Barcelone",
        "addressCountry": "ES",
    }


@pytest.mark.opensearch
def test_json_ld_cannot_be_broken_out_of(client, case_index):
    title = "Tagging </script><script>alert(1)</script> walls & more"
    case = CaseStudyPageFactory(parent=case_index, title=title)
    response = client.get(case.url)
    assert "<script>alert(1)" not in response.content.decode()
    assert Head(response.content.decode()).data["headline"] == title


def test_an_expert_is_a_person_without_an_email_address(client, expert):
    response = client.get(expert.url)
    meta = Head(response.content.decode())
    data = meta.data
    assert data["@type"] == "Person"
    assert data["name"] == "Amara Okafor"
    assert data["jobTitle"] == "Director of public health"
    assert data["worksFor"] == {"@type": "Organization", "name": "City of Accra"}
    assert data["address"] == {"@type": "PostalAddress", "addressLocality": "Accra", "addressCountry": "GH"}
    assert data["knowsLanguage"] == ["en", "fr"]
    assert data["sameAs"] == ["https://orcid.org/0000-0002-1825-0097"]
    assert data["url"] == expert.get_full_url()
    assert "email" not in json.dumps(data).lower() and "@example.org" not in json.dumps(data)
    assert meta.first("og:type") == "profile"
    assert meta.first("og:description") == "Director of public health, City of Accra"


@pytest.mark.opensearch
def test_a_spotlight_is_a_collection_of_its_featured_cases(client, housing, apply_index_changes):
    home = HomePage.objects.get(locale__language_code="en")
    spotlight = home.add_child(
        instance=SpotlightPage(title="Local Care Systems", intro="Care.", spotlight=Spotlight.objects.get(slug="care"))
    )
    SpotlightFeaturedCase.objects.create(page=spotlight, case=housing["en"])
    apply_index_changes()
    assert "The search engine is unavailable" not in client.get(spotlight.url).content.decode()
    data = head(client, spotlight.url).data
    assert data["@type"] == "CollectionPage"
    assert data["name"] == "Local Care Systems" and data["description"] == "Care."
    assert data["hasPart"] == [
        {"@type": "Article", "headline": "Housing cooperatives", "url": housing["en"].get_full_url()}
    ]


def test_each_home_page_offers_its_search_to_search_engines(client):
    data = head(client, "/es/").data
    assert data["@type"] == "WebSite" and data["inLanguage"] == "es"
    assert data["url"] == f"{root_url()}/es/"
    assert data["potentialAction"]["target"]["urlTemplate"] == f"{root_url()}/es/search/?q={{search_term_string}}"
    assert data["potentialAction"]["query-input"] == "required name=search_term_string"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return {
        url.findtext(f"{SITEMAP}loc"): [
            (link.get("hreflang"), link.get("href")) for link in url.findall(f"{XHTML}link[@rel='alternate']")
        ]
        for url in ET.fromstring(response.content).findall(f"{SITEMAP}url")  # noqa: S314 - our own response
    }


def test_the_sitemap_lists_every_public_page_in_every_language(client, housing, case_index):
    draft = CaseStudyPageFactory(parent=case_index, title="Unfinished case")
    draft.unpublish()
    private = CaseStudyPageFactory(parent=case_index, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    urls = sitemap(client)

    public = Page.objects.live().public().exclude(depth=1)
    assert set(urls) == {page.get_full_url() for page in public}
    assert {f"{root_url()}/{code}/" for code in ("en", "fr", "es")} <= set(urls)
    assert draft.get_full_url() not in urls and private.get_full_url() not in urls
    for page in housing.values():
        assert urls[page.get_full_url()] == [
            ("en", housing["en"].get_full_url()),
            ("fr", housing["fr"].get_full_url()),
            ("es", housing["es"].get_full_url()),
            ("x-default", housing["en"].get_full_url()),
        ]


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in (
        "/admin/",
        "/api/",
        "/en/accounts/",
        "/fr/members/",
        "/es/search/export.csv",
        "/fr/search/export.json",
    ):
        assert f"Disallow: {path}" in lines
    assert not any(line in ("Disallow: /", "Disallow: /en/") for line in lines)
    assert lines[-1] == f"Sitemap: {root_url()}/sitemap.xml"


def test_favicon_ico_answers_with_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = finders.find("img/favicon.ico")
    assert icon and response["Location"].endswith(".ico")
    with Image.open(icon) as image:
        assert image.format == "ICO" and image.size == (48, 48)
