from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Case studies"

    def ready(self):
        from core import page_cache
        from search import registry

        from . import signals  # noqa: F401 - connects the receivers
        from .search_documents import DOCUMENTS

        registry.register(*DOCUMENTS)
        # The collections are rendered again right after each change.
        page_cache.keep_warm(spotlight_paths)


def spotlight_paths():
    """The path of every public spotlight page, in every language."""
    from .models import SpotlightPage

    return [page.get_url_parts()[2] for page in SpotlightPage.objects.live().public().specific(defer=True)]
