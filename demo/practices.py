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

- `outcomes`, `budget`, `follow_ups`, `last_verified`: results in figures, in the
  import format (docs/import-format.md) and checked by the importer's own reading
  functions; a text in them (a measure, a unit, a source's name, funding sources, a
  follow-up) is either one string or a text per language of the entry;
- `documents`: documents attached to the English page, each a `title`, a `kind`
  (cases.models.DocumentKind), an optional `format` (pdf, docx, odt) and its `pages`
  of text: summaries written for the demo, which say so, never copies of official files;
- `inspired_by`: replications, each the `practice` (slug) it took up, the `year` and
  a `note` on what was adapted; linked, approved, once every practice is loaded.

Each practice and its translations are added and published in one transaction, as
the generated cases are (demo/cases.py); a practice that exists (by external id) is
left alone, so loading again changes nothing.
"""

import re
import zlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from cases.importing import read_budget, read_date, read_follow_up, read_list, read_outcome
from cases.models import (
    CaseStudyPage,
    DocumentKind,
    EvidenceLevel,
    FollowUp,
    OutcomeIndicator,
    SpotlightFeaturedCase,
    SpotlightSectionCase,
)
from core.import_tools import RecordReader, RowError
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

from .documents import WRITERS, attach_document
from .factories import CaseStudyPageFactory
from .outcomes import translate_rows
from .pictures import theme_picture
from .replications import adopt

DATA = Path(__file__).resolve().parent / "data"
TEXTS = ("title", "summary", "context", "solution", "results", "lessons")
REQUIRED = {"slug", "city", "topic", "sdgs", "status", "en"}
RESULTS = ("outcomes", "budget", "follow_ups", "last_verified")
KNOWN = REQUIRED | set(RESULTS) | {
    "target_groups", "approaches", "start_year", "end_year", "evidence", "organisation", "source",
    "spotlight", "section", "facets", "key_figures", "documents", "inspired_by", "fr", "es",
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
    for practice in practices:
        for number, link in enumerate(practice.get("inspired_by", []), start=1):
            if link.get("practice") not in slugs or link["practice"] == practice["slug"]:
                practice.fail(
                    f"inspired_by[{number}].practice", f"no other practice has the slug {link.get('practice')!r}"
                )
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
        results(practice, code)
    for number, document in enumerate(practice.get("documents", []), start=1):
        if document.get("kind") not in DocumentKind.values or document.get("format", "pdf") not in WRITERS:
            practice.fail(f"documents[{number}]", f"a kind of {', '.join(DocumentKind.values)}, a format of "
                          f"{', '.join(WRITERS)}")  # fmt: skip
        if not document.get("title") or not document.get("pages"):
            practice.fail(f"documents[{number}]", "give its title and its pages of text")


def in_language(value, code, practice, key):
    """The value as the importer reads it in language `code`: a text per language
    ({en: ..., fr: ...}) gives that language's; a date (YAML reads one) its ISO text."""
    if isinstance(value, list):
        return [in_language(item, code, practice, f"{key}[{number}]") for number, item in enumerate(value, start=1)]
    if isinstance(value, dict) and "en" in value:
        return value[code] if code in value else practice.fail(key, f"no text in {code}")
    if isinstance(value, dict):
        return {name: in_language(item, code, practice, f"{key}.{name}") for name, item in value.items()}
    return value.isoformat() if isinstance(value, date) else value


def results(practice, code):
    """The entry's outcomes, budget, follow-ups and date last verified in language
    `code`, as a case page's fields, read and checked by the importer's functions."""
    record = {name: in_language(practice.get(name), code, practice, name) for name in RESULTS}
    try:
        return {
            "outcomes": read_list(record, "outcomes", read_outcome),
            "follow_ups": read_list(record, "follow_ups", read_follow_up),
            **read_budget(record["budget"]),
            "last_verified": read_date(RecordReader(record), "last_verified"),
        }
    except RowError as error:
        practice.fail(error.field, error.reason)


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
        self.replications(practices)

    @staticmethod
    def replications(practices):
        """Each `inspired_by` as an approved link between the English pages; a link to a
        practice not loaded (`load_demo --cases N`) waits for it."""
        loaded = {page.external_id: page for page in CaseStudyPage.objects.filter(
            external_id__in=[practice["slug"] for practice in practices])}  # fmt: skip
        for practice in practices:
            for link in practice.get("inspired_by", []):
                source, adopter = loaded.get(link["practice"]), loaded.get(practice["slug"])
                if source and adopter:
                    adopt(source, adopter, link.get("year"), link.get("note", ""))

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
            **self.figures(practice, source),
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
        for document in practice.get("documents", []):
            attach_document(page, document["title"], document["kind"], document["pages"], document.get("format", "pdf"))

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
        self.translate_figures(translation, practice, code)
        translation.save_revision().publish()
        return translation

    @staticmethod
    def figures(practice, code):
        fields = results(practice, code)
        return {
            **fields,
            "outcomes": [OutcomeIndicator(**values) for values in fields["outcomes"]],
            "follow_ups": [FollowUp(**values) for values in fields["follow_ups"]],
        }

    @staticmethod
    def translate_figures(translation, practice, code):
        fields = results(practice, code)
        translate_rows(translation, fields["outcomes"], fields["follow_ups"], fields["funding_sources"])

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
