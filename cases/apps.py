from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Case studies"

    def ready(self):
        from search import registry

        from . import signals  # noqa: F401 - connects the receivers
        from .search_documents import DOCUMENTS

        registry.register(*DOCUMENTS)
