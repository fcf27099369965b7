"""Reading and checking JSON Lines imports against the vocabularies.

Shared by `import_cases` and `import_experts` (see docs/import-format.md): every row is
checked before anything is written, and every problem names its line and field.
"""

import json
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import pycountry
from django.conf import settings

from .models import City, Country, Region, SustainableDevelopmentGoal, Theme, Topic

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


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


def folded(text):
    """Lower case without accents, so "Bogota" finds "Bogotá"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


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


class PlaceResolver:
    """Finds cities by slug or by their name in any language, accents and case ignored."""

    def __init__(self):
        self.cities = {}
        for city in City.objects.select_related("country", "region"):
            self.remember(city)

    def remember(self, city):
        for key in (city.slug, city.label_en, city.label_fr, city.label_es):
            self.cities.setdefault(folded(key), city)

    def resolve(self, reader):
        """(city or None when it is new, country, region, new city name) for a record."""
        code = reader.text("country", required=True).upper()
        country = Country.objects.filter(code=code).select_related("region").first()
        if country is None and not is_iso_country(code):
            raise RowError("country", f"{code!r} is not an ISO 3166-1 alpha-2 code")
        region_slug = reader.text("region")
        region = Region.objects.filter(slug=region_slug).first() if region_slug else None
        if region_slug and region is None:
            raise RowError("region", f"unknown region {region_slug!r}")
        name = reader.text("city", required=True)
        city = self.cities.get(folded(name))
        if city is not None:
            if city.country.code != code:
                raise RowError("country", f"{city.label_en} is in {city.country.code}, not {code}")
            return city, city.country, region or city.region, None
        region = region or (country.region if country else None)
        if region is None:
            raise RowError("region", f"is needed for {name!r}, a city outside the vocabulary")
        return None, country, region, name


def is_iso_country(code):
    return len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None
