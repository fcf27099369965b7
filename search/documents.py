"""Turns a published, public page into its search document.

One document per page and language. Translations of one page share a
translation_key; `represents` names the interface languages for which this
document stands for the whole group (its own language, and the languages the page
has no translation in, where the original stands in), so a search shows each page
once, in the visitor's language when it exists.
"""

import re
from html import unescape

from django.conf import settings
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, Site

from cases.models import CaseStudyPage, CityPortraitPage, PositionPage, SpotlightPage
from experts.models import Availability, ExpertProfilePage
from taxonomy.models import SpotlightFacetValue

from .analysis import CONTENT_LANGUAGES

# The page types the public index holds, and the `type` each document carries.
DOCUMENT_TYPES = {
    CaseStudyPage: "case",
    CityPortraitPage: "portrait",
    PositionPage: "position",
    SpotlightPage: "spotlight",
    ExpertProfilePage: "expert",
}
UI_LANGUAGES = [code for code, _name in settings.LANGUAGES]
# What building each type's document reads, fetched in a few queries per batch.
DOCUMENT_JOINS = {
    CaseStudyPage: ("locale", "city__country__region", "city__region", "status"),
    CityPortraitPage: ("locale", "city__country__region", "city__region"),
    PositionPage: ("locale",),
    SpotlightPage: ("locale", "spotlight"),
    ExpertProfilePage: ("locale", "city__country__region", "city__region", "country__region"),
}
# Filter objects rather than specs: each one parses its spec once, not once per page.
THUMBNAIL = Filter("fill-480x270|format-webp")
PORTRAIT = Filter("fill-160x160|format-webp")
TAG = re.compile(r"<[^>]*>")


def image_with_rendition(field, spec):
    """The image and its thumbnail rendition, prefetched for a whole batch: looking
    each rendition up on its own cost a query per page."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(spec))


def indexed(name, queryset=None):
    """Prefetch a relation into a plain list, `page.indexed_<name>`: reading prefetched
    objects through modelcluster's many-to-many manager builds a new manager and
    queryset on every access, which cost a sixth of a rebuild's time."""
    return Prefetch(name, queryset=queryset, to_attr=f"indexed_{name}")


THEMED = tuple(indexed(name) for name in ("themes", "topics", "sdgs"))
DOCUMENT_PREFETCHES = {
    CaseStudyPage: (
        *THEMED,
        indexed("target_groups"),
        indexed("approaches"),
        indexed("spotlights"),
        indexed("spotlight_facet_values", SpotlightFacetValue.objects.select_related("facet")),
        indexed("tags"),
        image_with_rendition("hero_image", THUMBNAIL),
    ),
    CityPortraitPage: (*THEMED, image_with_rendition("hero_image", THUMBNAIL)),
    PositionPage: (*THEMED, image_with_rendition("hero_image", THUMBNAIL)),
    SpotlightPage: (image_with_rendition("hero_image", THUMBNAIL),),
    ExpertProfilePage: (*THEMED, indexed("expertise_tags"), image_with_rendition("photo", PORTRAIT)),
}


def document_id(page_id):
    return f"page-{page_id}"


def indexable_pages():
    """Every page the public index must hold: live, without view restriction."""
    return Page.objects.live().public().type(*DOCUMENT_TYPES)


def plain_text(html):
    """Rich text as words: a space where each tag was, so "<p>clinics.</p><p>Next" does
    not become one token "clinics.Next". Wagtail stores well-formed rich text, so a
    pattern is enough (Django's HTML parser took a tenth of a rebuild)."""
    return " ".join(unescape(TAG.sub(" ", html)).split())


def labels(terms):
    return [label for term in terms for label in term.labels.values()]


def slugs(terms):
    return [term.slug for term in terms]


def translation_groups(pages, request=None):
    """{translation_key: [(pk, language), ...]} of the live, public versions, and
    {pk: URL} of every one of them, in two queries."""
    batch = {page.pk: page for page in pages}
    keys = {page.translation_key for page in pages}
    versions = indexable_pages().filter(translation_key__in=keys).order_by("pk")
    groups = {}
    for pk, key, language in versions.values_list("pk", "translation_key", "locale__language_code"):
        groups.setdefault(key, []).append((pk, language))
    # Only the versions outside the batch need loading to build their URLs.
    others = {pk for group in groups.values() for pk, _language in group} - batch.keys()
    # Without a request, Wagtail reads the sites' root paths from the cache for every
    # page; a batch reads them once (Wagtail keeps them on this attribute of its cache object).
    root_paths = Site.get_site_root_paths()
    urls = {}
    for version in [*batch.values(), *Page.objects.filter(pk__in=others).only("pk", "url_path")]:
        version._wagtail_cached_site_root_paths = root_paths
        urls[version.pk] = version.get_url(request)
    return groups, urls


