from django.apps import AppConfig
from django.core import checks


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals  # noqa: F401 - connects the outbox to page changes
        from .checks import language_analyzers

        checks.register(language_analyzers)
