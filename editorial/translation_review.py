"""Translations go through the same review as any page.

wagtail-localize publishes a new translation at once when its source is live
(`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`, switched off in the settings), and
its "Update translations" form offers "Publish immediately" to anyone who may edit.
Here a translator's work becomes a draft revision of the translated page, sent to the
moderators like every other draft; only a moderator's approval publishes it.

The "Translations to do" report lists, per language, the live pages whose
translation is missing, unfinished or outdated. (Which fields of a public page still
show the source text is core's business: core/translation_gaps.py.)
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .workflow import submit_for_review


def can_publish(translation, user):
    target = translation.get_target_instance()
    return target.permissions_for_user(user).can_publish()


def submit_translation(translation, user):
    """Write the translated strings into a draft of the target page and send it to
    the moderators; returns the draft (the page as its new revision has it). A
    missing required string raises the ValidationError wagtail-localize reports (the
    draft is then not saved)."""
    published = published_revision(translation)
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance()
    if published is not None:
        # wagtail-localize also writes the strings into the page's own row, which for a
        # live page is what visitors see: the published content goes back there, and
        # the new revision stays the draft the moderators review.
        published.as_object().save(clean=False)
    submit_for_review(page, user)
    return page.get_latest_revision_as_object()


def published_revision(translation):
    """The revision visitors see of the translated page, if it is live."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:  # not created yet
        return None
    return target.live_revision if target.live else None


def submit_translations(translations, user):
    """Submit each translation; returns (drafts submitted, translations refused)."""
    submitted, refused = [], []
    for translation in translations:
        try:
            submitted.append(submit_translation(translation, user))
        except ValidationError:
            refused.append(translation)
    return submitted, refused


def is_page_translation(translation):
    return issubclass(translation.source.specific_content_type.model_class(), Page)


@dataclass
class TranslationToDo:
    page: Page
    source_locale: Locale
    locale: Locale
    translation: Translation | None = None
    target_id: int | None = None
    total: int = 0
    translated: int = 0
    outdated: bool = False

    @property
    def percent(self):
        return round(100 * self.translated / self.total) if self.total else 0


def reported_pages(page_type=None):
    """Every language version of the pages the report covers, live or not, of one
    page type (a ContentType) or all. Home pages (depth 2) are created in every
    language by setup_site."""
    pages = Page.objects.filter(depth__gt=2)
    return pages.filter(content_type=page_type) if page_type else pages


def reported_page_types():
    """The page types that have live pages to report, for the report's filter."""
    used = reported_pages().live().values("content_type_id")
    return ContentType.objects.filter(pk__in=used)


def source_pages(versions, source_locales):
    """Per translation key, the page the others were translated from: the one in the
    language wagtail-localize first translated it from, or, for a group translated
    by hand or not at all, its oldest page."""
    groups = {}
    for page in sorted(versions, key=lambda page: page.pk):
        groups.setdefault(page.translation_key, {}).setdefault(page.locale_id, page)
    sources = {}
    for key, by_locale in groups.items():
        oldest = next(iter(by_locale.values()))
        sources[key] = by_locale.get(source_locales.get(key), oldest)
    return groups, sources


def with_progress(translations):
    """Each translation annotated with its number of texts (`total`) and of those
    translated (`translated`), as Translation.get_progress counts them, in the same
    query rather than two more per translation."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).order_by().values("source_id")
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    return translations.annotate(
        total=Coalesce(Subquery(segments.annotate(count=Count("pk")).values("count")), 0),
        translated=Coalesce(Subquery(segments.filter(Exists(done)).annotate(count=Count("pk")).values("count")), 0),
    )


def translations_to_do(page_type=None):
    """Per target language, the live pages whose translation is missing, unfinished,
    or older than the last publication of the page it translates, whatever language
    that page was written in. Four queries, however many pages."""
    pages = reported_pages(page_type)
    keys = pages.values("translation_key")
    source_locales = {}
    for key, locale_id in (
        TranslationSource.objects.filter(object_id__in=keys)
        .order_by("-created_at")
        .values_list("object_id", "locale_id")
    ):
        source_locales[key] = locale_id  # the earliest, written last
    groups, sources = source_pages(list(pages), source_locales)
    records = {
        (record.source.object_id, record.target_locale_id): record
        for record in with_progress(
            Translation.objects.filter(source__object_id__in=keys, enabled=True).select_related("source")
        )
    }
    live_sources = sorted((page for page in sources.values() if page.live), key=lambda page: page.path)
    locales = {locale.pk: locale for locale in Locale.objects.order_by("language_code")}
    report = {}
    for locale in locales.values():
        rows = []
        for source in live_sources:
            if source.locale_id == locale.pk:
                continue
            target = groups[source.translation_key].get(locale.pk)
            if target is None:
                rows.append(TranslationToDo(source, locales[source.locale_id], locale))
                continue
            record = records.get((source.translation_key, locale.pk))
            if record is None:  # translated by hand, outside wagtail-localize
                continue
            translated_from = groups[source.translation_key].get(record.source.locale_id, source)
            outdated = bool(
                translated_from.last_published_at and translated_from.last_published_at > record.source.last_updated_at
            )
            if record.translated < record.total or outdated:
                rows.append(
                    TranslationToDo(
                        source,
                        locales[source.locale_id],
                        locale,
                        translation=record,
                        target_id=target.pk,
                        total=record.total,
                        translated=record.translated,
                        outdated=outdated,
                    )
                )
        report[locale] = rows
    return report
