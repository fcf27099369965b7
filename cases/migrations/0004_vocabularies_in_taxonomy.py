# Written by hand from generated operations (see the comment below).

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_casestudypage_contact_expert_casecontribution_member_and_more"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        # The vocabularies moved to the `taxonomy` app with their tables (taxonomy 0001): the
        # relations point at the same rows, so only Django's state changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="casestudypage",
                    name="approaches",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.approach", verbose_name="approaches"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="city",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.city",
                        verbose_name="city",
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="further_cities",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.city", verbose_name="further cities"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="sdgs",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="+",
                        to="taxonomy.sustainabledevelopmentgoal",
                        verbose_name="sustainable development goals",
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="spotlight_facet_values",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.spotlightfacetvalue", verbose_name="spotlight facets"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="spotlights",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.spotlight", verbose_name="spotlight collections"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="status",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="taxonomy.casestatus",
                        verbose_name="status",
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="target_groups",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.targetgroup", verbose_name="target groups"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="+", to="taxonomy.theme", verbose_name="themes"
                    ),
                ),
                migrations.AlterField(
                    model_name="casestudypage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.topic", verbose_name="topics"
                    ),
                ),
                migrations.AlterField(
                    model_name="cityportraitpage",
                    name="city",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.city",
                        verbose_name="city",
                    ),
                ),
                migrations.AlterField(
                    model_name="cityportraitpage",
                    name="sdgs",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="+",
                        to="taxonomy.sustainabledevelopmentgoal",
                        verbose_name="sustainable development goals",
                    ),
                ),
                migrations.AlterField(
                    model_name="cityportraitpage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="+", to="taxonomy.theme", verbose_name="themes"
                    ),
                ),
                migrations.AlterField(
                    model_name="cityportraitpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.topic", verbose_name="topics"
                    ),
                ),
                migrations.AlterField(
                    model_name="positionpage",
                    name="sdgs",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="+",
                        to="taxonomy.sustainabledevelopmentgoal",
                        verbose_name="sustainable development goals",
                    ),
                ),
                migrations.AlterField(
                    model_name="positionpage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(
                        related_name="+", to="taxonomy.theme", verbose_name="themes"
                    ),
                ),
                migrations.AlterField(
                    model_name="positionpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="taxonomy.topic", verbose_name="topics"
                    ),
                ),
                migrations.AlterField(
                    model_name="spotlightpage",
                    name="spotlight",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="taxonomy.spotlight",
                        verbose_name="spotlight collection",
                    ),
                ),
            ],
        ),
    ]
