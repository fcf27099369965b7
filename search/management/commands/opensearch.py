from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.client import opensearch_hosts
from search.local_node import LocalCluster, NodeError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_NODES = 9


class Command(BaseCommand):
    help = "Start, stop or inspect the local OpenSearch node or cluster (fetched with Maven on first start)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])
        parser.add_argument("--port", type=int, help="HTTP port (of the first node); defaults to OPENSEARCH_URL's.")
        parser.add_argument(
            "--nodes",
            type=int,
            help="How many nodes: a cluster on HTTP ports PORT to PORT+N-1 (default: as many as OPENSEARCH_URL "
            "names when --port is not given, else 1).",
        )
        parser.add_argument(
            "--home",
            help="Folder for the node's data, pid file and log (default: var/opensearch/node-PORT); "
            "for a cluster, the folder that holds a node-PORT folder per node.",
        )
        parser.add_argument(
            "--heap", help="Maximum Java heap of each node, for example 1g or 768m (default: 1g, 512m in a cluster)."
        )
        parser.add_argument("--timeout", type=int, default=120, help="Seconds to wait for a healthy cluster.")

    def handle(self, *args, action, port=None, nodes=None, home=None, heap=None, timeout=120, **options):
        if port is None:
            hosts = opensearch_hosts(settings.OPENSEARCH_URL)
            if any(host["host"] not in LOCAL_HOSTS for host in hosts):
                # `make run` against a managed cluster: nothing local to start or stop.
                self.stdout.write(
                    f"OPENSEARCH_URL ({settings.OPENSEARCH_URL}) points to a remote cluster; "
                    "no local node is managed. Pass --port to manage one anyway."
                )
                return
            port = hosts[0]["port"]
            nodes = len(hosts) if nodes is None else nodes
        nodes = 1 if nodes is None else nodes
        if not 1 <= nodes <= MAX_NODES:
            raise CommandError(f"--nodes must be from 1 to {MAX_NODES}, not {nodes}.")
        try:
            cluster = LocalCluster.on_ports(
                port,
                nodes,
                node_homes(port, nodes, home).get,
                settings.VAR_DIR / "opensearch" / "lib",
                heap or ("1g" if nodes == 1 else "512m"),
            )
            self.act(cluster, action, timeout)
        except NodeError as error:
            raise CommandError(str(error)) from error

    def act(self, cluster, action, timeout):
        if action == "start":
            cluster.start(timeout=timeout, say=self.stdout.write)
        elif action == "stop":
            cluster.stop(say=self.stdout.write)
        else:
            self.stdout.write(cluster.status())


def node_homes(port, nodes, home=None):
    """{port: folder} of each node: `home` itself for a lone node, a node-PORT folder in it for a cluster."""
    opensearch_dir = settings.VAR_DIR / "opensearch"
    if nodes == 1:
        return {port: settings.BASE_DIR / home if home else opensearch_dir / f"node-{port}"}
    parent = settings.BASE_DIR / home if home else opensearch_dir
    return {number: parent / f"node-{number}" for number in range(port, port + nodes)}
