"""Keeping the index in step with the database, without losing a change.

Every change that can alter what the public index should hold writes rows to the
outbox (PendingIndexChange) inside the same transaction as the change. `drain`
applies due rows; while OpenSearch cannot be reached it leaves them for later with
an exponential back-off, so an update made during an outage arrives afterwards.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from opensearchpy.exceptions import OpenSearchException
from wagtail.models import Page

from core import page_cache

from . import index
from .models import PendingIndexChange

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
MAX_BACKOFF = timedelta(minutes=10)


def enqueue(page_ids, reason):
    PendingIndexChange.objects.bulk_create(
        [PendingIndexChange(page_id=page_id, reason=reason) for page_id in set(page_ids)]
    )


def enqueue_page(page, reason, *, descendants=False):
    """The page, its translations (which may now stand in for it), and optionally
    its descendants (whose URL or privacy follows it)."""
    ids = set(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
    ids.add(page.pk)
    if descendants:
        ids.update(Page.objects.descendant_of(page).values_list("pk", flat=True))
    enqueue(ids, reason)


def backoff(attempts):
    return min(timedelta(seconds=2**attempts), MAX_BACKOFF)


def drain():
    """Apply every due change; returns how many were applied."""
    applied = 0
    while True:
        due = PendingIndexChange.objects.filter(processed_at__isnull=True, next_attempt_at__lte=timezone.now())
        rows = list(due.order_by("pk")[:BATCH_SIZE])
        if not rows:
            break
        try:
            index.write({row.page_id for row in rows})
        except OpenSearchException as error:
            postpone(rows, error)
            break
        PendingIndexChange.objects.filter(pk__in=[row.pk for row in rows]).update(processed_at=timezone.now())
        applied += len(rows)
    if applied:
        publish_changes()
        forget_processed()
    return applied


def publish_changes():
    """Make the applied changes searchable now, then throw away the cached pages that
    showed the index: a page rendered after this sees them (core/page_cache.py)."""
    index.refresh()
    page_cache.bump(page_cache.INDEX)


def postpone(rows, error):
    logger.warning("Search index unreachable, %d change(s) postponed: %s", len(rows), error)
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + backoff(row.attempts)
        row.last_error = str(error)[:2000]
    with transaction.atomic():
        PendingIndexChange.objects.bulk_update(rows, ["attempts", "next_attempt_at", "last_error"])


def backlog():
    return PendingIndexChange.objects.filter(processed_at__isnull=True).count()


def forget_processed(older_than=timedelta(days=7)):
    """Processed rows are kept a while: a rebuild replays the ones made during it."""
    PendingIndexChange.objects.filter(processed_at__lt=timezone.now() - older_than).delete()
