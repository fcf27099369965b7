from django import template
from django.utils.translation import get_language

from .. import related

register = template.Library()


@register.simple_tag
def similar_pages(page):
    """{% similar_pages page as similar %}: pages like this one and of its type, in the visitor's language."""
    return related.similar_pages(page, get_language())
