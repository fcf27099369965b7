from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = _("Experts and members")

    def ready(self):
        from . import accounts  # noqa: F401  (connects the account-claiming signal)
