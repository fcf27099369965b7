"""What a load balancer or a monitor asks the site: is the process up (/healthz), can it
serve (/readyz: database, shared cache, OpenSearch or the breaker, outbox backlog), and
what `search_index status` tells an operator about changes waiting for the index."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from search import breaker
from search.models import PendingIndexChange

UNREACHABLE_REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
}


def test_healthz_answers_without_touching_the_database(client):
    """No `db` fixture: a query would fail the test."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.opensearch
def test_readyz_reports_every_service_ready(client, db, index_prefix):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "opensearch": "ok",
        "outbox": "ok",
    }
    assert body["checks"]["opensearch"]["breaker"] == "closed"
    assert body["checks"]["opensearch"]["nodes"] >= 1
    assert body["checks"]["outbox"]["status"] == "ok"


def test_with_the_breaker_open_the_site_is_degraded_but_ready(client, db):
    cache.set(breaker.OPEN, True, timeout=30)
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["opensearch"] == {"status": "degraded", "breaker": "open"}


def test_an_unreachable_opensearch_leaves_the_site_degraded_but_ready(client, db, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"
    body = client.get("/readyz").json()
    assert body["status"] == "degraded"
    assert body["checks"]["opensearch"]["status"] == "degraded"
    assert "Connection refused" in body["checks"]["opensearch"]["error"]


def test_without_the_shared_cache_the_site_is_not_ready(client, db, settings):
    settings.CACHES = UNREACHABLE_REDIS
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "error"
    assert "Connection refused" in body["checks"]["cache"]["error"]


def test_a_stopped_worker_shows_as_a_growing_backlog_age(client, db):
    PendingIndexChange.objects.all().delete()  # setup_site's own changes
    PendingIndexChange.objects.create(page_id=1, reason="publish", created_at=timezone.now() - timedelta(minutes=5))
    PendingIndexChange.objects.create(page_id=2, reason="publish")
    cache.set(breaker.OPEN, True, timeout=30)  # no node needed
    outbox = client.get("/readyz").json()["checks"]["outbox"]
    assert outbox["backlog"] == 2
    assert 300 <= outbox["oldest_age_seconds"] < 360


@pytest.mark.opensearch
def test_search_index_status_shows_the_backlogs_age(db, index_prefix):
    PendingIndexChange.objects.all().delete()  # setup_site's own changes
    PendingIndexChange.objects.create(page_id=1, reason="publish", created_at=timezone.now() - timedelta(minutes=5))
    output = StringIO()
    call_command("search_index", "status", stdout=output)
    assert re.search(r"outbox backlog: 1, the oldest waiting for 30\d s", output.getvalue())
