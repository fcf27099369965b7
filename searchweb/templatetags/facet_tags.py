"""{% facet_values facet values %}: a facet's checkboxes.

Written here rather than by an included template, and escaped with the standard
library's `html.escape` rather than `format_html`: a search page or a spotlight
landing shows a few hundred values (every city and country of its results), and the
template engine's cost per variable, then Django's lazy-aware escaping, made them
about a fifth of such a page's rendering at 10,000 cases. Each checkbox's label is a
target big enough to tap; its id lets search.js give focus back to the box once the
results are swapped.
"""

from html import escape

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import slugify
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def facet_values(facet, values):
    parameter = escape(facet["parameter"])
    sdg = " sdg" if facet["parameter"] == "sdg" else ""
    items = []
    for value in values:
        style = f' style="--sdg-colour: {escape(value["colour"])}"' if value.get("colour") else ""
        checked = " checked" if value["selected"] else ""
        raw = str(value["value"])
        items.append(
            f'<label class="facet__value{sdg}"{style}>'
            f'<input type="checkbox" id="filter-{parameter}-{escape(slugify(raw))}" name="{parameter}"'
            f' value="{escape(raw)}"{checked}>\n'
            f"<span>{escape(str(value['label']))} "
            f'<span class="facet__count">({escape(intcomma(value["count"]))})</span></span></label>\n'
        )
    # Every piece above is escaped or a literal of this function.
    return mark_safe("".join(items))  # noqa: S308
