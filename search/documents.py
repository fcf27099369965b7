"""Turns a published, public page into its search document.

One document per page and language. Translations of one page share a
translation_key; `represents` names the interface languages for which this
document stands for the whole group (its own language, and the languages the page
has no translation in, where the original stands in), so a search shows each page
once, in the visitor's language when it exists.
"""

from django.conf import settings
from wagtail.models import Page, Site

from . import registry
from .analysis import content_languages
from .facets import FACET_VALUES, counted_fields
from .registry import labels

UI_LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The vocabulary relations every page type may have (taxonomy.ThemedMixin); the SDGs
# are carried as numbers.
SHARED_TAXONOMIES = ("themes", "topics", "sdgs")
# The labels every document carries: its shared vocabularies' and its place's.
SHARED_LABEL_FIELDS = ("themes_labels", "topics_labels", "sdgs_labels", "place_labels")


def own_taxonomies():
    """The vocabulary relations the page types bring themselves."""
    return [name for name in registry.taxonomies() if name not in SHARED_TAXONOMIES]


def own_label_fields():
    """The label fields the page types bring: their own vocabularies' and those they fill themselves."""
    return list(dict.fromkeys([*(f"{name}_labels" for name in own_taxonomies()), *registry.label_fields()]))


def label_fields():
    return [*SHARED_LABEL_FIELDS, *own_label_fields()]


def document_id(page_id):
    return f"page-{page_id}"


def indexable_pages():
    """Every page the public index must hold: live, without view restriction."""
    return Page.objects.live().public().type(*registry.models())


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
    by_type = {}
    for page in pages:
        by_type.setdefault(registry.for_page(page), []).append(page)
    for declared, batch in by_type.items():
        declared.read_batch(batch)
    texts = version_texts(pages, groups)
    documents = []
    for page in pages:
        versions = groups[page.translation_key]
        translations = [{"language": language, "url": urls[pk]} for pk, language in versions if pk != page.pk]
        # Each language's field holds the version in that language: a search shows one
        # version per page (`represents`), and it must find the page by the words of any
        # of them ("guichet unique" finds the English version of a case whose French
        # version says it, for a visitor reading English).
        words = {language: texts[pk] for pk, language in versions}
        documents.append(document(page, urls[page.pk], versions, translations, words))
    return documents


def version_texts(pages, groups):
    """{pk: words} of the pages and of every other live, public version of them (the
    versions outside the batch are read in one query per page type)."""
    texts = {page.pk: page_text(page) for page in pages}
    others = {pk for versions in groups.values() for pk, _language in versions} - texts.keys()
    texts.update((page.pk, page_text(page)) for page in Page.objects.filter(pk__in=others).specific())
    return texts


def summary_of(page):
    return getattr(page, "summary", "") or getattr(page, "intro", "")


def page_text(page):
    return " ".join(part for part in (page.title, summary_of(page), registry.for_page(page).text(page)) if part)


def document(page, url, versions, translations, words):
    declared = registry.for_page(page)
    language = page.locale.language_code
    body = {
        "page_id": page.pk,
        "type": declared.type,
        "language": language,
        "translation_key": str(page.translation_key),
        "represents": represented_languages(page.pk, versions),
        "translations": translations,
        "url": url,
        "title": page.title,
        "summary": summary_of(page),
        "revision_id": page.live_revision_id,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "external_id": getattr(page, "external_id", "") or None,
    }
    body.update(taxonomy_fields(page))
    body.update(place_fields(page))
    body.update(declared.fields(page))
    body["thumbnail"] = declared.thumbnail(page)
    body[FACET_VALUES] = facet_values(body)
    for code in content_languages():
        body[f"text_{code}"] = words.get(code)
    return body


def facet_values(body):
    """The document's value of every facet field, as "field:value"."""
    values = []
    for name in counted_fields():
        value = body.get(name)
        for one in value if isinstance(value, list) else [value]:
            if one is not None and one != "":
                values.append(f"{name}:{one}")
    return values


def taxonomy_fields(page):
    """The terms its type prefetched (see SearchDocument.taxonomies) as slugs and
    labels; every document has the fields of every type's relations."""
    fields = {}
    for name in ("themes", "topics", *own_taxonomies()):
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
    return {
        "city": city.slug if city else None,
        "country": country.code,
        "region": region.slug if region else None,
        "place_labels": labels(term for term in (city, country, region) if term),
        "location": location(page, city),
    }


def location(page, city):
    """The page's own coordinates, or else its city's."""
    latitude = getattr(page, "latitude", None) or (city.latitude if city else None)
    longitude = getattr(page, "longitude", None) or (city.longitude if city else None)
    return {"lat": float(latitude), "lon": float(longitude)} if latitude is not None else None
