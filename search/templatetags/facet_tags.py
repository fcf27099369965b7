"""{% facet_values facet values %}: a facet's checkboxes.

Written here rather than by an included template: a search page or a spotlight
landing shows a few hundred values (every city and country of its results), and the
template engine's cost per variable made them about a fifth of such a page's
rendering at 10,000 cases. Each checkbox's label is a target big enough to tap; its id
lets search.js give focus back to the box once the results are swapped.
"""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import slugify
from django.utils.html import format_html, format_html_join

register = template.Library()

VALUE = (
    '<label class="facet__value{}"{}>'
    '<input type="checkbox" id="filter-{}-{}" name="{}" value="{}"{}>\n'
    '<span>{} <span class="facet__count">({})</span></span>'
    "</label>\n"
)


@register.simple_tag
def facet_values(facet, values):
    parameter = facet["parameter"]
    return format_html_join(
        "",
        VALUE,
        (
            (
                " sdg" if parameter == "sdg" else "",
                format_html(' style="--sdg-colour: {}"', value["colour"]) if value.get("colour") else "",
                parameter,
                slugify(value["value"]),
                parameter,
                value["value"],
                " checked" if value["selected"] else "",
                value["label"],
                intcomma(value["count"]),
            )
            for value in values
        ),
    )
