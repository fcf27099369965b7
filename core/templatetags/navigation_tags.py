from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site, get_page_models

from core.links import link
from core.privacy import private_sections

register = template.Library()
LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.simple_tag(name="link")
def link_tag(key, *args):
    """`{% link "city" slug %}`: the address of a page a higher app serves (core/links.py)."""
    return link(key, *args)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every interface language.

    A Wagtail page links to its live translation; without one, to a view that finds
    the nearest translated ancestor and says so. Other views keep their path under
    the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    urls = live_translation_urls(page, request) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        if page is None:
            url = translate_url(request.get_full_path(), code)
        elif page.pk is None:  # a new page in the editor's preview has no versions yet
            url = f"/{code}/"
        elif code in urls:
            url = urls[code]
        else:
            with translation.override(code):
                url = link("nearest_translation", page.pk)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("includes/other_languages.html", takes_context=True)
def other_languages(context, page):
    """ "Also available in": the page's live translations besides the one shown."""
    urls = live_translation_urls(page, context["request"])
    return {
        "versions": [
            {"code": code, "name": LANGUAGE_NAMES[code], "url": url}
            for code, url in urls.items()
            if code != page.locale.language_code and code in LANGUAGE_NAMES
        ]
    }


def live_translation_urls(page, request):
    """{language code: URL} of a page's live versions, in one query per request: the
    switcher, "also available in" and the head's hreflang links all ask for them."""
    known = request.__dict__.setdefault("_live_translation_urls", {})
    if page.translation_key not in known:
        # A version behind a view restriction is not offered to the public either.
        versions = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .exclude(private_sections(request))
            .select_related("locale")
        )
        known[page.translation_key] = {version.locale.language_code: version.get_url(request) for version in versions}
    return known[page.translation_key]


@register.inclusion_tag("includes/nav_links.html", takes_context=True)
def main_menu(context):
    """The sections of the visitor's language: the live pages right under its home page."""
    request = context["request"]
    site = Site.find_for_request(request)
    home = site.root_page.get_translation_or_none(Locale.get_active()) if site else None
    items = home.get_children().live().exclude(private_sections(request)) if home else Page.objects.none()
    # Page types that set `in_main_menu = False` (the footer's information pages) live
    # under the home page without crowding the sections.
    kept_out = [model for model in get_page_models() if not getattr(model, "in_main_menu", True)]
    if kept_out:
        items = items.not_type(*kept_out)
    # Then the views that are no page of the tree (registered by their apps: core sits below them).
    views = [(_("Insights"), link("insights"))]
    return {
        "links": [(item.title, item.get_url(request)) for item in items] + views,
        "nav_class": "main-menu",
        "nav_id": "main-menu",
        "label": _("Main"),
    }


@register.simple_tag
def language_codes():
    """The codes of settings.LANGUAGES, for a template rendered without context
    processors (the 500 page) that speaks every language."""
    return [code for code, _name in settings.LANGUAGES]
