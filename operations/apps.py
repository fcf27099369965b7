from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """The operator's commands, `backup` and `restore` (docs/backup.md). It sits on top:
    a restore rebuilds the search index, and nothing of the site imports it."""

    name = "operations"
    verbose_name = "Operations"
