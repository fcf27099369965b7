"""Recovery, timed (docs/deploy.md, "Runbooks"): prints
1. the seconds from `kill -9` of an index worker in the middle of a batch of
   BENCH_CHANGES (200) changed pages until another worker has applied them all
   (target: within 30 s; the dead worker's lease is search.sync.CLAIM_LEASE);
2. with OPENSEARCH_URL naming a local cluster of three nodes or more: after `kill -9`
   of the elected cluster manager, the seconds `manage.py opensearch start --nodes N`
   takes to bring it back into the cluster, and how many of the searches sent from the
   kill until the cluster is green again failed (target: 0).

    make run   # or migrate and load_demo: the bench reads the development database's pages
    .venv/bin/python manage.py opensearch start --nodes 3 --port 9263
    OPENSEARCH_URL=http://127.0.0.1:9263,http://127.0.0.1:9264,http://127.0.0.1:9265 \\
        .venv/bin/python bench/recovery_bench.py

It writes only the outbox of that database (the pages are written again as they are)
and an index of its own (prefix `recoverybench`, one replica, deleted at the end); stop
any other `search_index work` on that database first, or it takes the changes. Figures,
not assertions; every wait is bounded.
"""

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")
os.environ["OPENSEARCH_INDEX_PREFIX"] = "recoverybench"
os.environ["OPENSEARCH_REPLICAS"] = "1"
# As in tests/test_opensearch_cluster.py: on a machine shared with other work, a slow
# request is not what is measured here, a search lost with a node is (the slowest
# search is printed beside).
os.environ.setdefault("OPENSEARCH_TIMEOUT", "30")
os.environ.setdefault("OPENSEARCH_SEARCH_TIMEOUT", "10")
django.setup()

from django.conf import settings  # noqa: E402

from search import index, query, sync  # noqa: E402
from search.client import get_client, opensearch_hosts, search_client  # noqa: E402
from search.documents import indexable_pages  # noqa: E402
from search.local_node import LocalCluster  # noqa: E402
from search.models import PendingIndexChange  # noqa: E402

CHANGES = int(os.environ.get("BENCH_CHANGES", "200"))
# Seconds the cluster runs without the killed node before the operator brings it back.
DOWN = float(os.environ.get("BENCH_DOWN_SECONDS", "10"))
BOUND = 300  # seconds any one wait may take at most


def manage(*arguments, **popen):
    return subprocess.Popen([sys.executable, "manage.py", *arguments], cwd=ROOT, **popen)  # noqa: S603


def crashed_worker():
    """Seconds until another worker has drained what a kill -9'd worker had claimed."""
    pages = list(indexable_pages().order_by("pk").values_list("pk", flat=True)[:CHANGES])
    sync.drain()  # nothing else waits
    sync.enqueue(pages, "recovery bench")
    crashing = manage("search_index", "work", stdout=subprocess.DEVNULL)
    claimed = PendingIndexChange.objects.filter(claimed_by__contains=f":{crashing.pid}:", processed_at__isnull=True)
    deadline = time.monotonic() + BOUND
    while not claimed.exists() and crashing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    crashing.kill()
    crashing.wait()
    killed_at = time.monotonic()
    stranded = claimed.count()
    successor = manage("search_index", "work", "--interval", "0.2", stdout=subprocess.DEVNULL)
    try:
        while sync.backlog() and time.monotonic() < killed_at + BOUND:
            time.sleep(0.1)
        drained = time.monotonic() - killed_at
    finally:
        successor.send_signal(signal.SIGINT)
        successor.wait(timeout=60)
    outcome = f"drained by another worker {drained:.1f} s after kill -9" if not sync.backlog() else "NOT drained"
    print(f"crashed worker: {len(pages)} changed pages, {stranded} in the killed worker's claim; {outcome}")


def cluster_of_opensearch_url():
    hosts = opensearch_hosts(settings.OPENSEARCH_URL)
    opensearch_dir = settings.VAR_DIR / "opensearch"
    return LocalCluster.on_ports(
        hosts[0]["port"], len(hosts), lambda port: opensearch_dir / f"node-{port}", opensearch_dir / "lib", "512m"
    )


def elected_cluster_manager(cluster):
    """The node whose loss costs most: the cluster must elect another manager."""
    node_id = get_client().cat.cluster_manager(format="json")[0]["id"]
    nodes = get_client().nodes.info(format="json")["nodes"]
    http_port = next(
        int(info["http"]["publish_address"].rsplit(":", 1)[1])
        for full_id, info in nodes.items()
        if full_id.startswith(node_id)
    )
    return next(node for node in cluster.nodes if node.port == http_port)


def lost_node(name):
    """Kill the elected cluster manager, bring it back with the command, searching all along."""
    cluster = cluster_of_opensearch_url()
    victim = elected_cluster_manager(cluster)
    body = query.build_body(query.SearchRequest(text="housing"))
    sent, failed, slowest = 0, 0, 0.0

    def search():
        nonlocal sent, failed, slowest
        sent += 1
        started = time.monotonic()
        try:
            shards = search_client().search(index=index.alias_name(), body=body)["_shards"]
        except Exception:  # any error is a failed search, and counted
            failed += 1
            return
        finally:
            slowest = max(slowest, time.monotonic() - started)
        failed += bool(shards["failed"] or shards["successful"] != shards["total"])

    os.killpg(victim.running_pid(), signal.SIGKILL)
    killed_at = time.monotonic()
    while time.monotonic() < killed_at + DOWN:
        search()
    started_at = time.monotonic()
    first_port, count = str(cluster.nodes[0].port), str(len(cluster.nodes))
    command = manage("opensearch", "start", "--nodes", count, "--port", first_port, "--timeout", str(BOUND))
    while command.poll() is None and time.monotonic() < started_at + BOUND + 10:
        search()
    rejoined = time.monotonic() - started_at
    while get_client().cluster.health(index=name)["status"] != "green" and time.monotonic() < started_at + BOUND:
        search()
    green = time.monotonic() - started_at
    print(
        f"lost node: killed the elected cluster manager (port {victim.port}); `opensearch start --nodes {count}` "
        f"{'brought it back' if command.returncode == 0 else 'FAILED'} in {rejoined:.1f} s, green after {green:.1f} s; "
        f"searches from the kill to green: {sent} sent, {failed} failed, the slowest {slowest:.2f} s"
    )


def main():
    # The client logs each request it retries on another node with a traceback; what
    # counts is whether the search failed, which the figures say.
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    name, written = index.rebuild()
    print(f"index {name}: {written} documents, replicas {settings.OPENSEARCH_REPLICAS}")
    try:
        crashed_worker()
        if len(opensearch_hosts(settings.OPENSEARCH_URL)) >= 3:
            lost_node(name)
        else:
            print("lost node: skipped (OPENSEARCH_URL names fewer than three nodes)")
    finally:
        get_client().indices.delete(index=name)


if __name__ == "__main__":
    main()
