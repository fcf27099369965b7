from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale

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
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = localized_page_url(page, code, request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def localized_page_url(page, code, request):
    locale = Locale.objects.filter(language_code=code).first()
    translation = page.get_translation_or_none(locale) if locale else None
    if translation is None or not translation.live:
        site_root = request.site.root_page if getattr(request, "site", None) else None
        translation = site_root.get_translation_or_none(locale) if site_root and locale else None
    return translation.get_url(request) if translation else f"/{code}/"
