"""The demo's real practices: well-known urban practices told in the project's own
words, one YAML entry each (demo/data/practices/*.yaml, loaded in file order), with
their French and Spanish translations where an entry has them, and the cities the
member list lacks (demo/data/cities.yaml).

What an entry holds:

- `slug`: the English page's slug and the practice's external id (ASCII);
- `city`: a city slug of the vocabulary or of demo/data/cities.yaml;
- `topic`, `sdgs`, `target_groups`, `approaches`: vocabulary slugs and goal numbers;
- `status` (planned, ongoing, completed), `start_year`, `end_year`, `evidence`;
- `organisation`, `source` (an award or the reference the facts come from);
- `spotlight` (covid-19 or care), its `section` (a phase or a care dimension) and
  its other `facets` values;
- `key_figures`: outcome figures, each `value` with its label per language, only
  where a named source documents them (the label names the source);
- `en`, and optionally `fr` and `es`: `title`, `summary`, `context`, `solution`,
  `results`, `lessons` (paragraphs separated by a blank line).

The keys `outcomes`, `budget` and `inspired_by` are read by nothing yet: they are
kept for outcome indicators, budgets and replications, which other changes add.

Each practice and its translations are added and published in one transaction, as
the generated cases are (demo/cases.py); a practice that exists (by external id) is
left alone, so loading again changes nothing.
"""

import re
import zlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from cases.models import CaseStudyPage, EvidenceLevel, SpotlightFeaturedCase, SpotlightSectionCase
from core.slugs import free_slug
from taxonomy.loader import country_labels
from taxonomy.models import (
    Approach,
    CaseStatus,
    City,
    Country,
    Region,
    SpotlightFacetValue,
    TargetGroup,
    Topic,
)

from .factories import CaseStudyPageFactory
from .pictures import theme_picture

DATA = Path(__file__).resolve().parent / "data"
TEXTS = ("title", "summary", "context", "solution", "results", "lessons")
REQUIRED = {"slug", "city", "topic", "sdgs", "status", "en"}
# Read by features still to come (outcome indicators, budgets, replications).
RESERVED = {"outcomes", "budget", "inspired_by"}
KNOWN = REQUIRED | RESERVED | {
    "target_groups", "approaches", "start_year", "end_year", "evidence", "organisation", "source",
    "spotlight", "section", "facets", "key_figures", "fr", "es",
}  # fmt: skip
PICTURES_PER_THEME = 4  # as the generated cases (demo/cases.py)


class PracticeError(ValueError):
    """A practice entry the loader cannot use, named by its file, entry and key."""


@dataclass(frozen=True)
class Practice:
    where: str  # "file.yaml, entry 3 (slug)", for error messages
    data: dict

    def __getitem__(self, key):
        return self.data[key]

    def get(self, key, default=None):
        return self.data.get(key, default)

    def fail(self, key, problem):
        raise PracticeError(f"{self.where}: {key}: {problem}")

    @property
    def languages(self):
        return [code for code, _name in settings.LANGUAGES if code in self.data]


