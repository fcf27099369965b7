"""What an attached document is for, and the text the index worker read from it."""

from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import HelpPanel


class DocumentKind(models.TextChoices):
    """The kinds of document a city reuses: a facet of the search."""

    ORDINANCE = "ordinance", _("Ordinance")
    TERMS_OF_REFERENCE = "terms-of-reference", _("Terms of reference")
    EVALUATION = "evaluation", _("Evaluation")
    TOOLKIT = "toolkit", _("Toolkit")
    PRESENTATION = "presentation", _("Presentation")


class DocumentText(models.Model):
    """The words of one version of a document (its file hash), page by page, as the
    index worker extracted them (cases/attachments.py); or why it could not."""

    class Status(models.TextChoices):
        READ = "read", _("Read")
        SHORTENED = "shortened", _("Read in part")
        FAILED = "failed", _("Not readable")

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text")
    file_hash = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    # Why it failed or was shortened: a code (cases/attachments.py MESSAGES) and its numbers.
    problem = models.CharField(max_length=20, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    pages = models.JSONField(default=list, blank=True)
    page_count = models.PositiveIntegerField(default=0)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")

    def __str__(self):
        return f"{self.document} ({self.status})"

    def message(self):
        """What the editor reads about this document's text, in their language."""
        detail = self.detail
        messages = {
            "": ngettext("Searchable: %(count)s page read.", "Searchable: %(count)s pages read.", self.page_count)
            % {"count": self.page_count},
            "encrypted": _("Not searchable: the file is protected by a password. Upload a copy without one."),
            "unreadable": _("Not searchable: the file is damaged or is not a real %(format)s file (%(reason)s).")
            % {"format": detail.get("format", "").upper(), "reason": detail.get("reason", "")},
            "too-large": _(
                "Not searchable: the file is %(size)s MB; documents up to %(limit)s MB are read. "
                "Split it or upload a lighter copy."
            )
            % {"size": detail.get("size"), "limit": detail.get("limit")},
            "too-slow": _("Not searchable: reading the file took longer than %(seconds)s seconds.")
            % {"seconds": detail.get("seconds")},
            "memory": _("Not searchable: reading the file needed more than %(limit)s MB of memory.")
            % {"limit": detail.get("limit")},
            "too-long": _("Searchable in part: the first %(read)s of its %(count)s pages are read.")
            % {"read": len(self.pages), "count": self.page_count},
            "format": _("Not searchable: only PDF, DOCX and ODT files are read."),
        }
        return messages.get(self.problem, messages["unreadable"])


def text_notice(link):
    """The editor's line about a case document's text: whether it is searchable, or why not."""
    if link is None or not link.document_id:
        return ""
    text = DocumentText.objects.filter(document_id=link.document_id).first()
    if text is None:
        message = _("The words of this document become searchable a few seconds after the case is published.")
    else:
        message = text.message()
    css = "help-block help-warning" if text is not None and text.problem else "help-block help-info"
    return format_html('<p class="{}" data-document-text>{}</p>', css, message)


class DocumentTextPanel(HelpPanel):
    """Under each attached document on the case's edit view: what the index worker
    could read of it (a bad, encrypted or oversized file says why here)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = text_notice(self.instance)
