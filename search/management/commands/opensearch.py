from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.local_node import LocalNode, NodeError


class Command(BaseCommand):
    help = "Start, stop or inspect the local OpenSearch node (fetched with Maven on first start)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])
        parser.add_argument("--port", type=int, help="HTTP port; defaults to the port of OPENSEARCH_URL.")
        parser.add_argument(
            "--home", help="Folder for the node's data, pid file and log (default: var/opensearch/node-PORT)."
        )
        parser.add_argument("--heap", default="1g", help="Maximum Java heap, for example 1g or 768m.")
        parser.add_argument("--timeout", type=int, default=120, help="Seconds to wait for a healthy cluster.")

    def handle(self, *args, action, port=None, home=None, heap="1g", timeout=120, **options):
        if port is None:
            url = urlsplit(settings.OPENSEARCH_URL)
            if url.hostname not in ("127.0.0.1", "localhost", "::1"):
                # `make run` against a managed cluster: nothing local to start or stop.
                self.stdout.write(
                    f"OPENSEARCH_URL ({settings.OPENSEARCH_URL}) points to a remote cluster; "
                    "no local node is managed. Pass --port to manage one anyway."
                )
                return
            port = url.port or 9200
        opensearch_dir = settings.VAR_DIR / "opensearch"
        node = LocalNode(
            port=port,
            home=settings.BASE_DIR / home if home else opensearch_dir / f"node-{port}",
            lib_dir=opensearch_dir / "lib",
            heap=heap,
        )
        try:
            if action == "start":
                node.start(timeout=timeout, say=self.stdout.write)
            elif action == "stop":
                node.stop(say=self.stdout.write)
            else:
                self.stdout.write(node.status())
        except NodeError as error:
            raise CommandError(str(error)) from error
