"""Three `search_index work` processes share one outbox of 10,000 changes: every
change is applied exactly once, by whichever worker claimed it, and the index ends
with no drift. A worker killed in the middle of a batch leaves its changes to the next
one within seconds, and a live worker's slow batch is never taken from it. Runs on the
configured database (CI: SQLite, then PostgreSQL), against the real OpenSearch node."""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from io import StringIO
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, sync
from search.models import PendingIndexChange

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

CHANGES = 10_000
WORKERS = 3


def shared_database_url():
    """The test database as other processes open it (on SQLite the test database is a file)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{db['HOST']}:{db['PORT']}/{quote(db['NAME'])}"


def start_worker(index_prefix, batch=20):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "usesite.settings.test",
        "DATABASE_URL": shared_database_url(),
        "OPENSEARCH_URL": settings.OPENSEARCH_URL,
        "OPENSEARCH_INDEX_PREFIX": index_prefix,
    }
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", "search_index", "work", "--interval", "0.2", "--batch", str(batch)],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def waiting():
    return PendingIndexChange.objects.filter(processed_at__isnull=True).count()


def test_three_workers_share_ten_thousand_changes_without_doing_one_twice(site_skeleton, index_prefix):
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    cases = [CaseStudyPageFactory(parent=case_index) for _ in range(40)]
    index.ensure_index()
    # Publishing wrote some changes already; the rest are repeated changes of these
    # cases and of 460 pages deleted since (whose documents are removed).
    page_ids = [case.pk for case in cases] + list(range(1_000_000, 1_000_460))
    published = PendingIndexChange.objects.count()
    PendingIndexChange.objects.bulk_create(
        [PendingIndexChange(page_id=page_ids[n % len(page_ids)], reason="test") for n in range(CHANGES - published)],
        batch_size=1000,
    )
    assert waiting() == CHANGES

    workers = [start_worker(index_prefix) for _ in range(WORKERS)]
    try:
        deadline = time.monotonic() + 300
        while waiting() and time.monotonic() < deadline and all(worker.poll() is None for worker in workers):
            time.sleep(0.5)
    finally:
        # Ctrl-C to every worker first, as stopping the service does, then wait for
        # each: a worker asked last does not go on draining while the first stops.
        for worker in workers:
            worker.send_signal(signal.SIGINT)  # the worker stops between polls
        outputs = [worker.communicate(timeout=60) for worker in workers]

    assert waiting() == 0, [err[-2000:] for _out, err in outputs]
    applied = [sum(int(n) for n in re.findall(r"applied (\d+) change", out)) for out, _err in outputs]
    # Each change was applied once: what the workers report adds up to the outbox.
    assert sum(applied) == CHANGES
    assert sum(1 for count in applied if count) >= 2, applied
    claims = PendingIndexChange.objects.values_list("claimed_by", flat=True)
    by_process = Counter(token.split(":")[1] for token in claims)
    assert sorted(by_process.values()) == sorted(count for count in applied if count)
    report = StringIO()
    call_command("search_index", "verify", stdout=report)
    assert report.getvalue().strip() == "missing: 0, stale: 0, extra: 0"


def stop(worker):
    """Ctrl-C, as stopping the service does; what the worker wrote to stderr."""
    worker.send_signal(signal.SIGINT)
    return worker.communicate(timeout=60)[1]


def test_a_worker_killed_mid_batch_leaves_its_changes_to_the_next_worker(site_skeleton, index_prefix):
    """kill -9 while a worker writes 200 changed pages: its claim is neither applied
    nor given back, and another worker applies it once the dead one's lease lapses
    (seconds: CLAIM_LEASE), not minutes later."""
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    cases = [CaseStudyPageFactory(parent=case_index) for _ in range(40)]
    index.ensure_index()
    # Publishing queued the cases; 160 pages deleted since make 200 changed pages.
    sync.enqueue(range(1_000_000, 1_000_160), "test")
    assert PendingIndexChange.objects.values("page_id").distinct().count() >= 200

    crashing = start_worker(index_prefix, batch=500)
    its_claim = PendingIndexChange.objects.filter(claimed_by__contains=f":{crashing.pid}:", processed_at__isnull=True)
    deadline = time.monotonic() + 60
    while not its_claim.exists() and crashing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    crashing.kill()
    crashing.wait()
    assert its_claim.count() >= 200  # killed mid-batch: all 200 pages were in its one claim

    successor = start_worker(index_prefix, batch=500)
    try:
        # A bound far above the lease (15 s) and far below the 5 minutes it used to be.
        deadline = time.monotonic() + 120
        while waiting() and successor.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        errors = stop(successor)
    assert waiting() == 0, errors[-2000:]
    assert not PendingIndexChange.objects.filter(claimed_by__contains=f":{crashing.pid}:").exists()
    report = StringIO()
    call_command("search_index", "verify", stdout=report)
    assert report.getvalue().strip() == "missing: 0, stale: 0, extra: 0"
    assert index.document_count() == len(cases)


def test_a_live_worker_keeps_its_pages_however_long_it_writes(site_skeleton, index_prefix, monkeypatch):
    """A batch that takes several leases to write (a slow cluster) stays with its worker:
    the lease is renewed while it writes, so no second worker writes the same pages."""
    monkeypatch.setattr(sync, "CLAIM_LEASE", timedelta(seconds=2))
    monkeypatch.setattr(sync, "CLAIM_RENEWAL", timedelta(seconds=0.5))
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    CaseStudyPageFactory(parent=case_index)
    index.ensure_index()
    write = index.write
    rivals = []

    def slow_write(page_ids):
        time.sleep(5)  # two and a half leases
        rivals.append(sync.Claim.take(sync.BATCH_SIZE))  # what another worker would get now
        return write(page_ids)

    monkeypatch.setattr(index, "write", slow_write)
    assert sync.drain() > 0
    assert rivals == [None]
    assert waiting() == 0
