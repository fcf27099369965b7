from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """A page type only the tests install (usesite.settings.test): it becomes searchable
    through its own app alone, as a new content app's would."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from search import registry

        from .search_documents import EventDocument

        registry.register(EventDocument)
