"""What search engines and link previews read in a page's <head>: the canonical URL,
the page's other languages (hreflang), OpenGraph and Twitter card tags, and schema.org
JSON-LD (https://developers.google.com/search/docs/appearance/structured-data).

A Wagtail page describes itself from its fields; any other view (search, accounts)
gets the same tags from its path. Every URL is made absolute on the Wagtail site's
root URL, the one Wagtail's full URLs and the sitemap use, so the canonical link, the
hreflang links and the sitemap always name a page the same way.
"""

import json
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, to_locale
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from core.templatetags.navigation_tags import live_translation_urls

logger = logging.getLogger(__name__)

# Facebook, LinkedIn and X crop link previews to 1.91:1; 1200 pixels wide stays sharp.
SHARE_IMAGE_FILTER = "fill-1200x630"
DESCRIPTION_LENGTH = 300
# A case is an article and a profile is a person's page; everything else is the site.
OG_TYPES = {"Article": "article", "Person": "profile"}
# As Django's json_script does: a "</script>" or "<!--" inside a title cannot end the element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def og_locale(language):
    """OpenGraph names a locale by language and territory (https://ogp.me/#optional):
    settings.OG_LOCALES where the language's code is not its territory's, as for
    English; a regional code as it says ("pt-br": pt_BR); otherwise the territory of
    the same code (fr_FR, es_ES, pt_PT)."""
    if language in settings.OG_LOCALES:
        return settings.OG_LOCALES[language]
    locale = to_locale(language)
    return locale if "_" in locale else f"{locale}_{locale.upper()}"


def site_name():
    return settings.SITE_NAME


def absolute_url(request, url):
    """`url` on the root URL of the request's Wagtail site; an absolute `url` (an image
    on a CDN, a page of another site) stays as it is."""
    site = Site.find_for_request(request)
    return urljoin(site.root_url, url) if site else request.build_absolute_uri(url)


def hreflang_links(urls):
    """[(hreflang, URL)] from {language code: URL}, in the order of settings.LANGUAGES,
    then x-default on the default language's version when there is one."""
    links = [(code, urls[code]) for code, _name in settings.LANGUAGES if code in urls]
    if settings.LANGUAGE_CODE in urls:
        links.append(("x-default", urls[settings.LANGUAGE_CODE]))
    return links


def page_meta(page, request):
    """Head tags of a Wagtail page (a specific page, as Wagtail gives templates)."""
    language = page.locale.language_code
    versions = {code: absolute_url(request, url) for code, url in live_translation_urls(page, request).items()}
    image = share_image(page, request)
    data = structured_data(page, request, image)
    return head_context(
        canonical=page.get_full_url(request),
        versions=versions,
        language=language,
        title=page.seo_title or page.title,
        description=page.search_description or getattr(page, "summary", "") or getattr(page, "intro", ""),
        og_type=OG_TYPES.get(data["@type"], "website") if data else "website",
        image=image,
        data=data,
    )


def view_meta(request):
    """Head tags of a view that is not a Wagtail page (search, accounts): its path,
    without the query string, under each language prefix."""
    versions = {code: absolute_url(request, translate_url(request.path, code)) for code, _name in settings.LANGUAGES}
    return head_context(
        canonical=absolute_url(request, request.path),
        versions=versions,
        language=translation.get_language(),
        title=site_name(),
        description=gettext("A knowledge exchange for cities: good practices and the people behind them."),
    )


def head_context(*, canonical, versions, language, title, description, og_type="website", image=None, data=None):
    return {
        "canonical": canonical,
        "alternates": hreflang_links(versions),
        "title": title,
        "description": Truncator(description).chars(DESCRIPTION_LENGTH),
        "og_type": og_type,
        "site_name": site_name(),
        "locale": og_locale(language),
        "locale_alternates": [og_locale(code) for code in versions if code != language],
        "image": image,
        "json_ld": json_ld(data) if data else None,
    }


def share_image(page, request):
    """The page's hero image (a case, a spotlight) or photo (an expert) as a link
    preview: URL, size and alternative text of its 1200x630 crop, or None."""
    image = getattr(page, "hero_image", None) or getattr(page, "photo", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    except SourceImageIOError:
        # The page itself still renders (Wagtail's {% image %} shows a broken image); the
        # preview goes without a picture rather than pointing at nothing.
        logger.warning("Image %s has lost its file: page %s is shared without a picture", image.pk, page.pk)
        return None
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - every <, > and & is escaped just above


def structured_data(page, request, image):
    """The page as a schema.org item, or None for a page type that describes itself in
    none: each page type that does says what it is in a `structured_data(request)`
    method; its URL and image are added here."""
    describe = getattr(page, "structured_data", None)
    if describe is None:
        return None
    data = {
        "@context": "https://schema.org",
        **describe(request),
        "url": page.get_full_url(request),
        "image": image and image["url"],
    }
    return present(data)


def present(data):
    """The fields that have a value: readers take a missing field better than an empty one."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def postal_address(city, country, language):
    return present(
        {
            "@type": "PostalAddress",
            "addressLocality": city.label_in(language) if city else None,
            "addressCountry": country.code,
        }
    )
