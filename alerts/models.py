"""A member's saved searches and what their digests already announced.

The search itself is kept as the query string of its criteria (search/criteria.py),
so that a saved search runs exactly as the search page would run it today, with
vocabularies as they are now."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Several dozen searches are more than any member follows; the cap keeps one account
# from turning the digest run into a crawl of the index.
MAX_SAVED_SEARCHES = 50
# The longest query string kept: the search's 500 characters of words plus filters.
MAX_QUERY_LENGTH = 2000


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily e-mail")
    WEEKLY = "weekly", _("Weekly e-mail")
    NONE = "none", _("No e-mail")


# How long after a digest the next one is due. A timer firing every hour may start a
# little early or late: an hour of slack keeps "daily" from slipping to every other day.
PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
SLACK = timedelta(hours=1)


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches", verbose_name=_("member")
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.CharField(_("search"), max_length=MAX_QUERY_LENGTH, blank=True)
    # The interface language it was saved in: its digest is searched and written in it.
    language = models.CharField(_("language"), max_length=7)
    frequency = models.CharField(_("alerts"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Until when new practices were looked for: the next digest is due a period later.
    checked_at = models.DateTimeField(_("checked at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return self.name

    def is_due(self, now):
        period = PERIODS.get(self.frequency)
        return period is not None and now - self.checked_at >= period - SLACK


class SentAlert(models.Model):
    """One practice announced by one saved search's digest, recorded before the e-mail
    leaves: the unique constraint is what keeps a re-run or an overlapping run from
    announcing it twice. A practice is its translation group, so a translation
    published later is not news again."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="sent")
    translation_key = models.UUIDField(_("translation key"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "translation_key"], name="alert_sent_once_per_practice")
        ]

    def __str__(self):
        return f"{self.saved_search} · {self.translation_key}"
