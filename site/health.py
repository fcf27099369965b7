"""Health probes for a load balancer, systemd or a monitor (docs/deploy.md).

/healthz: the process answers (nothing else is touched, so it stays cheap).
/readyz: what the site needs to serve a page. The database and the shared cache are
required: without them it answers 503 and should get no traffic. OpenSearch is not:
while it is down or the circuit breaker is open, searches come from the database, so
the site is "degraded" but ready (taking it out of rotation would turn a slower search
into no site at all). The outbox backlog and the age of its oldest change show a
worker that stopped.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search import service

logger = logging.getLogger(__name__)
PROBE_KEY = "readyz:probe"


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"status": "ok"}


def check_cache():
    token = str(time.monotonic_ns())
    cache.set(PROBE_KEY, token, timeout=10)
    if cache.get(PROBE_KEY) != token:
        raise RuntimeError("a value written to the cache could not be read back")
    return {"status": "ok"}


def check_opensearch():
    return service.engine_status()


def check_outbox():
    return service.outbox_status()


def run(check):
    """Whatever a check raises (a database, Redis or network error of any library) means
    that part is not ready: reported and logged, never a 500 of the probe itself."""
    try:
        return check()
    except Exception as error:
        logger.error("Readiness check %s failed: %s", check.__name__, error)
        return {"status": "error", "error": str(error)[:300]}


@never_cache
@require_GET
def readyz(request):
    checks = {"database": run(check_database), "cache": run(check_cache)}
    # The rest reads the database; without it there is nothing more to learn.
    if checks["database"]["status"] == "ok":
        checks["opensearch"] = run(check_opensearch)
        checks["outbox"] = run(check_outbox)
    ready = checks["database"]["status"] == "ok" and checks["cache"]["status"] == "ok"
    degraded = any(check["status"] != "ok" for check in checks.values())
    status = "degraded" if ready and degraded else ("ok" if ready else "unavailable")
    return JsonResponse({"status": status, "checks": checks}, status=200 if ready else 503)
