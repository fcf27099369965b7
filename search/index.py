"""The public index behind its alias: create, write, rebuild with an atomic swap,
compare with the database."""

import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from opensearchpy import helpers
from wagtail.fields import StreamField

from core import page_cache

from . import registry
from .client import get_client, index_name
from .documents import build_documents, document_id, indexable_pages
from .mapping import index_mappings, index_settings
from .models import PendingIndexChange
from .synonyms import FILTER_NAME, synonym_filter

BATCH_SIZE = 200
# A new index while it fills, before its alias points at it: nobody searches it, so no
# periodic refresh, and no replica to copy every document to as it comes (one copy
# made at the end costs a fraction of that). filled() restores both.
FILLING = {"refresh_interval": "-1", "number_of_replicas": 0}
# Bulk requests in flight at once while a rebuild fills: OpenSearch indexes one while
# it receives the next.
SENDERS = 2


def alias_name():
    return index_name("public")


def create_index(**overrides):
    """A new, empty concrete index (not yet behind the alias); `overrides` are index settings."""
    name = f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"
    body = {
        "settings": {
            **index_settings(shards=settings.OPENSEARCH_SHARDS, replicas=settings.OPENSEARCH_REPLICAS),
            **overrides,
        },
        "mappings": index_mappings(),
    }
    get_client().indices.create(index=name, body=body)
    return name


def update_synonyms():
    """Put the editors' current synonym sets into the live index's search analyzers,
    without reindexing. OpenSearch changes analysis settings on a closed index only,
    and this node has no analyzer-reload endpoint: close, update, reopen (under a
    second on a small index; searches meanwhile fail and the breaker answers from the
    database). Returns the indices updated."""
    names = indices_behind_alias()
    if not names:
        return []
    client = get_client()
    target = ",".join(names)
    client.indices.close(index=target)
    try:
        client.indices.put_settings(index=target, body={"analysis": {"filter": {FILTER_NAME: synonym_filter()}}})
    finally:
        client.indices.open(index=target)
        client.cluster.health(index=target, wait_for_status="yellow")
    return names


def indices_behind_alias():
    # Asked first rather than caught: the client logs every failed GET as a warning,
    # which a first rebuild would print among its progress.
    client = get_client()
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return sorted(client.indices.get_alias(name=alias_name()))


def ensure_index():
    """The alias exists and points at an index; create both when missing."""
    current = indices_behind_alias()
    if current:
        return current[0]
    name = create_index()
    get_client().indices.put_alias(index=name, name=alias_name())
    return name


def specific_pages(page_ids):
    """The indexable pages among these ids, as their specific classes, prefetched per type."""
    ids = list(indexable_pages().filter(pk__in=page_ids).values_list("pk", flat=True))
    pages = []
    for declared in registry.documents():
        pages += (
            declared.model.objects.filter(pk__in=ids)
            .select_related(*declared.joins())
            .prefetch_related(*declared.prefetches())
            .defer(*stream_fields(declared.model))
        )
    return pages


def stream_fields(model):
    """No document reads a StreamField, and decoding one costs more than its row."""
    return [field.name for field in model._meta.concrete_fields if isinstance(field, StreamField)]


