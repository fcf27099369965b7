"""On PostgreSQL, the database search (Wagtail's backend, which the fallback of
search/fallback.py uses while OpenSearch is down) folds accents: a text search
configuration like the built-in English one whose words go through `unaccent` first,
so "energia" finds "energía" and "publicas" finds "públicas" (on SQLite the FTS5
tokenizer folds them already). settings.WAGTAILSEARCH_BACKENDS names it; pages indexed
before it need `manage.py update_index` once (docs/decisions.md, issue 14).

`unaccent` is a trusted extension since PostgreSQL 13: the database's owner may create it.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cities_folded') THEN
                CREATE TEXT SEARCH CONFIGURATION cities_folded (COPY = pg_catalog.english);
                -- Words with letters beyond ASCII lose their accents, then stem as English words do.
                ALTER TEXT SEARCH CONFIGURATION cities_folded
                    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;
            END IF;
        END $$
        """
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS cities_folded")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_practice_synonyms")]

    operations = [migrations.RunPython(create, drop)]
