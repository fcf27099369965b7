"""`manage.py opensearch`: clear, actionable errors instead of stack traces."""

import socket

import pytest
from django.core.management import CommandError, call_command


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
