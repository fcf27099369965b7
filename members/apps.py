from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Member area")

    def ready(self):
        from . import accounts  # noqa: F401  (connects the account-claiming signal)
