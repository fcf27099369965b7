# Moves messaging from `experts` to `members` (written by hand from a generated initial migration).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ["conversation", "message", "block", "messagereport", "expertinvitation"]


def move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=MOVED_MODELS).update(app_label=target)


def adopt_content_types(apps, schema_editor):
    move_content_types(apps, "experts", "members")


def give_back_content_types(apps, schema_editor):
    move_content_types(apps, "members", "experts")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("experts", "0005_imported_values"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Conversations, messages, blocks, reports and invitations lived in the
        # `experts` app until members had their own: their tables already exist and
        # keep their names (see members/models.py), so this migration moves the models
        # in Django's state only and hands their content types (and so permissions,
        # such as the Moderators' right to resolve reports, and admin history) to this app.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Conversation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("subject", models.CharField(max_length=200, verbose_name="subject")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "expert",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="conversations",
                                to="experts.expertprofilepage",
                                verbose_name="expert",
                            ),
                        ),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="received_conversations",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "starter",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="started_conversations",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "conversation",
                        "db_table": "experts_conversation",
                        "ordering": ["-updated_at"],
                    },
                ),
                migrations.CreateModel(
                    name="ExpertInvitation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sent_at", models.DateTimeField()),
                        (
                            "account",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitation",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "expert invitation",
                        "db_table": "experts_expertinvitation",
                    },
                ),
                migrations.CreateModel(
                    name="Message",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("body", models.TextField(max_length=5000, verbose_name="message")),
                        ("sent_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "conversation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="messages",
                                to="members.conversation",
                            ),
                        ),
                        (
                            "sender",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="sent_messages",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "message",
                        "db_table": "experts_message",
                        "ordering": ["sent_at"],
                    },
                ),
                migrations.CreateModel(
                    name="MessageReport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("reason", models.TextField(max_length=2000, verbose_name="reason")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="reported at")),
                        ("resolved", models.BooleanField(default=False, verbose_name="resolved")),
                        (
                            "message",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reports",
                                to="members.message",
                                verbose_name="message",
                            ),
                        ),
                        (
                            "reporter",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "message report",
                        "verbose_name_plural": "message reports",
                        "db_table": "experts_messagereport",
                        "ordering": ["resolved", "-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="Block",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "blocked",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "blocker",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="blocks",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "experts_block",
                        "constraints": [
                            models.UniqueConstraint(fields=("blocker", "blocked"), name="one_block_per_pair")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]
