"""A case curated into (or out of) a collection's section changes which collections
its search document names (cases.models.collections.in_collection), yet the case
itself is not published: its documents are queued here, in the same transaction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.service import enqueue_page

from .models import CaseStudyPage, SpotlightSectionCase


@receiver([post_save, post_delete], sender=SpotlightSectionCase)
def on_curation_change(sender, instance, **kwargs):
    case = CaseStudyPage.objects.filter(pk=instance.case_id).first()
    if case is not None:
        enqueue_page(case, "collection")
