# The three label columns become one JSON field {language code: label}, so that adding
# a language to settings.LANGUAGES needs no migration. The labels are carried over (and
# back, on reversal) row by row, on SQLite and PostgreSQL alike.

from django.db import migrations, models

MODELS = [
    "approach",
    "casestatus",
    "city",
    "country",
    "region",
    "spotlight",
    "spotlightfacet",
    "spotlightfacetvalue",
    "sustainabledevelopmentgoal",
    "targetgroup",
    "theme",
    "topic",
]
# The languages the columns held when this migration was written.
COLUMN_LANGUAGES = ("en", "fr", "es")
COLUMN_NAMES = {"en": "label (English)", "fr": "label (French)", "es": "label (Spanish)"}


def columns_to_labels(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("taxonomy", name)
        terms = list(model.objects.all())
        for term in terms:
            term.labels = {code: getattr(term, f"label_{code}") for code in COLUMN_LANGUAGES}
        model.objects.bulk_update(terms, ["labels"], batch_size=500)


def labels_to_columns(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("taxonomy", name)
        terms = list(model.objects.all())
        for term in terms:
            for code in COLUMN_LANGUAGES:
                setattr(term, f"label_{code}", term.labels.get(code) or term.labels.get("en", ""))
        model.objects.bulk_update(terms, [f"label_{code}" for code in COLUMN_LANGUAGES], batch_size=500)


def by_english_label(verbose_name, verbose_name_plural):
    return {
        "ordering": ["labels__en"],
        "verbose_name": verbose_name,
        "verbose_name_plural": verbose_name_plural,
    }


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        *(migrations.AddField(model_name=name, name="labels", field=models.JSONField(default=dict)) for name in MODELS),
        migrations.RunPython(columns_to_labels, labels_to_columns),
        migrations.AlterModelOptions(name="city", options=by_english_label("city", "cities")),
        migrations.AlterModelOptions(name="country", options=by_english_label("country", "countries")),
        # A default first, so that the reversal can add the columns back to filled
        # tables (PostgreSQL refuses a NOT NULL column without one) before it copies.
        *(
            migrations.AlterField(
                model_name=name,
                name=f"label_{code}",
                field=models.CharField(max_length=200, default="", verbose_name=COLUMN_NAMES[code]),
            )
            for name in MODELS
            for code in COLUMN_LANGUAGES
        ),
        *(
            migrations.RemoveField(model_name=name, name=f"label_{code}")
            for name in MODELS
            for code in COLUMN_LANGUAGES
        ),
    ]
