from django import template
from django.utils.html import format_html

from core.translation_gaps import TranslationGaps, translation_gaps

register = template.Library()


@register.simple_tag
def untranslated_parts(page):
    """The fields of `page` that still show the source language (a page in the
    editor's preview has no translation record yet)."""
    return translation_gaps(page) if page.pk else TranslationGaps()


@register.simple_tag
def source_lang(gaps, field_name):
    """` lang="en"` on an element showing a field still in the source language, so
    that screen readers pronounce it right and the notice can point to it."""
    if field_name in gaps.fields:
        return format_html(' lang="{}" data-untranslated', gaps.source_language)
    return ""
