"""JSON Lines imports: reading and checking rows against the vocabularies, then
writing them.

Shared by `import_cases` and `import_experts` (see docs/import-format.md): every row is
checked before anything is written, every problem names its line and field, and each
valid row is written in a transaction of its own, so it is imported whole or not at all.
"""

import json
import logging
import sys
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils.html import escape
from django.utils.text import slugify
from tqdm import tqdm
from wagtail_localize.fields import BaseTranslatableField

from taxonomy.loader import country_labels
from taxonomy.models import City, Country, Region, SustainableDevelopmentGoal, Theme, Topic
from taxonomy.text import folded

from .database import refresh_planner_statistics
from .slugs import first_free

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
logger = logging.getLogger(__name__)

# An import id names one language version (an imported translation has its own), so
# wagtail-localize neither translates nor synchronises it; pages also leave it out of
# copies (`exclude_fields_in_copy`), so a translation made in the admin starts without one.
IMPORT_ID = BaseTranslatableField("external_id")


class RowError(Exception):
    def __init__(self, field_name, reason):
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


@dataclass
class Line:
    number: int
    record: dict | None = None
    error: RowError | None = None
    # Reported only if the row is accepted: a rejected row creates nothing to warn about.
    warnings: list = field(default_factory=list)

    def warn(self, field_name, message):
        self.warnings.append(f"line {self.number}: {field_name}: {message}")


def read_json_lines(path):
    """Every non-blank line of the file, parsed, or with the reason it could not be."""
    with open(path, encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            line = Line(number)
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                line.error = RowError("(line)", f"not valid JSON ({error.msg}, column {error.colno})")
            else:
                if isinstance(record, dict):
                    line.record = record
                else:
                    line.error = RowError("(line)", "each line must be a JSON object")
            yield line


def paragraphs_to_html(text):
    """Plain text with blank lines between paragraphs, as rich text."""
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in text.split("\n\n") if p.strip())


class RecordReader:
    """Typed access to one record's fields; each check raises a RowError naming the field."""

    def __init__(self, record):
        self.record = record

    def text(self, name, *, required=False, max_length=None):
        value = self.record.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise RowError(name, "is required")
            return ""
        if not isinstance(value, str):
            raise RowError(name, "must be a string")
        if max_length and len(value) > max_length:
            raise RowError(name, f"is {len(value)} characters long; at most {max_length} are allowed")
        return value.strip()

    def choice(self, name, choices, *, required=False):
        value = self.text(name, required=required)
        if value and value not in choices:
            raise RowError(name, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    def string_list(self, name, *, required=False):
        value = self.record.get(name)
        if value in (None, []):
            if required:
                raise RowError(name, "needs at least one value")
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise RowError(name, "must be a list of non-empty strings")
        return [item.strip() for item in value]

    def terms(self, name, model, *, required=False, lookup="slug"):
        """Vocabulary terms named by slug; unknown slugs are named in the error."""
        slugs = self.string_list(name, required=required)
        found = {getattr(term, lookup): term for term in model.objects.filter(**{f"{lookup}__in": slugs})}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise RowError(name, f"unknown {model._meta.verbose_name} {', '.join(map(repr, unknown))}")
        return [found[slug] for slug in dict.fromkeys(slugs)]

    def year(self, name, first, last):
        value = self.record.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise RowError(name, "must be a whole number")
        if not first <= value <= last:
            raise RowError(name, f"must be from {first} to {last}, not {value}")
        return value

    def url(self, name):
        value = self.text(name)
        if value:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise RowError(name, f"must be an http(s) address, not {value!r}")
        return value

    def themes_and_topics(self, *, required):
        themes = self.terms("themes", Theme, required=required)
        topics = self.terms("topics", Topic)
        stray = [topic.slug for topic in topics if topic.theme not in themes]
        if stray:
            raise RowError("topics", f"{', '.join(map(repr, stray))} not in the given themes")
        return themes, topics

    def sdgs(self, *, required):
        value = self.record.get("sdgs")
        if value in (None, []):
            if required:
                raise RowError("sdgs", "needs at least one goal")
            return []
        if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in value):
            raise RowError("sdgs", "must be a list of numbers from 1 to 17")
        outside = [n for n in value if not 1 <= n <= 17]
        if outside:
            raise RowError("sdgs", f"{', '.join(map(str, outside))} outside 1 to 17")
        return list(SustainableDevelopmentGoal.objects.filter(number__in=value))


