"""The files an operator installs (deploy/) and the loopback layout built from them
(`make prod-up`) say the same thing, and agree with the settings they front."""

import contextlib
import importlib.util
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from django.conf import settings

DEPLOY = settings.BASE_DIR / "deploy"


def load(name):
    spec = importlib.util.spec_from_file_location(f"deploy_{name}", DEPLOY / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(DEPLOY))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(DEPLOY))
    return module


SERVER = {
    "APP_BIND": "127.0.0.1:8001",
    "LISTEN": "443 ssl",
    "SERVER_NAME": "cities.example.org",
    "TLS_SETTINGS": "/etc/nginx/snippets/cities-exchange-tls.conf",
    "STATIC_ROOT": "/srv/cities-exchange/var/static",
    "MEDIA_ROOT": "/srv/cities-exchange/var/media",
    "LOG_DIR": "/var/log/nginx",
}


def test_the_nginx_site_renders_with_every_placeholder_filled_and_keeps_nginxs_own_variables():
    site = load("render").render(DEPLOY / "nginx" / "cities-exchange.conf.in", SERVER)
    assert not re.search(r"\$\{[A-Z_]+\}", site)
    assert "server_name cities.example.org;" in site
    assert "alias /srv/cities-exchange/var/media/;" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site


def test_a_forgotten_value_is_named_instead_of_leaving_a_broken_line():
    values = {key: value for key, value in SERVER.items() if key != "MEDIA_ROOT"}
    with pytest.raises(SystemExit, match="no value given for MEDIA_ROOT"):
        load("render").render(DEPLOY / "nginx" / "cities-exchange.conf.in", values)


def test_nginx_refuses_the_same_bodies_as_the_app():
    site = (DEPLOY / "nginx" / "cities-exchange.conf.in").read_text()
    (megabytes,) = re.findall(r"client_max_body_size (\d+)m;", site)
    assert int(megabytes) * 1024 * 1024 == settings.REQUEST_BODY_MAX_SIZE


def test_the_loopback_layout_runs_the_systemd_units_own_commands():
    loopback = load("loopback")
    gunicorn = loopback.unit_command("cities-exchange-gunicorn.service")
    assert gunicorn == [
        str(settings.BASE_DIR / ".venv/bin/gunicorn"),
        "--config",
        "deploy/gunicorn.conf.py",
        "usesite.wsgi:application",
    ]
    worker = loopback.unit_command("cities-exchange-worker.service")
    assert worker[-3:] == ["manage.py", "search_index", "work"]


def test_a_single_node_needs_no_cluster_option_and_a_cluster_names_its_size(monkeypatch):
    loopback = load("loopback")
    commands = []
    monkeypatch.setattr(loopback, "run", lambda command, env: commands.append(command))
    for nodes in (1, 3):
        monkeypatch.setattr(loopback, "OPENSEARCH_NODES", nodes)
        loopback.opensearch({}, "start")
    single, cluster = commands
    assert "--nodes" not in single
    assert cluster[-4:] == ["--port", str(loopback.OPENSEARCH_PORT), "--nodes", "3"]


def test_the_alerts_timer_starts_the_digest_command_hourly():
    loopback = load("loopback")
    assert loopback.unit_command("cities-exchange-alerts.service")[-4:] == [
        "manage.py",
        "send_search_alerts",
        "--verbosity",
        "0",
    ]
    timer = (DEPLOY / "systemd" / "cities-exchange-alerts.timer").read_text()
    assert "OnCalendar=hourly" in timer and "Persistent=true" in timer


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (make prod-packages)")
def test_nginx_sends_documents_and_unreviewed_uploads_only_when_the_app_redirects_to_them(tmp_path):
    media = tmp_path / "media"
    for name in ("original_images/public.jpg", "private/original_images/unreviewed-a.jpg", "documents/report.pdf"):
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(f"bytes of {name}".encode())

    class App(BaseHTTPRequestHandler):
        """The app's side: an allowed request answered as production's SENDFILE_* do."""

        def do_GET(self):
            allowed = {
                "/private-media/original_images/unreviewed-a.jpg": "/media/private/original_images/unreviewed-a.jpg",
                "/documents/1/report.pdf": "/media/documents/report.pdf",
            }
            self.send_response(200 if self.path in allowed else 404)
            if self.path in allowed:
                self.send_header("X-Accel-Redirect", allowed[self.path])
                # Wagtail's sendfile announces the file's length and sends no body.
                self.send_header(
                    "Content-Length", str((media / allowed[self.path].removeprefix("/media/")).stat().st_size)
                )
                self.send_header("Content-Disposition", 'inline; filename="report.pdf"')
            else:
                self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    app = ThreadingHTTPServer(("127.0.0.1", 0), App)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "no-tls.conf").write_text("")
    site = load("render").render(
        DEPLOY / "nginx" / "cities-exchange.conf.in",
        {**SERVER, "APP_BIND": f"127.0.0.1:{app.server_port}", "LISTEN": f"127.0.0.1:{port}",
         "TLS_SETTINGS": str(tmp_path / "no-tls.conf"), "MEDIA_ROOT": str(media), "STATIC_ROOT": str(tmp_path),
         "LOG_DIR": str(tmp_path)},
    )  # fmt: skip
    (tmp_path / "site.conf").write_text(site)
    # `user root`: the test's files are readable by the test's user only.
    (tmp_path / "nginx.conf").write_text(
        f"user root; daemon off; worker_processes 1; pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}} http {{ include /etc/nginx/mime.types; client_body_temp_path {tmp_path}/body; "
        f"proxy_temp_path {tmp_path}/proxy; fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi; "
        f"scgi_temp_path {tmp_path}/scgi; include {tmp_path}/site.conf; }}\n"
    )
    nginx = subprocess.Popen(["nginx", "-c", str(tmp_path / "nginx.conf")], stderr=subprocess.PIPE)  # noqa: S603, S607
    try:
        for _ in range(50):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.1)

        def get(path):
            try:
                with urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                    return response.status, response.read()
            except HTTPError as error:
                return error.code, b""

        assert get("/media/original_images/public.jpg") == (200, b"bytes of original_images/public.jpg")
        # Around the app: nothing.
        assert get("/media/private/original_images/unreviewed-a.jpg")[0] == 404
        assert get("/media/documents/report.pdf")[0] == 404
        # Through it: the file, sent by nginx.
        assert get("/private-media/original_images/unreviewed-a.jpg") == (
            200,
            b"bytes of private/original_images/unreviewed-a.jpg",
        )
        assert get("/documents/1/report.pdf") == (200, b"bytes of documents/report.pdf")
        with urlopen(f"http://127.0.0.1:{port}/documents/1/report.pdf", timeout=5) as response:
            assert response.headers["Content-Disposition"] == 'inline; filename="report.pdf"'
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert get("/private-media/original_images/other.jpg")[0] == 404
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        app.shutdown()
