"""Which fields of a translated page still show the source language's text.

While some strings are untranslated, wagtail-localize fills them with the source
text; `TranslationGaps` says which fields those are, so that the public page marks
them with their language and tells the visitor (templatetags/translation_tags.py).
"""

from dataclasses import dataclass, field

from wagtail_localize.models import StringSegment, Translation


@dataclass
class TranslationGaps:
    """The fields of a translated page still showing the source language's text."""

    source_language: str = ""
    fields: set = field(default_factory=set)

    def __bool__(self):
        return bool(self.fields)


def translation_gaps(page):
    """Two queries: the page's translation record, then its untranslated strings."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source__locale")
        .first()
    )
    if translation is None:
        return TranslationGaps()
    missing = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale_id)
        .filter(translation__isnull=True)
        .values_list("context__path", flat=True)
    )
    # A segment's path starts with the model field it came from ("summary", "context.<block>").
    return TranslationGaps(
        source_language=translation.source.locale.language_code,
        fields={path.split(".")[0] for path in missing},
    )
