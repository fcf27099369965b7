"""`manage.py opensearch`: clear, actionable errors instead of stack traces."""

import socket

import pytest
from django.core.management import CommandError, call_command

from search.client import opensearch_hosts


def free_port():
    """A port the runner accepts (at most 9299) that nothing listens on."""
    for port in range(9270, 9299):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port between 9270 and 9298")


def test_a_busy_port_is_named(tmp_path):
    port = free_port()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        with pytest.raises(CommandError, match=f"Port {port} is busy"):
            call_command("opensearch", "start", port=port, home=str(tmp_path))


def test_a_port_the_runner_refuses_is_explained(tmp_path):
    with pytest.raises(CommandError, match="needs a port from 1025 to 9299"):
        call_command("opensearch", "start", port=9400, home=str(tmp_path))


def test_missing_java_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match=r"`java` was not found on PATH\. Install Java 17"):
        call_command("opensearch", "start", port=free_port(), home=str(tmp_path))


def test_a_node_that_dies_on_start_shows_its_log(tmp_path):
    # An impossible heap size makes the JVM exit at once, like any fatal start-up error.
    with pytest.raises(CommandError) as failure:
        call_command("opensearch", "start", port=free_port(), home=str(tmp_path), heap="1x")
    message = str(failure.value)
    assert "OpenSearch stopped during start-up (exit code 1)" in message
    assert "heap size" in message and "Invalid" in message
    assert not (tmp_path / "node.pid").exists()


def test_stopping_a_node_that_is_not_running_is_harmless(tmp_path, capsys):
    call_command("opensearch", "stop", port=free_port(), home=str(tmp_path))
    assert "is not running" in capsys.readouterr().out


def test_a_cluster_of_no_nodes_is_refused(tmp_path):
    with pytest.raises(CommandError, match="--nodes must be from 1 to 9, not 0"):
        call_command("opensearch", "start", port=free_port(), nodes=0, home=str(tmp_path))


def test_a_cluster_reaching_past_the_highest_port_is_explained(tmp_path):
    with pytest.raises(CommandError, match="3 nodes from port 9298 would need port 9300"):
        call_command("opensearch", "start", port=9298, nodes=3, home=str(tmp_path))


def test_the_status_of_a_cluster_names_every_node(tmp_path, capsys):
    call_command("opensearch", "status", port=9270, nodes=3, home=str(tmp_path))
    out = capsys.readouterr().out
    assert [f"not running on port {port}" in out for port in (9270, 9271, 9272)] == [True] * 3


def test_the_node_count_follows_opensearch_url(tmp_path, settings, capsys):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9270, http://127.0.0.1:9271"
    call_command("opensearch", "stop", home=str(tmp_path))
    assert capsys.readouterr().out.splitlines() == [
        "OpenSearch is not running on port 9270.",
        "OpenSearch is not running on port 9271.",
    ]


def test_opensearch_url_may_name_several_nodes():
    assert opensearch_hosts("http://10.0.0.1:9200,https://search.example.org") == [
        {"host": "10.0.0.1", "port": 9200, "scheme": "http"},
        {"host": "search.example.org", "port": 443, "scheme": "https"},
    ]
    with pytest.raises(ValueError, match="'9200' is not a URL"):
        opensearch_hosts("http://10.0.0.1:9200,9200")