def read_practices(folder=DATA / "practices"):
    """Every practice entry, in file order, each checked for its keys."""
    practices, slugs = [], {}
    for path in sorted(folder.glob("*.yaml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for number, entry in enumerate(entries, start=1):
            practice = Practice(f"{path.name}, entry {number} ({entry.get('slug', '?')})", entry)
            check_keys(practice)
            if entry["slug"] in slugs:
                practice.fail("slug", f"already used by {slugs[entry['slug']]}")
            slugs[entry["slug"]] = practice.where
            practices.append(practice)
    return practices


def check_keys(practice):
    missing, unknown = REQUIRED - set(practice.data), set(practice.data) - KNOWN
    if missing:
        practice.fail(", ".join(sorted(missing)), "missing")
    if unknown:
        practice.fail(", ".join(sorted(unknown)), "unknown key")
    if practice["slug"] != slugify(practice["slug"]):
        practice.fail("slug", "use lower-case ASCII letters, digits and hyphens")
    for code in practice.languages:
        absent = [name for name in TEXTS if not practice[code].get(name)]
        # A planned practice has no results yet.
        if practice["status"] == "planned":
            absent = [name for name in absent if name != "results"]
        if absent:
            practice.fail(f"{code}.{absent[0]}", "missing")


@cache
def city_entries():
    return yaml.safe_load((DATA / "cities.yaml").read_text(encoding="utf-8"))


def city(slug):
    """The city of this slug: a vocabulary one, or one demo/data/cities.yaml describes
    (added to the vocabulary as a non-member city the first time)."""
    found = City.objects.filter(slug=slug).select_related("country", "region").first()
    if found is not None or slug not in city_entries():
        return found
    entry = city_entries()[slug]
    region = Region.objects.get(slug=entry["region"])
    country = Country.objects.filter(code=entry["country"]).first() or Country.objects.create(
        code=entry["country"], region=region, labels=country_labels(entry["country"])
    )
    return City.objects.create(
        slug=slug,
        labels={code: entry["name"].get(code, entry["name"]["en"]) for code, _name in settings.LANGUAGES},
        country=country,
        region=region,
        latitude=Decimal(str(entry["latitude"])),
        longitude=Decimal(str(entry["longitude"])),
    )


def readable_slug(title, length=60):
    """An ASCII slug of the title ("l'agence" gives "l-agence"), cut at a word."""
    slug = slugify(re.sub(r"['’]", " ", title))
    return slug if len(slug) <= length else slug[:length].rsplit("-", 1)[0]


def html(text):
    """Paragraphs separated by blank lines, as rich text."""
    return "".join(f"<p>{escape(' '.join(part.split()))}</p>" for part in text.split("\n\n") if part.strip())


class PracticeLoader:
    """Adds the practices to the structure a DemoBuilder made (case indexes, spotlight
    trees); `progress` is called once per practice."""

    def __init__(self, structure, progress=None):
        self.structure = structure
        self.progress = progress or (lambda: None)

    def load(self, practices):
        for practice in practices:
            with transaction.atomic():
                self.practice(practice)
            self.progress()

    def terms(self, practice):
        def one(model, key, **lookup):
            found = model.objects.filter(**lookup).first()
            return found or practice.fail(key, f"unknown {model._meta.verbose_name} {next(iter(lookup.values()))!r}")

        def many(model, key):
            return [one(model, key, slug=slug) for slug in practice.get(key, [])]

        spotlight = practice.get("spotlight")
        values = []
        if spotlight:
            if practice.get("section") is None:
                practice.fail("section", "a practice in a collection sits in one of its sections")
            for slug in [practice["section"], *practice.get("facets", [])]:
                values.append(one(SpotlightFacetValue, "facets", facet__spotlight__slug=spotlight, slug=slug))
        evidence = practice.get("evidence", EvidenceLevel.DESCRIBED)
        if evidence not in EvidenceLevel.values:
            practice.fail("evidence", f"one of {', '.join(EvidenceLevel.values)}")
        return {
            "city": city(practice["city"]) or practice.fail("city", f"unknown city {practice['city']!r}"),
            "topic": one(Topic, "topic", slug=practice["topic"]),
            "status": one(CaseStatus, "status", slug=practice["status"]),
            "target_groups": many(TargetGroup, "target_groups"),
            "approaches": many(Approach, "approaches"),
            "facet_values": values,
            "evidence": evidence,
        }

    def practice(self, practice):
        if CaseStudyPage.objects.filter(external_id=practice["slug"]).exists():
            return
        terms, spotlight = self.terms(practice), self.structure.spotlights.get(practice.get("spotlight"))
        source = settings.LANGUAGE_CODE
        # COVID-19 responses live in their phase's tree; care practices live in the
        # index and are curated into their dimension's section, as editors do.
        in_tree = spotlight and practice["spotlight"] == "covid-19"
        parent = spotlight["sections"][practice["section"], source] if in_tree else self.structure.case_indexes[source]
        page = CaseStudyPageFactory(
            parent=parent,
            external_id=practice["slug"],
            slug=practice["slug"],
            city=terms["city"],
            start_year=practice.get("start_year"),
            end_year=practice.get("end_year"),
            status=terms["status"],
            evidence_level=terms["evidence"],
            hero_image=self.picture(practice, terms["topic"]),
            hero_caption=terms["city"].label_in(source),
            organisation=practice.get("organisation", ""),
            source=practice.get("source", ""),
            **self.texts(practice, source),
            taxonomy__topic=terms["topic"].slug,
            taxonomy__sdgs=practice["sdgs"],
            taxonomy__target_groups=terms["target_groups"],
            taxonomy__approaches=terms["approaches"],
            taxonomy__spotlights=[spotlight["spotlight"]] if spotlight else [],
            taxonomy__spotlight_facet_values=terms["facet_values"],
            taxonomy__tags=[terms[name].label_in(source).lower() for name in ("topic", "city")],
        )
        pages = {source: page}
        for code in practice.languages:
            if code != source:
                pages[code] = self.translate(page, practice, code, terms)
        if spotlight:
            self.curate(spotlight, practice, pages, in_tree)

    def translate(self, page, practice, code, terms):
        """The practice's translation, made as Wagtail makes one (wagtail-localize's
        copy for translation), its text written for the language."""
        locale = self.structure.locales[code]
        translation = page.copy_for_translation(locale)
        translation.external_id = f"{practice['slug']}-{code}"
        texts = self.texts(practice, code)
        for name, value in texts.items():
            setattr(translation, name, value)
        translation.slug = free_slug(translation.get_parent(), readable_slug(texts["title"]))
        translation.hero_caption = terms["city"].label_in(code)
        translation.save_revision().publish()
        return translation

    def curate(self, spotlight, practice, pages, in_tree):
        for code, page in pages.items():
            if not in_tree:
                SpotlightSectionCase.objects.create(page=spotlight["sections"][practice["section"], code], case=page)
            root = spotlight["roots"][code]
            if SpotlightFeaturedCase.objects.filter(page=root).count() < 3:
                SpotlightFeaturedCase.objects.create(page=root, case=page)

    @staticmethod
    def texts(practice, code):
        text = practice[code]
        return {
            "title": text["title"],
            "summary": " ".join(text["summary"].split()),
            **{name: html(text.get(name, "")) for name in TEXTS[2:]},
            "key_figures": [
                ("figure", {"value": str(figure["value"]), "label": figure[code]})
                for figure in practice.get("key_figures", [])
            ],
        }

    @staticmethod
    def picture(practice, topic):
        # The same picture for a practice on every run, spread over its theme's set.
        return theme_picture(topic.theme.slug, zlib.crc32(practice["slug"].encode()) % PICTURES_PER_THEME + 1)