@dataclass
class Place:
    """Where a record is: vocabulary terms, or the names of those still to be created."""

    code: str
    country: Country | None  # None: a country outside the vocabulary, created on writing
    region: Region | None
    city: City | None = None
    new_city_name: str = ""  # a city outside the vocabulary, created on writing


class PlaceResolver:
    """Finds cities by slug or by their name in any language, accents and case ignored."""

    def __init__(self):
        self.cities = {}
        for city in City.objects.select_related("country", "region"):
            self.remember(city)

    def remember(self, city):
        for key in (city.slug, *city.all_labels.values()):
            self.cities.setdefault(folded(key), city)

    def resolve(self, reader, *, city_required=True):
        """The record's `city`, `country` and `region`, checked; nothing is written yet."""
        code = reader.text("country", required=True).upper()
        country = Country.objects.filter(code=code).select_related("region").first()
        if country is None and not is_iso_country(code):
            raise RowError("country", f"{code!r} is not an ISO 3166-1 alpha-2 code")
        region_slug = reader.text("region")
        region = Region.objects.filter(slug=region_slug).first() if region_slug else None
        if region_slug and region is None:
            raise RowError("region", f"unknown region {region_slug!r}")
        name = reader.text("city", required=city_required)
        city = self.cities.get(folded(name)) if name else None
        if city is not None:
            if city.country.code != code:
                raise RowError(
                    "country", f"{city.label_in(settings.LANGUAGE_CODE)} is in {city.country.code}, not {code}"
                )
            return Place(code, city.country, region or city.region, city)
        if country is not None and not name:
            return Place(code, country, region or country.region)
        region = region or (country.region if country else None)
        if region is None:
            outside = f"{name!r}, a city" if name else f"{code}, a country"
            raise RowError("region", f"is needed for {outside} outside the vocabulary")
        return Place(code, country, region, new_city_name=name)

    def create_missing(self, place):
        """The place with the country and the non-member city it names created if the
        vocabulary still lacks them (an earlier row of the same file may have added them)."""
        country = place.country or Country.objects.filter(code=place.code).first()
        if country is None:
            country = Country.objects.create(code=place.code, region=place.region, labels=country_labels(place.code))
        city = place.city
        if place.new_city_name:
            city = self.cities.get(folded(place.new_city_name)) or self.create_city(
                place.new_city_name, country, place.region
            )
        return replace(place, country=country, city=city, new_city_name="")

    def create_city(self, name, country, region):
        taken = set(City.objects.values_list("slug", flat=True))
        slug = first_free(slugify(name)[:70] or "city", taken)
        # The name as the file gives it, in every language, until an editor translates it.
        labels = {code: name for code, _name in settings.LANGUAGES}
        city = City.objects.create(slug=slug, labels=labels, country=country, region=region)
        self.remember(city)
        return city


def is_iso_country(code):
    return len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def reject(self, line, error):
        self.rejected.append(f"line {line}: {error.field}: {error.reason}")


