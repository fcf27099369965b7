"""Every change that alters what the public index should hold writes to the outbox,
inside the transaction that makes the change (see search/sync.py).

Wagtail fires no per-page signal when a move rewrites descendants' URLs, and view
restrictions are inherited, so those enqueue the whole subtree.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from opensearchpy.exceptions import OpenSearchException
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from taxonomy.models import Country, Labelled, Region

from . import index, registry
from .models import SynonymSet
from .sync import enqueue, enqueue_page
from .understanding import forget_synonyms

logger = logging.getLogger(__name__)


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    # Descendants too: a new slug changes their URLs.
    enqueue_page(instance, "publish", descendants=True)


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    enqueue_page(instance, "unpublish")


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    enqueue_page(instance, "move", descendants=True)


@receiver(post_delete, sender=Page)
def on_delete(sender, instance, **kwargs):
    # Sent once per page (for its base row), descendants included.
    enqueue([instance.pk], "delete")


@receiver([post_save, post_delete], sender=PageViewRestriction)
def on_privacy_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue_page(page, "privacy", descendants=True)


@receiver(post_save)
def on_vocabulary_change(sender, instance, created, **kwargs):
    """A renamed term changes the labels of every page that carries it."""
    if not isinstance(instance, Labelled):
        return
    if not created:
        enqueue(pages_using(instance), "vocabulary")


# Countries and regions reach pages through their cities (and an expert's country).
INDIRECT_LOOKUPS = {Country: ("city__country",), Region: ("city__region", "country__region")}


def pages_using(term):
    ids = set()
    for model in registry.models():
        names = {field.name for field in model._meta.get_fields()}
        for lookup in INDIRECT_LOOKUPS.get(type(term), ()):
            if lookup.split("__")[0] in names:
                ids.update(model.objects.filter(**{lookup: term}).values_list("pk", flat=True))
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if related is type(term) and (field.many_to_many or field.many_to_one):
                ids.update(model.objects.filter(**{field.name: term}).values_list("pk", flat=True))
    return ids


@receiver([post_save, post_delete], sender=SynonymSet)
def on_synonyms_change(sender, instance, **kwargs):
    """Searches use the new sets within a second of the editor's save, once it is committed."""
    forget_synonyms()
    transaction.on_commit(apply_synonyms)


def apply_synonyms():
    try:
        index.update_synonyms()
    except OpenSearchException as error:
        # The sets are safe in the database; the next rebuild, or `search_index synonyms`, applies them.
        logger.error("Search synonyms saved but not applied to the index (run `search_index synonyms`): %s", error)