def represented_languages(page_pk, versions):
    """The interface languages this version stands for within its group."""
    by_language = {language: pk for pk, language in versions}
    original = versions[0][0]
    return [code for code in UI_LANGUAGES if by_language.get(code, original) == page_pk]


def build_documents(pages, request=None):
    """Documents for a batch of specific pages, with one query for their translations."""
    groups, urls = translation_groups(pages, request)
    documents = []
    for page in pages:
        versions = groups[page.translation_key]
        translations = [{"language": language, "url": urls[pk]} for pk, language in versions if pk != page.pk]
        documents.append(document(page, urls[page.pk], versions, translations))
    return documents


def document(page, url, versions, translations):
    language = page.locale.language_code
    body = {
        "page_id": page.pk,
        "type": DOCUMENT_TYPES[type(page)],
        "language": language,
        "translation_key": str(page.translation_key),
        "represents": represented_languages(page.pk, versions),
        "translations": translations,
        "url": url,
        "title": page.title,
        "summary": getattr(page, "summary", "") or getattr(page, "intro", ""),
        "revision_id": page.live_revision_id,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "external_id": getattr(page, "external_id", "") or None,
    }
    body.update(taxonomy_fields(page))
    body.update(place_fields(page))
    body.update(type_fields(page))
    text = " ".join(part for part in (page.title, body["summary"], body.pop("text", "")) if part)
    for code in CONTENT_LANGUAGES:
        body[f"text_{code}"] = text if code == language else None
    return body


def taxonomy_fields(page):
    fields = {}
    for name in ("themes", "topics", "target_groups", "approaches", "spotlights"):
        terms = getattr(page, f"indexed_{name}", [])
        fields[name] = slugs(terms)
        fields[f"{name}_labels"] = labels(terms)
    sdgs = getattr(page, "indexed_sdgs", [])
    fields["sdgs"] = [sdg.number for sdg in sdgs]
    fields["sdgs_labels"] = labels(sdgs)
    return fields


def place_fields(page):
    city = getattr(page, "city", None)
    # An expert may name a country without a city.
    country = city.country if city else getattr(page, "country", None)
    if country is None:
        return {"city": None, "country": None, "region": None, "place_labels": []}
    region = city.region if city else country.region
    latitude = getattr(page, "latitude", None) or (city.latitude if city else None)
    longitude = getattr(page, "longitude", None) or (city.longitude if city else None)
    return {
        "city": city.slug if city else None,
        "country": country.code,
        "region": region.slug if region else None,
        "place_labels": labels(term for term in (city, country, region) if term),
        "location": {"lat": float(latitude), "lon": float(longitude)} if latitude is not None else None,
    }


def type_fields(page):
    """What only some page types carry: years, status, facets, organisation, thumbnail."""
    fields = {"text": ""}
    if isinstance(page, CaseStudyPage):
        values = page.indexed_spotlight_facet_values
        fields.update(
            start_year=page.start_year,
            end_year=page.end_year,
            status=page.status.slug if page.status else None,
            organisation=page.organisation,
            tags=[tag.name for tag in page.indexed_tags],
            spotlight_facets=[f"{value.facet.key}:{value.slug}" for value in values],
            spotlight_facets_labels=labels(values),
            text=" ".join(plain_text(part) for part in (page.context, page.solution, page.results, page.lessons)),
        )
    elif isinstance(page, CityPortraitPage | PositionPage):
        fields["text"] = plain_text(page.body)
    elif isinstance(page, SpotlightPage):
        fields["spotlights"] = [page.spotlight.slug]
        fields["spotlights_labels"] = labels([page.spotlight])
    elif isinstance(page, ExpertProfilePage):
        fields.update(
            organisation=page.organisation,
            tags=[tag.name for tag in page.indexed_expertise_tags],
            availability=[choice.value for choice in Availability if getattr(page, choice.value)],
            speaks=page.languages.split(),
            text=" ".join((page.position, plain_text(page.biography))),
        )
        fields["thumbnail"] = page.photo.get_rendition(PORTRAIT).url if page.photo else None
        return fields
    image = getattr(page, "hero_image", None)
    fields["thumbnail"] = image.get_rendition(THUMBNAIL).url if image else None
    return fields
