"""`import_cases`: case studies from JSON Lines, as docs/import-format.md specifies.

Every row is checked first; valid rows are then written one transaction each, the
originals before their translations, so a row is imported whole or not at all.
Re-importing an external_id updates its page instead of duplicating it.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify
from wagtail.models import Locale

from core.import_tools import LANGUAGE_CODES, Place, RecordReader, RowError, RowImporter, paragraphs_to_html
from core.slugs import free_slug
from taxonomy.models import Approach, CaseStatus, Spotlight, SpotlightFacetValue, TargetGroup

from .models import CaseIndexPage, CaseStudyPage
from .models.values import FIRST_YEAR

KNOWN_FIELDS = {
    "external_id", "language", "translation_of", "title", "summary", "sections", "city", "country", "region",
    "start_year", "status", "themes", "topics", "sdgs", "target_groups", "approaches", "tags", "spotlights",
    "spotlight_facets", "organisation", "website",
}  # fmt: skip
SECTIONS = ("context", "solution", "results", "lessons")


@dataclass
class CaseRecord:
    """One checked row, ready to be written."""

    line: int
    external_id: str
    language: str
    translation_of: str
    place: Place
    values: dict
    relations: dict
    tags: list


class CaseImporter(RowImporter):
    known_fields = KNOWN_FIELDS

    def check(self, line):
        reader = RecordReader(line.record)
        external_id = reader.text("external_id", required=True, max_length=100)
        language = reader.choice("language", LANGUAGE_CODES, required=True)
        translation_of = reader.text("translation_of")
        if translation_of == external_id:
            raise RowError("translation_of", "a record cannot translate itself")
        sections = line.record.get("sections") or {}
        if not isinstance(sections, dict):
            raise RowError("sections", "must be an object with context, solution, results, lessons")
        section_reader = RecordReader(sections)
        place = self.locate(line, reader)
        themes, topics = reader.themes_and_topics(required=True)
        spotlights = reader.terms("spotlights", Spotlight)
        status = None
        status_slug = reader.text("status")
        if status_slug:
            status = CaseStatus.objects.filter(slug=status_slug).first()
            if status is None:
                raise RowError("status", f"unknown case status {status_slug!r}")
        values = {
            "title": reader.text("title", required=True, max_length=255),
            "summary": reader.text("summary", required=True),
            **{name: paragraphs_to_html(section_reader.text(name)) for name in SECTIONS},
            "start_year": reader.year("start_year", FIRST_YEAR, date.today().year + 1),
            "status": status,
            "organisation": reader.text("organisation", max_length=255),
            "website": reader.url("website"),
        }
        return CaseRecord(
            line=line.number,
            external_id=external_id,
            language=language,
            translation_of=translation_of,
            place=place,
            values=values,
            relations={
                "themes": themes,
                "topics": topics,
                "sdgs": reader.sdgs(required=True),
                "target_groups": reader.terms("target_groups", TargetGroup),
                "approaches": reader.terms("approaches", Approach),
                "spotlights": spotlights,
                "spotlight_facet_values": self.spotlight_facets(line.record, spotlights),
            },
            tags=reader.string_list("tags"),
        )

    @staticmethod
    def spotlight_facets(record, spotlights):
        facets = record.get("spotlight_facets") or {}
        if not isinstance(facets, dict):
            raise RowError("spotlight_facets", "must be an object of lists of slugs")
        chosen = []
        for key, slugs in facets.items():
            reader = RecordReader({key: slugs})
            values = {
                value.slug: value
                for value in SpotlightFacetValue.objects.filter(facet__key=key, facet__spotlight__in=spotlights)
            }
            if not values:
                raise RowError("spotlight_facets", f"{key!r} is not a facet of the given spotlights")
            unknown = [slug for slug in reader.string_list(key) if slug not in values]
            if unknown:
                raise RowError("spotlight_facets", f"{key}: unknown value {', '.join(map(repr, unknown))}")
            chosen += [values[slug] for slug in reader.string_list(key)]
        return chosen

    def in_writing_order(self, records):
        """Originals first; a translation only when what it translates exists or comes."""
        originals = [record for record in records.values() if not record.translation_of]
        translations = []
        for record in records.values():
            if not record.translation_of:
                continue
            source = records.get(record.translation_of)
            problem = None
            if record.translation_of in self.rejected_ids:
                problem = self.rejected_source(record)
            elif source is None and not CaseStudyPage.objects.filter(external_id=record.translation_of).exists():
                problem = f"no case with external_id {record.translation_of!r}"
            elif source is not None and source.language == record.language:
                problem = "translates a record in the same language"
            if problem:
                self.report.reject(record.line, RowError("translation_of", problem))
                self.progress()
            else:
                translations.append(record)
        return originals + translations

    def rejected_source(self, record):
        return f"points to line {self.rejected_ids[record.translation_of]}, which was rejected"

    def find_existing(self, record):
        existing = CaseStudyPage.objects.filter(external_id=record.external_id).first()
        if existing and existing.locale.language_code != record.language:
            raise RowError(
                "language", f"the existing case is in {existing.locale.language_code}, not {record.language}"
            )
        return existing

    def save(self, record, existing):
        page = existing or CaseStudyPage(external_id=record.external_id, live=not self.draft)
        for name, value in record.values.items():
            setattr(page, name, value)
        page.city = self.places.create_missing(record.place).city
        for name, terms in record.relations.items():
            setattr(page, name, terms)
        if existing is None:
            self.place(page, record)
        page.tags.set(record.tags)
        self.publish(page)

    def place(self, page, record):
        locale = Locale.objects.get(language_code=record.language)
        page.locale = locale
        if record.translation_of:
            # The original was checked, but its own write may have been rejected since.
            if record.translation_of in self.rejected_ids:
                raise RowError("translation_of", self.rejected_source(record))
            source = CaseStudyPage.objects.get(external_id=record.translation_of)
            if source.has_translation(locale):
                raise RowError("translation_of", f"{record.translation_of!r} already has a {record.language} version")
            page.translation_key = source.translation_key
        parent = case_index(locale)
        page.slug = free_slug(parent, slugify(record.values["title"])[:80] or slugify(record.external_id))
        parent.add_child(instance=page)


def case_index(locale):
    """The case index of a language, made as a translation of another language's
    index when that language has none yet."""
    index = CaseIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    source = CaseIndexPage.objects.first()
    if source is None:
        raise RowError(
            "language",
            "the site has no case index page yet (add one in the admin, or run `manage.py load_demo` in development)",
        )
    translation = source.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    return translation
