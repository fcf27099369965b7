"""A sponge city and the rain gardens it is built of are one practice to the people
who search for them (the demo itself names the practice either way), so the starter
set of sponge-city names (migration 0004) joins the rain-garden set (migration 0005),
with other names of sustainable urban drainage. As in 0005, nothing an editor wrote is
lost: the sets are merged only while both exist and fit the set's limit together, the
added names only when no set holds them yet."""

from importlib import import_module

from django.db import migrations

practice_synonyms = import_module("search.migrations.0005_practice_synonyms")

INTO = "rain garden"
MERGED = "sponge city"
ADDED = [
    "sustainable urban drainage",
    "water-sensitive urban design",
    "gestion intégrée des eaux pluviales",
    "drenaje urbano sostenible",
]


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def merge(apps, schema_editor):
    key = practice_synonyms.key
    holder = {}
    for existing in apps.get_model("search", "SynonymSet").objects.all():
        for term in lines(existing.terms):
            holder.setdefault(key(term), existing)
    into, merged = holder.get(key(INTO)), holder.get(key(MERGED))
    if into is None:
        return
    terms = lines(into.terms)
    if merged is not None and merged.pk != into.pk:
        moved = lines(merged.terms)
        if len(terms) + len(moved) <= practice_synonyms.MAX_TERMS:
            terms += [term for term in moved if key(term) not in map(key, terms)]
            merged.delete()
    terms += [term for term in ADDED if key(term) not in holder][: max(0, practice_synonyms.MAX_TERMS - len(terms))]
    into.terms = "\n".join(terms)
    into.save(update_fields=["terms"])


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_folded_search")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