def document_actions(page_ids, index):
    """The bulk actions writing these pages' documents and removing those that are no
    longer public, with how many of each.

    Every action carries the time the pages were read as its external version, and
    OpenSearch refuses one older than the document's: a write that timed out (say,
    while a cluster moved a primary shard after losing a node) may still reach the
    index later, and must not undo a newer write that got there first."""
    pages = specific_pages(page_ids)
    documents = build_documents(pages)
    version = {"version": time.time_ns() // 1000, "version_type": "external_gte"}
    actions = [
        {"_op_type": "index", "_index": index, "_id": document_id(doc["page_id"]), "_source": doc, **version}
        for doc in documents
    ]
    kept = {page.pk for page in pages}
    actions += [
        {"_op_type": "delete", "_index": index, "_id": document_id(page_id), **version}
        for page_id in set(page_ids) - kept
    ]
    return actions, len(kept), len(page_ids) - len(kept)


def is_harmless(error):
    """A delete of a document that was never indexed, or a write older than the
    document already there (a newer read of the page won)."""
    operation, result = next(iter(error.items()))
    return (operation == "delete" and result.get("status") == 404) or result.get("status") == 409


def send(actions):
    """Write the actions; any document OpenSearch refused raises, so the outbox keeps
    its change for another try instead of counting it as applied."""
    _sent, errors = helpers.bulk(get_client(), actions, raise_on_error=False, raise_on_exception=True, refresh=False)
    refused = [error for error in errors if not is_harmless(error)]
    if refused:
        first = next(iter(refused[0].values())).get("error", {})
        reason = first.get("reason", first) if isinstance(first, dict) else first
        raise helpers.BulkIndexError(f"{len(refused)} document(s) refused, the first because: {reason}", refused)


def write(page_ids, index=None):
    """Write the documents of these pages, and remove those that are no longer public."""
    actions, written, removed = document_actions(page_ids, index or ensure_index())
    send(actions)
    return written, removed


def fill(index, page_ids, progress=None):
    """Write these pages batch by batch, sending batches while the next is built:
    OpenSearch indexes on one core while Python reads the database on the other."""
    with ThreadPoolExecutor(max_workers=SENDERS) as sender:
        sending = deque()
        for start in range(0, len(page_ids), BATCH_SIZE):
            batch = page_ids[start : start + BATCH_SIZE]
            actions, _written, _removed = document_actions(batch, index)
            if len(sending) == SENDERS:
                sending.popleft().result()
            sending.append(sender.submit(send, actions))
            if progress:
                progress(len(batch))
        for pending in sending:
            pending.result()


def filled(index):
    """The index as the site searches it: its periodic refresh and its replicas back
    (the settings' values), and every document it holds searchable."""
    client = get_client()
    client.indices.put_settings(
        index=index,
        body={"index": {"refresh_interval": None, "number_of_replicas": settings.OPENSEARCH_REPLICAS}},
        request_timeout=120,
    )
    client.indices.refresh(index=index, request_timeout=600)


def rebuild(progress=None):
    """Fill a new index from the database, then swap the alias in one atomic step,
    so searches never see an empty or half-filled index."""
    started_after = PendingIndexChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    # Nobody searches the new index before the swap: no periodic refresh while it fills.
    new_index = create_index(**FILLING)
    page_ids = list(indexable_pages().order_by("pk").values_list("pk", flat=True))
    fill(new_index, page_ids, progress)
    # Changes made while the new index filled may have reached only the old one.
    changed = set(PendingIndexChange.objects.filter(pk__gt=started_after).values_list("page_id", flat=True))
    if changed:
        write(changed, index=new_index)
    filled(new_index)
    client = get_client()
    old = indices_behind_alias()
    client.indices.update_aliases(
        body={
            "actions": [
                *({"remove": {"index": name, "alias": alias_name()}} for name in old),
                {"add": {"index": new_index, "alias": alias_name()}},
            ]
        }
    )
    for name in old:
        client.indices.delete(index=name)
    page_cache.bump(page_cache.INDEX)
    # Changes made before the rebuild began are in the new index already.
    PendingIndexChange.objects.filter(pk__lte=started_after, processed_at__isnull=True).update(
        processed_at=timezone.now()
    )
    return new_index, len(page_ids)


@dataclass
class Drift:
    missing: int
    stale: int
    extra: int

    @property
    def total(self):
        return self.missing + self.stale + self.extra


def verify():
    """Compare the index with the database: missing, stale (older revision or URL) and extra documents."""
    # Writes of the last second are not searchable until a refresh, and would count as drift.
    get_client().indices.refresh(index=alias_name())
    expected = {document_id(pk): revision for pk, revision in indexable_pages().values_list("pk", "live_revision_id")}
    indexed = {}
    for hit in helpers.scan(
        get_client(), index=alias_name(), query={"_source": ["revision_id"], "query": {"match_all": {}}}
    ):
        indexed[hit["_id"]] = hit["_source"].get("revision_id")
    missing = expected.keys() - indexed.keys()
    extra = indexed.keys() - expected.keys()
    stale = {doc_id for doc_id in expected.keys() & indexed.keys() if expected[doc_id] != indexed[doc_id]}
    return Drift(len(missing), len(stale), len(extra))


def refresh():
    get_client().indices.refresh(index=alias_name())


def document_count():
    return get_client().count(index=alias_name())["count"]
