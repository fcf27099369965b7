from django import template
from django.utils.translation import get_language

from ..related import similar_cases as find_similar_cases

register = template.Library()


@register.simple_tag
def similar_cases(page):
    """{% similar_cases page as similar %}: cases like this one, in the visitor's language."""
    return find_similar_cases(page, get_language())
