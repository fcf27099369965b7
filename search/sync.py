"""Keeping the index in step with the database, without losing a change.

Every change that can alter what the public index should hold writes rows to the
outbox (PendingIndexChange) inside the same transaction as the change. `drain`
applies due rows; while OpenSearch cannot be reached it leaves them for later with
an exponential back-off, so an update made during an outage arrives afterwards.
"""

import logging
import os
import socket
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.db import DatabaseError, connection, transaction
from django.db.models import Min
from django.utils import timezone
from opensearchpy.exceptions import OpenSearchException
from wagtail.models import Page

from core import page_cache

from . import index
from .models import PendingIndexChange

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
MAX_BACKOFF = timedelta(minutes=10)
# A claim lasts this long unless renewed. A live worker renews it every CLAIM_RENEWAL
# while it writes, however long that takes, so the claims of a worker that died (kill -9,
# a lost machine) are free for the others within CLAIM_LEASE (docs/decisions.md,
# "Hardening, second pass (issue 28): recovery").
CLAIM_LEASE = timedelta(seconds=15)
CLAIM_RENEWAL = CLAIM_LEASE / 3
# Any fixed number, the same in every worker: the key of PostgreSQL's advisory lock.
CLAIM_LOCK = 1601


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


def drain(batch_size=BATCH_SIZE, stopping=lambda: False):
    """Apply every due change this worker can claim, or until `stopping()` between two
    claims; returns how many were applied. Several workers may drain at once: each
    claims the changes of other pages."""
    applied = 0
    while not stopping() and (claim := Claim.take(batch_size)):
        try:
            with claim.renewed():
                index.write(claim.page_ids)
        except OpenSearchException as error:
            claim.postpone(error)
            break
        applied += claim.done()
    if applied:
        publish_changes()
        forget_processed()
    return applied


@dataclass
class Claim:
    """The due changes of up to `batch_size` pages, leased to one worker.

    Claims are taken one at a time (PostgreSQL: a transaction-scoped advisory lock;
    SQLite: the write lock its IMMEDIATE transactions take when they begin), so two
    workers never claim the same row. They never claim the same *page* either: a
    page leased to one worker waits for it, since two workers writing one page could
    send its older document last. The writing itself runs in parallel, outside any
    transaction. A worker that dies stops renewing its lease, which lapses within
    CLAIM_LEASE; another worker then claims the changes.
    """

    token: str
    page_ids: set

    @classmethod
    def take(cls, batch_size):
        token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        with transaction.atomic():
            serialise_claims()
            # Read once the claims are serialised: waiting for another worker's claim
            # must not eat into this one's lease.
            now = timezone.now()
            waiting = PendingIndexChange.objects.filter(processed_at__isnull=True)
            leased = waiting.filter(claimed_until__gt=now).values("page_id")
            due = waiting.filter(next_attempt_at__lte=now).exclude(page_id__in=leased)
            oldest_first = due.values("page_id").annotate(first=Min("pk")).order_by("first")
            page_ids = {row["page_id"] for row in oldest_first[:batch_size]}
            if not page_ids:
                return None
            due.filter(page_id__in=page_ids).update(claimed_by=token, claimed_until=now + CLAIM_LEASE)
        return cls(token, page_ids)

    def rows(self):
        return PendingIndexChange.objects.filter(claimed_by=self.token, processed_at__isnull=True)

    @contextmanager
    def renewed(self):
        """Renews the lease every CLAIM_RENEWAL while the block runs, from a thread of
        its own: the lease then outlives any write of a live worker, and no more."""
        stop = threading.Event()
        renewer = threading.Thread(target=self._renew_until, args=(stop,), name=f"lease {self.token}", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            stop.set()
            renewer.join()

    def _renew_until(self, stop):
        try:
            while not stop.wait(CLAIM_RENEWAL.total_seconds()):
                try:
                    self.rows().update(claimed_until=timezone.now() + CLAIM_LEASE)
                except DatabaseError as error:
                    # The next renewal may succeed. Should the lease lapse meanwhile, another
                    # worker writes the pages again: each document carries the time its page
                    # was read as its version, so the older write never wins (index.py).
                    logger.warning("Could not renew the claim %s: %s", self.token, error)
        finally:
            connection.close()  # this thread's own connection

    def done(self):
        """Marks the claimed rows processed; how many there were."""
        return self.rows().update(processed_at=timezone.now(), claimed_until=None)

    def postpone(self, error):
        rows = list(self.rows())
        logger.warning("Search index unreachable, %d change(s) postponed: %s", len(rows), error)
        now = timezone.now()
        for row in rows:
            row.attempts += 1
            row.next_attempt_at = now + backoff(row.attempts)
            row.last_error = str(error)[:2000]
            row.claimed_until = None
        with transaction.atomic():
            PendingIndexChange.objects.bulk_update(rows, ["attempts", "next_attempt_at", "last_error", "claimed_until"])


def serialise_claims():
    """Inside the claiming transaction: wait for any other worker's claim to commit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CLAIM_LOCK])


def publish_changes():
    """Make the applied changes searchable now, then throw away the cached pages that
    showed the index: a page rendered after this sees them (core/page_cache.py)."""
    index.refresh()
    page_cache.bump(page_cache.INDEX)


def backlog():
    return PendingIndexChange.objects.filter(processed_at__isnull=True).count()


def backlog_age():
    """Seconds the oldest change still waiting has waited, or None when none waits: a
    worker that stopped shows as an age that keeps growing."""
    oldest = PendingIndexChange.objects.filter(processed_at__isnull=True).order_by("created_at").first()
    return None if oldest is None else (timezone.now() - oldest.created_at).total_seconds()


def forget_processed(older_than=timedelta(days=7)):
    """Processed rows are kept a while: a rebuild replays the ones made during it."""
    PendingIndexChange.objects.filter(processed_at__lt=timezone.now() - older_than).delete()
