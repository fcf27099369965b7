"""Translations go through the same review as any page.

wagtail-localize publishes a new translation at once when its source is live
(`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`, switched off in the settings), and
its "Update translations" form offers "Publish immediately" to anyone who may edit.
Here a translator's work becomes a draft revision of the translated page, sent to the
moderators like every other draft; only a moderator's approval publishes it.

While some strings are untranslated, wagtail-localize fills them with the source
text; `TranslationGaps` says which fields those are, so that the public page marks
them with their language and tells the visitor.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from .editorial import submit_for_review


def can_publish(translation, user):
    target = translation.get_target_instance()
    return target.permissions_for_user(user).can_publish()


def submit_translation(translation, user):
    """Write the translated strings into a draft of the target page and send it to
    the moderators; returns the page. A missing required string raises the
    ValidationError wagtail-localize reports (the draft is then not saved)."""
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    submit_for_review(page, user)
    return page


def submit_translations(translations, user):
    """Submit each translation; returns (pages submitted, translations refused)."""
    submitted, refused = [], []
    for translation in translations:
        try:
            submitted.append(submit_translation(translation, user))
        except ValidationError:
            refused.append(translation)
    return submitted, refused


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


def is_page_translation(translation):
    return issubclass(translation.source.specific_content_type.model_class(), Page)


@dataclass
class TranslationToDo:
    page: Page
    locale: object
    translation: Translation | None = None
    target_id: int | None = None
    total: int = 0
    translated: int = 0
    outdated: bool = False

    @property
    def percent(self):
        return round(100 * self.translated / self.total) if self.total else 0


def translations_to_do():
    """Per target language, the live source pages whose translation is missing,
    unfinished, or older than the source's last publication."""
    default = Locale.get_default()
    # Home pages (depth 2) are created in every language by setup_site.
    sources = list(Page.objects.live().filter(locale=default, depth__gt=2).order_by("path"))
    keys = [page.translation_key for page in sources]
    report = {}
    for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code"):
        existing = dict(
            Page.objects.filter(locale=locale, translation_key__in=keys).values_list("translation_key", "pk")
        )
        records = {
            record.source.object_id: record
            for record in Translation.objects.filter(
                source__object_id__in=keys, target_locale=locale, enabled=True
            ).select_related("source")
        }
        rows = []
        for page in sources:
            if page.translation_key not in existing:
                rows.append(TranslationToDo(page, locale))
                continue
            record = records.get(page.translation_key)
            if record is None:  # translated by hand, outside wagtail-localize
                continue
            total, translated = record.get_progress()
            outdated = bool(page.last_published_at and page.last_published_at > record.source.last_updated_at)
            if translated < total or outdated:
                rows.append(
                    TranslationToDo(page, locale, record, existing[page.translation_key], total, translated, outdated)
                )
        report[locale] = rows
    return report
