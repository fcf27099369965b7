"""Installs the starter synonym sets (search/data/synonyms.json) once. A migration
runs once per database, so the sets editors change or delete afterwards stay as they
left them."""

import json
from pathlib import Path

from django.db import migrations

STARTER_SETS = Path(__file__).resolve().parent.parent / "data" / "synonyms.json"


def install(apps, schema_editor):
    synonym_set = apps.get_model("search", "SynonymSet")
    if synonym_set.objects.exists():
        return
    sets = json.loads(STARTER_SETS.read_text(encoding="utf-8"))["sets"]
    synonym_set.objects.bulk_create(synonym_set(terms="\n".join(dict.fromkeys(terms))) for terms in sets)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_synonym_sets")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
