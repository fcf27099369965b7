"""Changes that alter what a case's search document holds without the case being
published, queued here in the same transaction: a case curated into (or out of) a
collection's section (cases.models.collections.in_collection), a new file for a
document attached to it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model

from core.page_cache import content_changed
from search.service import enqueue_page

from .models import CaseStudyPage, Replication, SpotlightSectionCase


@receiver([post_save, post_delete], sender=SpotlightSectionCase)
def on_curation_change(sender, instance, **kwargs):
    case = CaseStudyPage.objects.filter(pk=instance.case_id).first()
    if case is not None:
        enqueue_page(case, "collection")


@receiver(post_save, sender=get_document_model())
def on_document_change(sender, instance, **kwargs):
    """A new file for a document already attached: the cases showing it are read again."""
    for case in CaseStudyPage.objects.live().filter(documents__document=instance).distinct():
        enqueue_page(case, "document")


# An approved (or withdrawn) replication changes the chain two case pages and two city
# pages show: the cached pages are thrown away as after a publish.
post_save.connect(content_changed, sender=Replication, dispatch_uid="page-cache-replication-saved")
post_delete.connect(content_changed, sender=Replication, dispatch_uid="page-cache-replication-deleted")
