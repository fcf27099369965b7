from django import template

from search.service import suggestion_type_labels

register = template.Library()


@register.simple_tag
def suggestion_types():
    """[(type, label)] the suggestion list names its entries with (search/suggest.py)."""
    return list(suggestion_type_labels().items())
