from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="user")
class MemberSettings(BaseSiteSetting):
    """How much of what members write goes through the moderators."""

    review_profile_changes = models.BooleanField(
        _("review every profile change"),
        default=True,
        help_text=_(
            "New profiles are always reviewed. When this is on, every later change to a published profile "
            "is reviewed too; when off, changes are published at once."
        ),
    )

    class Meta:
        verbose_name = _("member settings")
