"""Loads the controlled vocabularies from the files in taxonomy/data/ (copies of the
network's shared taxonomy and member list) into the database. Idempotent: terms are
matched by slug (SDGs by number, countries by ISO code), so running it twice changes
nothing; a term an editor changed in the admin is kept as it is unless `overwrite` is set.
"""

import csv
import gettext
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pycountry
from django.conf import settings
from django.db import transaction

from .models import (
    Approach,
    CaseStatus,
    City,
    Country,
    Region,
    Spotlight,
    SpotlightFacet,
    SpotlightFacetValue,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    Topic,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
TAXONOMY_FILE = DATA_DIR / "taxonomy.json"
MEMBERS_FILE = DATA_DIR / "metropolis-members.csv"
LABELS_FILE = DATA_DIR / "labels.json"

# The official colours of the UN Sustainable Development Goals (UN brand guidelines).
SDG_COLOURS = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}


def read_extra_labels(path=LABELS_FILE):
    """Labels the shared files lack: spotlight facets' and some countries'."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


EXTRA_LABELS = read_extra_labels()


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)

    def count(self, model, created, changed):
        name = model._meta.verbose_name_plural
        if created:
            self.created[name] = self.created.get(name, 0) + 1
        elif changed:
            self.updated[name] = self.updated.get(name, 0) + 1

    def summary(self):
        parts = [f"{n} {name} created" for name, n in self.created.items()]
        parts += [f"{n} {name} updated" for name, n in self.updated.items()]
        return ", ".join(parts) or "vocabularies already up to date"


def configured_labels(labels):
    """The labels a data file gives in the configured languages; a language it lacks
    shows the source language's label (Labelled.label_in) until an editor adds one."""
    return {code: labels[code] for code, _name in settings.LANGUAGES if labels.get(code)}


class VocabularyLoader:
    def __init__(self, *, overwrite=False, progress=None):
        self.overwrite = overwrite
        self.progress = progress or (lambda: None)
        self.report = LoadReport()

    def upsert(self, model, lookup, labels, **values):
        """Create the term; an existing one is only changed on request."""
        defaults = {**values, "labels": configured_labels(labels)}
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        changed = False
        if not created and self.overwrite:
            # Labels of the languages the file lacks (typed in the admin) are kept.
            defaults["labels"] = {**obj.labels, **defaults["labels"]}
            for name, value in defaults.items():
                if getattr(obj, name) != value:
                    setattr(obj, name, value)
                    changed = True
            if changed:
                obj.save()
        self.report.count(model, created, changed)
        self.progress()
        return obj

    @transaction.atomic
    def load(self, taxonomy, members):
        self.load_taxonomy(taxonomy)
        self.load_cities(members)
        return self.report

    def load_taxonomy(self, taxonomy):
        for order, theme_data in enumerate(taxonomy["themes"]):
            theme = self.upsert(Theme, {"slug": theme_data["slug"]}, theme_data["label"], sort_order=order)
            for topic_order, topic in enumerate(theme_data["topics"]):
                self.upsert(Topic, {"slug": topic["slug"]}, topic["label"], theme=theme, sort_order=topic_order)
        for sdg in taxonomy["sdgs"]:
            self.upsert(
                SustainableDevelopmentGoal, {"number": sdg["number"]}, sdg["label"], colour=SDG_COLOURS[sdg["number"]]
            )
        for key, model in (
            ("regions", Region),
            ("target_groups", TargetGroup),
            ("approaches", Approach),
            ("case_status", CaseStatus),
        ):
            for order, term in enumerate(taxonomy[key]):
                self.upsert(model, {"slug": term["slug"]}, term["label"], sort_order=order)
        for order, spotlight_data in enumerate(taxonomy["spotlights"]):
            spotlight = self.upsert(
                Spotlight, {"slug": spotlight_data["slug"]}, spotlight_data["label"], sort_order=order
            )
            for key, values in spotlight_data["facets"].items():
                labels = EXTRA_LABELS["spotlight_facets"].get(key) or {
                    settings.LANGUAGE_CODE: key.replace("_", " ").capitalize()
                }
                facet = self.upsert(SpotlightFacet, {"spotlight": spotlight, "key": key}, labels)
                for value_order, value in enumerate(values):
                    self.upsert(
                        SpotlightFacetValue,
                        {"facet": facet, "slug": value["slug"]},
                        value["label"],
                        sort_order=value_order,
                    )

    def load_cities(self, members):
        regions = {region.slug: region for region in Region.objects.all()}
        countries = {}
        for row in members:
            code = row["country_code"]
            if code not in countries:
                countries[code] = self.upsert(
                    Country,
                    {"code": code},
                    country_labels(code, row[f"country_{settings.LANGUAGE_CODE}"]),
                    region=regions[row["region"]],
                )
            self.upsert(
                City,
                {"slug": row["slug"]},
                {code: row.get(f"name_{code}") for code, _name in settings.LANGUAGES},
                country=countries[code],
                region=regions[row["region"]],
                institution=row["institution"],
                is_member=True,
                latitude=Decimal(row["latitude"]),
                longitude=Decimal(row["longitude"]),
            )


def country_labels(code, source_name=None):
    """Country names in every configured language, from the ISO 3166 translations of
    pycountry (their English names in the source language unless one is given)."""
    country = pycountry.countries.get(alpha_2=code)
    source_name = source_name or (country.name.split(", ")[0] if country else code)
    labels = {settings.LANGUAGE_CODE: source_name}
    for language, _name in settings.LANGUAGES:
        if language == settings.LANGUAGE_CODE:
            continue
        if country is None:
            labels[language] = source_name
            continue
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        labels[language] = translation.gettext(country.name).split(", ")[0]
    labels.update(EXTRA_LABELS["countries"].get(code, {}))
    return labels


def read_taxonomy(path=TAXONOMY_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_members(path=MEMBERS_FILE):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def count_terms(taxonomy, members):
    """How many upserts a load makes, for the progress bar."""
    spotlight_terms = sum(
        1 + len(s["facets"]) + sum(len(values) for values in s["facets"].values()) for s in taxonomy["spotlights"]
    )
    return (
        sum(1 + len(theme["topics"]) for theme in taxonomy["themes"])
        + sum(len(taxonomy[key]) for key in ("sdgs", "regions", "target_groups", "approaches", "case_status"))
        + spotlight_terms
        + len(members)
        + len({row["country_code"] for row in members})
    )
