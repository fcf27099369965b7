from django import template
from wagtail.models import Page

from core import seo

register = template.Library()


@register.inclusion_tag("includes/head_meta.html", takes_context=True)
def head_meta(context):
    """Canonical link, hreflang alternates, OpenGraph and Twitter tags and JSON-LD for
    the Wagtail page being shown, or else for the view's own path (see core/seo.py)."""
    request = context["request"]
    page = context.get("page")
    # Only a Wagtail page describes itself; another view's "page" may be anything.
    if isinstance(page, Page):
        return seo.page_meta(page, request)
    return seo.view_meta(request)
