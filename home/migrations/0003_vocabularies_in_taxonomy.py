# Written by hand from generated operations (see the comment below).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_vocabularies_in_taxonomy"),
        ("experts", "0003_vocabularies_in_taxonomy"),
        ("home", "0002_city_position_optional"),
    ]

    operations = [
        # The vocabularies now live in the `taxonomy` app, which took over their tables
        # (taxonomy 0001): they leave this app's state only.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="Approach",
                ),
                migrations.DeleteModel(
                    name="CaseStatus",
                ),
                migrations.RemoveField(
                    model_name="city",
                    name="country",
                ),
                migrations.RemoveField(
                    model_name="city",
                    name="region",
                ),
                migrations.RemoveField(
                    model_name="country",
                    name="region",
                ),
                migrations.RemoveField(
                    model_name="spotlightfacet",
                    name="spotlight",
                ),
                migrations.RemoveField(
                    model_name="spotlightfacetvalue",
                    name="facet",
                ),
                migrations.DeleteModel(
                    name="SustainableDevelopmentGoal",
                ),
                migrations.DeleteModel(
                    name="TargetGroup",
                ),
                migrations.RemoveField(
                    model_name="topic",
                    name="theme",
                ),
                migrations.DeleteModel(
                    name="City",
                ),
                migrations.DeleteModel(
                    name="Country",
                ),
                migrations.DeleteModel(
                    name="Region",
                ),
                migrations.DeleteModel(
                    name="Spotlight",
                ),
                migrations.DeleteModel(
                    name="SpotlightFacet",
                ),
                migrations.DeleteModel(
                    name="SpotlightFacetValue",
                ),
                migrations.DeleteModel(
                    name="Theme",
                ),
                migrations.DeleteModel(
                    name="Topic",
                ),
            ],
        ),
    ]
