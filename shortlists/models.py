import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_ITEMS = 50


def new_token():
    return secrets.token_urlsafe(24)


class Shortlist(models.Model):
    """A member's shortlist: one per member, named by them, shared by a private link
    (`share_token`) that they can revoke (emptied) or renew."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shortlist")
    name = models.CharField(_("name"), max_length=120, default=_("My shortlist"))
    share_token = models.CharField(max_length=64, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("shortlist")

    def __str__(self):
        return self.name


class ShortlistItem(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["shortlist", "page"], name="one_shortlist_item_per_page")]

    def __str__(self):
        return f"{self.shortlist}: {self.page_id}"
