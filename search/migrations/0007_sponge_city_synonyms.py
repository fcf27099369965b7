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


def holders(synonym_set):
    """{a term's key: the set holding it} of every set in the database."""
    key, holder = practice_synonyms.key, {}
    for existing in synonym_set.objects.all():
        for term in lines(existing.terms):
            holder.setdefault(key(term), existing)
    return holder


def merge_sets(holder, kept_term, taken_term):
    """The set holding `taken_term` joins the one holding `kept_term`, while both
    exist and fit the set's limit together."""
    key = practice_synonyms.key
    kept, taken = holder.get(key(kept_term)), holder.get(key(taken_term))
    if kept is None or taken is None or kept.pk == taken.pk:
        return
    terms, moved = lines(kept.terms), lines(taken.terms)
    if len(terms) + len(moved) > practice_synonyms.MAX_TERMS:
        return
    known = set(map(key, terms))
    terms += [term for term in moved if key(term) not in known and not known.add(key(term))]
    kept.terms = "\n".join(terms)
    kept.save(update_fields=["terms"])
    taken.delete()
    holder.update((term_key, kept) for term_key, holding in list(holder.items()) if holding is taken)


def add_terms(holder, anchor, added):
    """The names no set holds yet join the set that still holds `anchor`, within the limit."""
    key = practice_synonyms.key
    existing = holder.get(key(anchor))
    if existing is None:
        return
    terms = lines(existing.terms)
    new = list({key(term): term for term in added if key(term) not in holder}.values())
    new = new[: max(0, practice_synonyms.MAX_TERMS - len(terms))]
    if new:
        existing.terms = "\n".join(terms + new)
        existing.save(update_fields=["terms"])
        holder.update((key(term), existing) for term in new)


def merge(apps, schema_editor):
    holder = holders(apps.get_model("search", "SynonymSet"))
    merge_sets(holder, INTO, MERGED)
    add_terms(holder, INTO, ADDED)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_folded_search")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
