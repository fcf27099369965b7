"""A three-node OpenSearch cluster keeps every search and every update when one node
dies, and `manage.py opensearch start --nodes 3` brings the lost node back alone.

These tests need the cluster `make test-cluster` starts (OPENSEARCH_URL naming its
three nodes); the default suite deselects them (pyproject.toml: `-m "not cluster"`),
because three more JVMs are too much for a small machine beside the rest.
"""

import itertools
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, query, sync
from search.client import get_client, opensearch_hosts, search_client
from search.local_node import LocalCluster
from search.models import PendingIndexChange

pytestmark = [pytest.mark.cluster, pytest.mark.opensearch, pytest.mark.django_db]

PAGES = 6


@pytest.fixture
def cluster(settings):
    """The running cluster, as the nodes `manage.py opensearch start --nodes N` made."""
    hosts = opensearch_hosts(settings.OPENSEARCH_URL)
    if len(hosts) < 3:
        pytest.fail(f"These tests need a cluster of 3 nodes (make test-cluster), not {settings.OPENSEARCH_URL}")
    opensearch_dir = settings.VAR_DIR / "opensearch"
    return LocalCluster.on_ports(
        hosts[0]["port"], len(hosts), lambda port: opensearch_dir / f"node-{port}", opensearch_dir / "lib", "512m"
    )


@pytest.fixture
def replicated(settings, index_prefix):
    settings.OPENSEARCH_REPLICAS = 1
    # The machine is shared with other work: a request slowed by it is not what these
    # tests are about, a search or an update lost with a node is.
    settings.OPENSEARCH_SEARCH_TIMEOUT = 10
    settings.OPENSEARCH_TIMEOUT = 30


def wait_for_green(name, seconds=120):
    # `timeout` as a keyword argument would be the client's own timeout, not the server's wait.
    return get_client().cluster.health(
        index=name, wait_for_status="green", params={"timeout": f"{seconds}s"}, request_timeout=seconds + 10
    )


def test_the_nodes_form_one_cluster_that_places_every_replica(cluster, replicated):
    health = get_client().cluster.health()
    assert health["cluster_name"] == cluster.nodes[0].cluster_name
    assert health["number_of_nodes"] == len(cluster.nodes)
    name = index.ensure_index()
    assert wait_for_green(name)["status"] == "green"
    # (Every node is called "Node 1" by the runner: nodes are told apart by id.)
    copies = get_client().cat.shards(index=name, format="json", h="prirep,id")
    assert sorted(copy["prirep"] for copy in copies) == ["p", "r"]
    assert len({copy["id"] for copy in copies}) == 2  # the replica is on another node


def toggle(page):
    """Unpublish a live page, publish it again otherwise: each writes the outbox."""
    if page.live:
        page.unpublish()
    else:
        page.save_revision().publish()
    page.refresh_from_db()


def node_holding_the_primary(cluster, name):
    """The node whose loss hurts most: the one with the index's primary shard."""
    shards = get_client().cat.shards(index=name, format="json", h="prirep,id")
    primary_node_id = next(shard["id"] for shard in shards if shard["prirep"] == "p")
    info = get_client().nodes.info(node_id=primary_node_id)["nodes"][primary_node_id]
    http_port = int(info["http"]["publish_address"].rsplit(":", 1)[1])
    return next(node for node in cluster.nodes if node.port == http_port)


def test_losing_a_node_loses_no_search_and_no_update_and_the_node_comes_back_alone(cluster, replicated):
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    pages = [CaseStudyPageFactory(parent=case_index, title=f"Resilient practice {n}") for n in range(PAGES)]
    name, _written = index.rebuild()
    wait_for_green(name)
    victim = node_holding_the_primary(cluster, name)
    survivors = {node.port: node.running_pid() for node in cluster.nodes if node is not victim}
    steps, searches, failed = itertools.count(), 0, []

    def step():
        """One editor change applied by the outbox worker, then one visitor's search."""
        nonlocal searches
        number = next(steps)
        toggle(pages[number % PAGES])
        sync.drain()
        body = query.build_body(query.SearchRequest(text="resilient practice"))
        try:
            response = search_client().search(index=index.alias_name(), body=body)
        except Exception as error:  # any error is a failed search, and is reported
            failed.append(f"search {number}: {error!r}")
            return
        searches += 1
        shards = response["_shards"]
        if shards["failed"] or shards["successful"] != shards["total"]:
            failed.append(f"search {number} answered from {shards['successful']} of {shards['total']} shards")

    for _ in range(10):
        step()
    # As a crash would: no goodbye to the cluster.
    os.killpg(victim.running_pid(), signal.SIGKILL)
    for _ in range(20):  # while the cluster notices and promotes the replica
        step()
    # What an operator runs: the same command that started the cluster starts the
    # missing node and joins it to the two that kept serving.
    report = StringIO()
    with ThreadPoolExecutor(max_workers=1) as restarting:
        back = restarting.submit(
            call_command, "opensearch", "start",
            port=cluster.nodes[0].port, nodes=len(cluster.nodes), timeout=300, stdout=report,
        )  # fmt: skip
        while not back.done():
            step()
        back.result()
    assert f"Node(s) on port(s) {victim.port} joined cluster" in report.getvalue()
    # The nodes that kept serving were not restarted.
    assert survivors == {node.port: node.running_pid() for node in cluster.nodes if node is not victim}
    for _ in range(10):
        step()

    # A write that met the cluster while it moved the primary waits in the outbox with
    # a back-off; it is due now.
    PendingIndexChange.objects.filter(processed_at__isnull=True).update(next_attempt_at=timezone.now())
    sync.drain()
    assert failed == []
    assert searches == next(steps) >= 40
    assert sync.backlog() == 0
    assert index.verify().total == 0
    get_client().indices.refresh(index=index.alias_name())
    live = sum(page.live for page in pages)
    assert get_client().count(index=index.alias_name())["count"] == live
    health = wait_for_green(name)
    assert health["number_of_nodes"] == len(cluster.nodes)
