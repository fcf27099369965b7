""" "Habitat participatif" is the French name of cohousing and housing cooperatives
(residents who plan, build or run their housing together), not of self-build
housing: it leaves the self-build set (migration 0005) for the set holding "housing
cooperative" (migration 0008). As in 0007, an editor's own sets are respected: the
term moves only out of a set that still holds "self-build housing", and into the
housing-cooperative set only while no other set holds it and the set has room."""

from importlib import import_module

from django.db import migrations

practice_synonyms = import_module("search.migrations.0005_practice_synonyms")
sets = import_module("search.migrations.0007_sponge_city_synonyms")

TERM = "habitat participatif"
FROM = "self-build housing"
INTO = "housing cooperative"


def move(apps, schema_editor):
    key = practice_synonyms.key
    holder = sets.holders(apps.get_model("search", "SynonymSet"))
    old, new = holder.get(key(TERM)), holder.get(key(INTO))
    if new is None or (old is not None and old.pk == new.pk):
        return
    if old is not None:
        if holder.get(key(FROM)) is not old or len(sets.lines(old.terms)) <= 2:
            return
        old.terms = "\n".join(term for term in sets.lines(old.terms) if key(term) != key(TERM))
        old.save(update_fields=["terms"])
        del holder[key(TERM)]
    sets.add_terms(holder, INTO, [TERM])


class Migration(migrations.Migration):
    dependencies = [("search", "0008_more_practice_synonyms")]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
