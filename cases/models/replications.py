"""A practice that travelled: case B (in one city) adopted case A (in another).

Members propose a link from a case's page, editors from the admin; a link shows
nowhere until a moderator approves it (cases/wagtail_hooks.py), as a member's case
waits for the editorial review. A link joins two pages but stands for their
translations too: each page shows the chain in the visitor's language.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Replication(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(
        "cases.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="replications_out",
        verbose_name=_("original practice"),
        help_text=_("The case that inspired the other."),
    )
    adopter = models.ForeignKey(
        "cases.CaseStudyPage",
        on_delete=models.CASCADE,
        related_name="replications_in",
        verbose_name=_("adopted in"),
        help_text=_("The case of the city that adopted the practice."),
    )
    year = models.PositiveSmallIntegerField(_("year adopted"), null=True, blank=True)
    note = models.TextField(_("what was adapted"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        constraints = [
            models.UniqueConstraint(fields=["source", "adopter"], name="one_replication_per_pair"),
            models.CheckConstraint(condition=~models.Q(source=models.F("adopter")), name="replication_of_another"),
        ]

    def __str__(self):
        return f"{self.source} → {self.adopter}"

    def clean(self):
        if self.source_id and self.adopter_id:
            source, adopter = self.source, self.adopter
            if source.translation_key == adopter.translation_key:
                raise ValidationError(_("A case cannot be adopted by itself or by its own translation."))
            if (
                Replication.objects.exclude(pk=self.pk)
                .filter(
                    source__translation_key=source.translation_key, adopter__translation_key=adopter.translation_key
                )
                .exists()
            ):
                raise ValidationError(_("This link has already been proposed."))
