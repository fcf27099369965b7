# Written by hand from generated operations (see the comment below).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0005_imported_values"),
        ("members", "0001_initial"),
    ]

    operations = [
        # Messaging now lives in the `members` app, which took over its tables
        # (members 0001): the models leave this app's state only.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="conversation",
                    name="expert",
                ),
                migrations.RemoveField(
                    model_name="conversation",
                    name="recipient",
                ),
                migrations.RemoveField(
                    model_name="conversation",
                    name="starter",
                ),
                migrations.RemoveField(
                    model_name="message",
                    name="conversation",
                ),
                migrations.RemoveField(
                    model_name="expertinvitation",
                    name="account",
                ),
                migrations.RemoveField(
                    model_name="message",
                    name="sender",
                ),
                migrations.RemoveField(
                    model_name="messagereport",
                    name="message",
                ),
                migrations.RemoveField(
                    model_name="messagereport",
                    name="reporter",
                ),
                migrations.DeleteModel(
                    name="Block",
                ),
                migrations.DeleteModel(
                    name="Conversation",
                ),
                migrations.DeleteModel(
                    name="ExpertInvitation",
                ),
                migrations.DeleteModel(
                    name="Message",
                ),
                migrations.DeleteModel(
                    name="MessageReport",
                ),
            ],
        ),
    ]
