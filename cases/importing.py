"""`import_cases`: case studies from JSON Lines, as docs/import-format.md specifies.

Every row is checked first; valid rows are then written one transaction each, the
originals before their translations, so a row is imported whole or not at all.
Re-importing an external_id updates its page instead of duplicating it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail.models import Locale

from core.import_tools import LANGUAGE_CODES, Place, RecordReader, RowError, RowImporter, paragraphs_to_html
from core.slugs import free_slug
from taxonomy.models import Approach, CaseStatus, Spotlight, SpotlightFacetValue, TargetGroup

from .models import CaseIndexPage, CaseStudyPage, EvidenceLevel, FollowUp, OutcomeIndicator
from .models.outcomes import check_budget, check_outcome
from .models.values import FIRST_YEAR

KNOWN_FIELDS = {
    "external_id", "language", "translation_of", "title", "summary", "sections", "city", "country", "region",
    "start_year", "status", "themes", "topics", "sdgs", "target_groups", "approaches", "tags", "spotlights",
    "spotlight_facets", "organisation", "website", "evidence_level", "last_verified", "outcomes", "budget",
    "follow_ups",
}  # fmt: skip
OUTCOME_FIELDS = {"measure", "value", "unit", "result_year", "baseline_value", "baseline_year", "source_name",
                  "source_url", "evidence_level"}  # fmt: skip
BUDGET_FIELDS = {"amount", "currency", "period", "funding_sources"}
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
    outcomes: list
    follow_ups: list


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
            "last_verified": read_date(reader, "last_verified"),
            **read_budget(line.record.get("budget")),
        }
        evidence_level = reader.choice("evidence_level", EvidenceLevel.values)
        if evidence_level:
            # Left out, it stays what an editor set (a new case starts "described").
            values["evidence_level"] = evidence_level
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
            outcomes=read_list(line.record, "outcomes", read_outcome),
            follow_ups=read_list(line.record, "follow_ups", read_follow_up),
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
        page.outcomes = [OutcomeIndicator(**values) for values in record.outcomes]
        page.follow_ups = [FollowUp(**values) for values in record.follow_ups]
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


def read_date(reader, name):
    text = reader.text(name)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RowError(name, f"must be a date written YYYY-MM-DD, not {text!r}") from None


def read_number(record, name):
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowError(name, f"must be a number, not {value!r}")
    return Decimal(str(value))


def as_row_error(error, prefix):
    """A model's ValidationError (its first message) as the importer's RowError."""
    name, messages = next(iter(error.message_dict.items()))
    return RowError(f"{prefix}.{name}", " ".join(str(message) for message in messages))


def read_list(record, name, read_item):
    """A list of objects, each read by `read_item`; an error names the item: outcomes[2].unit."""
    items = record.get(name) or []
    if not isinstance(items, list):
        raise RowError(name, "must be a list of objects")
    values = []
    for number, item in enumerate(items, start=1):
        prefix = f"{name}[{number}]"
        if not isinstance(item, dict):
            raise RowError(prefix, "must be an object")
        try:
            values.append(read_item(item))
        except RowError as error:
            raise RowError(f"{prefix}.{error.field}", error.reason) from None
        except ValidationError as error:
            raise as_row_error(error, prefix) from None
    return values


def read_outcome(item):
    reader = RecordReader(item)
    unknown = set(item) - OUTCOME_FIELDS
    if unknown:
        raise RowError(sorted(unknown)[0], f"unknown field; an outcome has {', '.join(sorted(OUTCOME_FIELDS))}")
    years = (FIRST_YEAR, date.today().year + 1)
    values = {
        "measure": reader.text("measure", required=True, max_length=255),
        "value": read_number(item, "value"),
        "unit": reader.text("unit", max_length=60),
        "result_year": reader.year("result_year", *years),
        "baseline_value": read_number(item, "baseline_value"),
        "baseline_year": reader.year("baseline_year", *years),
        "source_name": reader.text("source_name", max_length=255),
        "source_url": reader.url("source_url"),
        "evidence_level": reader.choice("evidence_level", EvidenceLevel.values),
    }
    check_outcome(values["value"], values["baseline_value"], values["unit"], values["baseline_year"],
                  values["result_year"])  # fmt: skip
    return values


def read_follow_up(item):
    reader = RecordReader(item)
    followed = read_date(reader, "date")
    if followed is None:
        raise RowError("date", "is required")
    return {"date": followed, "text": reader.text("text", required=True)}


def read_budget(budget):
    """The budget object as the page's budget fields; no object leaves them empty."""
    if budget is None:
        return {"budget_amount": None, "budget_currency": "", "budget_period": "", "funding_sources": ""}
    if not isinstance(budget, dict):
        raise RowError("budget", "must be an object with amount, currency, period, funding_sources")
    unknown = set(budget) - BUDGET_FIELDS
    if unknown:
        raise RowError(
            f"budget.{sorted(unknown)[0]}", f"unknown field; a budget has {', '.join(sorted(BUDGET_FIELDS))}"
        )
    reader = RecordReader(budget)
    try:
        values = {
            "budget_amount": read_number(budget, "amount"),
            "budget_currency": reader.text("currency", max_length=3).upper(),
            "budget_period": reader.text("period", max_length=100),
            "funding_sources": reader.text("funding_sources", max_length=255),
        }
        if values["budget_amount"] is not None and values["budget_amount"] < 0:
            raise RowError("amount", "cannot be negative")
        check_budget(values["budget_amount"], values["budget_currency"])
    except RowError as error:
        raise RowError(f"budget.{error.field}", error.reason) from None
    except ValidationError as error:
        raise RowError("budget.currency", " ".join(str(m) for m in error.messages)) from None
    return values