class RowImporter:
    """The check-then-write loop of an import. A subclass says which fields it knows,
    turns a line into a record with `line` and `external_id` (`check`), finds the page an
    earlier import made for a record (`find_existing`) and writes the record (`save`)."""

    known_fields = frozenset()

    def __init__(self, *, draft=False, dry_run=False, progress=None):
        self.draft = draft
        self.dry_run = dry_run
        self.progress = progress or (lambda: None)
        self.report = ImportReport()
        self.places = PlaceResolver()
        # The line of each external_id rejected so far, on reading or on writing: a
        # row that needs it (a translation of it) is rejected in turn, naming that line.
        self.rejected_ids = {}

    def run(self, path):
        records = {}
        for line in read_json_lines(path):
            try:
                if line.error:
                    raise line.error
                for name in sorted(set(line.record) - self.known_fields):
                    self.report.warnings.append(f"line {line.number}: {name}: unknown field, ignored")
                record = self.check(line)
                if record.external_id in records:
                    first = records[record.external_id].line
                    raise RowError("external_id", f"already used on line {first}")
            except RowError as error:
                self.report.reject(line.number, error)
                if line.record and isinstance(line.record.get("external_id"), str):
                    self.rejected_ids[line.record["external_id"]] = line.number
                self.progress()
                continue
            self.report.warnings += line.warnings
            records[record.external_id] = record
        for record in self.in_writing_order(records):
            self.write(record)
            self.progress()
        return self.report

    def check(self, line):
        raise NotImplementedError

    def in_writing_order(self, records):
        return list(records.values())

    def find_existing(self, record):
        raise NotImplementedError

    def save(self, record, existing):
        raise NotImplementedError

    def locate(self, line, reader, *, city_required=True):
        """The record's place; what the import will add to the vocabulary is reported."""
        place = self.places.resolve(reader, city_required=city_required)
        if place.new_city_name:
            created = f"it is created as a non-member city in {place.code}"
            line.warn("city", f"{place.new_city_name!r} is not in the vocabulary; {created}")
        elif place.country is None:
            line.warn("country", f"{place.code} is not in the vocabulary; it is created in {place.region.slug}")
        return place

    def write(self, record):
        """Writes the record in a transaction of its own; whatever stops it rejects
        this row alone, and the import goes on with the next."""
        try:
            existing = self.find_existing(record)
            if not self.dry_run:
                with transaction.atomic():
                    self.save(record, existing)
        except RowError as error:
            self.reject_on_writing(record, error)
            return
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.reject_on_writing(record, RowError(name, " ".join(messages)))
            return
        except DatabaseError as error:
            # A database that refuses the write (a lock held too long, a constraint)
            # costs this row, rolled back whole, not the rows still to come.
            logger.exception("line %d could not be written", record.line)
            self.reject_on_writing(record, RowError("(line)", f"could not be written: {error}"))
            return
        if existing:
            self.report.updated += 1
        else:
            self.report.created += 1

    def reject_on_writing(self, record, error):
        self.report.reject(record.line, error)
        self.rejected_ids[record.external_id] = record.line

    def publish(self, page):
        """A new revision of the page, published unless the import leaves drafts; the
        search index follows through the usual publishing signals."""
        revision = page.save_revision()
        if not self.draft:
            revision.publish()


class ImportCommand(BaseCommand):
    """`manage.py import_…`: a progress bar, then the warnings, the rejected rows and a
    summary; the command fails when any row was rejected."""

    importer = RowImporter
    unit = "row"  # what one line of the file holds

    def add_arguments(self, parser):
        parser.add_argument("file", help=f"JSON Lines file, one {self.unit} per line")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and write nothing.")
        parser.add_argument("--draft", action="store_true", help="Leave imported pages as drafts.")

    def handle(self, *args, file, dry_run=False, draft=False, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                total = sum(1 for text in handle if text.strip())
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        bar = tqdm(
            total=total, desc=f"{self.unit.capitalize()}s", unit=self.unit,
            disable=options["verbosity"] < 1, file=sys.stderr,
        )  # fmt: skip
        with bar:
            report = self.importer(draft=draft, dry_run=dry_run, progress=lambda: bar.update(1)).run(file)
        if report.created or report.updated:
            refresh_planner_statistics()
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        for problem in report.rejected:
            self.stderr.write(self.style.ERROR(f"rejected: {problem}"))
        verb = "would be " if dry_run else ""
        self.stdout.write(
            f"{report.created} {verb}created, {report.updated} {verb}updated, {len(report.rejected)} rejected"
            + (" (dry run: nothing written)" if dry_run else "")
        )
        if report.rejected:
            raise CommandError(f"{len(report.rejected)} row(s) rejected; see the lines above.")
