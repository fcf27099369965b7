from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import CaseStudyPage


class CaseContribution(models.Model):
    """A case a member submitted from the site: who sent it, so they can follow it."""

    page = models.OneToOneField(CaseStudyPage, on_delete=models.CASCADE, related_name="contribution")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_contributions", verbose_name=_("member")
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # While the member writes the case in steps: the step they come back to. Empty
    # once the case is sent for review.
    draft_step = models.PositiveSmallIntegerField(_("draft at step"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("case contribution")

    def __str__(self):
        return self.page.title
