"""Adds the practice-name synonym sets (search/data/practice_synonyms.json) to a
database that may already hold sets editors changed: a set is created only when none
of its terms is in a set already (an editor may have made one), and the additions to a
starter set go only to the set that still holds its key term, without the terms it
holds already. Nothing an editor wrote is changed or removed, and a starter set an
editor deleted stays deleted."""

import json
import re
import unicodedata
from pathlib import Path

from django.db import migrations

PRACTICE_SETS = Path(__file__).resolve().parent.parent / "data" / "practice_synonyms.json"
# The set's own limit (search/synonyms.py, MAX_TERMS), as it was when this migration was written.
MAX_TERMS = 20


def key(term):
    """A term's words without case or accents, as the sets compare them."""
    decomposed = unicodedata.normalize("NFKD", term.casefold())
    return " ".join(re.findall(r"\w+", "".join(char for char in decomposed if not unicodedata.combining(char))))


def install(apps, schema_editor):
    synonym_set = apps.get_model("search", "SynonymSet")
    data = json.loads(PRACTICE_SETS.read_text(encoding="utf-8"))

    def lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    holder = {}
    for existing in synonym_set.objects.all():
        for term in lines(existing.terms):
            holder.setdefault(key(term), existing)
    for anchor, added in data["additions"].items():
        existing = holder.get(key(anchor))
        if existing is None:
            continue
        terms = lines(existing.terms)
        new = [term for term in added if key(term) not in holder][: max(0, MAX_TERMS - len(terms))]
        if new:
            existing.terms = "\n".join(terms + new)
            existing.save(update_fields=["terms"])
            holder.update((key(term), existing) for term in new)
    synonym_set.objects.bulk_create(
        synonym_set(terms="\n".join(terms)) for terms in data["sets"] if not any(key(term) in holder for term in terms)
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_starter_synonyms")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
