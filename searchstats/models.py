"""What visitors searched and opened, counted per day and never per person.

A row holds no address, account, session, user agent or time finer than its day:
only what was searched (words, filters, language, where, which engine answered) and
how often. docs/decisions.md, "Search recall (issue 26): search analytics"."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    SEARCH_PAGE = "search", _("Search page")
    SPOTLIGHT = "spotlight", _("Spotlight page")
    DIRECTORY = "directory", _("Directory page")
    API = "api", _("API")


# The pages a visitor opens results from (the API's clients open nothing we can see).
PAGE_SOURCES = (Source.SEARCH_PAGE, Source.SPOTLIGHT, Source.DIRECTORY)


class DailySearch(models.Model):
    """One search as asked on one day: how many times, how many results it had the
    last time, and how often one of them was opened."""

    day = models.DateField(_("day"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    language = models.CharField(_("language"), max_length=8)
    engine = models.CharField(_("engine"), max_length=20)
    words = models.CharField(_("words"), max_length=200)
    # The filters as a sorted query string ("region=latin-america&theme=housing"):
    # readable, and the same filters always give the same text.
    filters = models.CharField(_("filters"), max_length=500, blank=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)
    opens = models.PositiveIntegerField(_("opens"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "source", "language", "engine", "words", "filters"], name="one_row_per_daily_search"
            )
        ]
        indexes = [models.Index(fields=["day", "language"], name="daily_search_period")]
        verbose_name = _("daily search")
        verbose_name_plural = _("daily searches")

    def __str__(self):
        return f"{self.day} {self.language} {self.words!r} x{self.searches}"


class ResultOpen(models.Model):
    """Which result of a daily search was opened, at which rank, how many times."""

    search = models.ForeignKey(DailySearch, on_delete=models.CASCADE, related_name="opened")
    rank = models.PositiveIntegerField(_("rank"))
    # No foreign key: a page deleted since leaves its count in place until the row expires.
    page_id = models.PositiveIntegerField(_("page id"))
    opens = models.PositiveIntegerField(_("opens"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["search", "rank", "page_id"], name="one_row_per_opened_rank")]
        verbose_name = _("opened result")
        verbose_name_plural = _("opened results")

    def __str__(self):
        return f"#{self.rank} page {self.page_id} x{self.opens}"
