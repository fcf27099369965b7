# Moves the vocabularies from `home` to `taxonomy` (written by hand from a generated initial migration).

import django.core.validators
import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models

MOVED_MODELS = [
    "approach",
    "casestatus",
    "region",
    "spotlight",
    "sustainabledevelopmentgoal",
    "targetgroup",
    "theme",
    "country",
    "city",
    "spotlightfacet",
    "spotlightfacetvalue",
    "topic",
]


def move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MOVED_MODELS).update(app_label=target)


def adopt_content_types(apps, schema_editor):
    move_content_types(apps, "home", "taxonomy")


def give_back_content_types(apps, schema_editor):
    move_content_types(apps, "taxonomy", "home")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_city_position_optional"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # The vocabularies lived in the `home` app until the layers were split: their
        # tables already exist and keep their names (see taxonomy/models.py), so this
        # migration moves the models in Django's state only and hands their content
        # types (and so permissions, admin history and references) to this app.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Approach",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "db_table": "home_approach",
                        "verbose_name": "approach",
                        "verbose_name_plural": "approaches",
                        "ordering": ["sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="CaseStatus",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "db_table": "home_casestatus",
                        "verbose_name": "case status",
                        "verbose_name_plural": "case statuses",
                        "ordering": ["sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="Region",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "db_table": "home_region",
                        "verbose_name": "region",
                        "verbose_name_plural": "regions",
                        "ordering": ["sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="Spotlight",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "db_table": "home_spotlight",
                        "verbose_name": "spotlight collection",
                        "verbose_name_plural": "spotlight collections",
                        "ordering": ["sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="SustainableDevelopmentGoal",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "number",
                            models.PositiveSmallIntegerField(
                                unique=True,
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(17),
                                ],
                                verbose_name="number",
                            ),
                        ),
                        (
                            "colour",
                            models.CharField(
                                max_length=7,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^#[0-9A-Fa-f]{6}$", "Enter a colour such as #4C9F38."
                                    )
                                ],
                                verbose_name="official colour",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "home_sustainabledevelopmentgoal",
                        "verbose_name": "sustainable development goal",
                        "verbose_name_plural": "sustainable development goals",
                        "ordering": ["number"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="TargetGroup",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "db_table": "home_targetgroup",
                        "verbose_name": "target group",
                        "verbose_name_plural": "target groups",
                        "ordering": ["sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "db_table": "home_theme",
                        "verbose_name": "theme",
                        "verbose_name_plural": "themes",
                        "ordering": ["sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="Country",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "code",
                            models.CharField(
                                max_length=2,
                                unique=True,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^[A-Z]{2}$", "Enter an ISO 3166-1 alpha-2 code such as FR."
                                    )
                                ],
                                verbose_name="ISO code",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="countries",
                                to="taxonomy.region",
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "home_country",
                        "verbose_name": "country",
                        "verbose_name_plural": "countries",
                        "ordering": ["label_en"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="City",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        (
                            "institution",
                            models.CharField(blank=True, max_length=255, verbose_name="member institution"),
                        ),
                        ("is_member", models.BooleanField(default=False, verbose_name="Metropolis member")),
                        (
                            "latitude",
                            models.DecimalField(
                                blank=True,
                                decimal_places=5,
                                max_digits=8,
                                null=True,
                                validators=[
                                    django.core.validators.MinValueValidator(-90),
                                    django.core.validators.MaxValueValidator(90),
                                ],
                                verbose_name="latitude",
                            ),
                        ),
                        (
                            "longitude",
                            models.DecimalField(
                                blank=True,
                                decimal_places=5,
                                max_digits=8,
                                null=True,
                                validators=[
                                    django.core.validators.MinValueValidator(-180),
                                    django.core.validators.MaxValueValidator(180),
                                ],
                                verbose_name="longitude",
                            ),
                        ),
                        (
                            "country",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="cities",
                                to="taxonomy.country",
                                verbose_name="country",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="cities",
                                to="taxonomy.region",
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "home_city",
                        "verbose_name": "city",
                        "verbose_name_plural": "cities",
                        "ordering": ["label_en"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="SpotlightFacet",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "key",
                            models.SlugField(
                                help_text="Identifier used by imports, such as response_area.",
                                max_length=40,
                                verbose_name="key",
                            ),
                        ),
                        (
                            "spotlight",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="facets",
                                to="taxonomy.spotlight",
                                verbose_name="spotlight",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "home_spotlightfacet",
                        "verbose_name": "spotlight facet",
                        "verbose_name_plural": "spotlight facets",
                        "ordering": ["spotlight__sort_order", "pk"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="SpotlightFacetValue",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        (
                            "facet",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="values",
                                to="taxonomy.spotlightfacet",
                                verbose_name="facet",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "home_spotlightfacetvalue",
                        "verbose_name": "spotlight facet value",
                        "verbose_name_plural": "spotlight facet values",
                        "ordering": ["facet__pk", "sort_order", "slug"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("label_en", models.CharField(max_length=200, verbose_name="label (English)")),
                        ("label_fr", models.CharField(max_length=200, verbose_name="label (French)")),
                        ("label_es", models.CharField(max_length=200, verbose_name="label (Spanish)")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Stable identifier used by imports and URLs.",
                                max_length=80,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        (
                            "theme",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="topics",
                                to="taxonomy.theme",
                                verbose_name="theme",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "home_topic",
                        "verbose_name": "topic",
                        "verbose_name_plural": "topics",
                        "ordering": ["theme__sort_order", "sort_order", "slug"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.AddConstraint(
                    model_name="spotlightfacet",
                    constraint=models.UniqueConstraint(fields=("spotlight", "key"), name="unique_facet_per_spotlight"),
                ),
                migrations.AddConstraint(
                    model_name="spotlightfacetvalue",
                    constraint=models.UniqueConstraint(fields=("facet", "slug"), name="unique_value_per_facet"),
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
