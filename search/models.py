from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .synonyms import checked_terms


class PendingIndexChange(models.Model):
    """A page whose search document must be rewritten or removed.

    Written in the same database transaction as the change itself (publish,
    unpublish, delete, move, privacy, vocabulary rename), so no change can be lost;
    the worker applies it and marks it processed, retrying with back-off while
    OpenSearch cannot be reached. Whether the page is written or removed is decided
    when it is applied, from the database as it is then.
    """

    # No foreign key: a deleted page must still be removed from the index.
    page_id = models.PositiveIntegerField(_("page id"), db_index=True)
    reason = models.CharField(_("reason"), max_length=40)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["processed_at", "next_attempt_at"], name="pending_due")]
        verbose_name = _("pending index change")
        verbose_name_plural = _("pending index changes")

    def __str__(self):
        return f"page {self.page_id} ({self.reason})"


class SynonymSet(models.Model):
    """Terms a search treats as one: a search for any of them finds the others, in
    any language (search/synonyms.py puts every set into the index's search analyzers)."""

    terms = models.TextField(
        _("terms"),
        help_text=_("One term per line, in any language; a term may have several words."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym set")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if line.strip()]

    def clean(self):
        self.terms = "\n".join(checked_terms(self.terms))
