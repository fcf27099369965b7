from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = _("Experts and members")

    def ready(self):
        from search import registry

        from . import accounts  # noqa: F401  (connects the account-claiming signal)
        from .search_documents import ExpertDocument

        registry.register(ExpertDocument)
