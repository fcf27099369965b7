from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every interface language.

    A Wagtail page links to its live translation, or, when it has none, to that
    language's home page; other views keep their path under the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    if page is not None:
        site = Site.find_for_request(request)
        urls = live_translation_urls(page, request)
        home_urls = live_translation_urls(site.root_page, request) if site else {}
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = urls.get(code) or home_urls.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def live_translation_urls(page, request):
    """{language code: URL} of a page's live versions, in one query."""
    versions = Page.objects.filter(translation_key=page.translation_key, live=True).select_related("locale")
    return {version.locale.language_code: version.get_url(request) for version in versions}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The sections of the visitor's language: the live pages right under its home page."""
    request = context["request"]
    site = Site.find_for_request(request)
    home = site.root_page.get_translation_or_none(Locale.get_active()) if site else None
    items = home.get_children().live().public() if home else Page.objects.none()
    return {"items": [(item.title, item.get_url(request)) for item in items]}
