"""The footer's links to the information pages (about, contact, privacy, terms) of the
visitor's language.

Every page shows them, so they are kept in this process's memory under the page
cache's `content` token (core/page_cache.py): a publish, unpublish, move or delete
changes the token and the next footer reads the pages again. While a page is being
rendered for the page cache the token is already known, so the footer costs no query;
any other render (a member's, a form's) reads the token: one query.
"""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.page_cache import content_version
from core.privacy import private_sections

from ..models import InformationPage

register = template.Library()
# {language code: (content token, [(title, url)])}: one entry per language, replaced
# when the content changes.
_links = {}


@register.inclusion_tag("includes/nav_links.html", takes_context=True)
def footer_links(context):
    request = context["request"]
    language = get_language()
    token = content_version()
    known = _links.get(language)
    if known is None or known[0] != token:
        pages = InformationPage.objects.live().exclude(private_sections(request)).filter(locale__language_code=language)
        known = (token, [(page.title, page.get_url(request)) for page in pages.order_by("path")])
        _links[language] = known
    return {"links": known[1], "nav_class": "site-footer__nav", "label": _("About the platform")}
