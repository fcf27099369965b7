# Written by hand from generated operations (see the comment below).

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0002_job_title_label"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        # The vocabularies moved to the `taxonomy` app with their tables (taxonomy 0001): the
        # relations point at the same rows, so only Django's state changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="expertprofilepage",
                    name="city",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.city",
                        verbose_name="city",
                    ),
                ),
                migrations.AlterField(
                    model_name="expertprofilepage",
                    name="country",
                    field=models.ForeignKey(
                        help_text="Follows the city when one is chosen.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.country",
                        verbose_name="country",
                    ),
                ),
                migrations.AlterField(
                    model_name="expertprofilepage",
                    name="sdgs",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="+",
                        to="taxonomy.sustainabledevelopmentgoal",
                        verbose_name="sustainable development goals",
                    ),
                ),
                migrations.AlterField(
                    model_name="expertprofilepage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.theme", verbose_name="themes"
                    ),
                ),
                migrations.AlterField(
                    model_name="expertprofilepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.topic", verbose_name="topics"
                    ),
                ),
            ],
        ),
    ]
