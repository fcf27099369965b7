"""The files an operator installs (deploy/) and the loopback layout built from them
(`make prod-up`) say the same thing, and agree with the settings they front."""

import contextlib
import grp
import importlib.util
import re
import runpy
import shlex
import socket
import subprocess
import sys
import threading
import time
from email import message_from_string
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from csp.utils import build_policy
from django.conf import settings
from django_permissions_policy import PermissionsPolicyMiddleware

from tests.test_production_settings import manage

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


SOCKET = "/run/cities-exchange/gunicorn.sock"
SERVER = {
    "APP_BIND": f"unix:{SOCKET}",
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
    assert f"server unix:{SOCKET};" in site


def location_headers(site, location):
    """{header: value} of the add_header lines in one location block of a rendered site."""
    block = re.search(rf"location {re.escape(location)} \{{(.*?)\n    \}}", site, re.DOTALL).group(1)
    lines = re.findall(r'add_header ([\w-]+) ("[^"]*"|\S+?)(?: always)?;', block)
    return {name: value.strip('"') for name, value in lines}


def directives(policy):
    return {tuple(part.split()) for part in policy.split(";") if part.strip()}


def test_static_files_served_by_nginx_carry_the_apps_policies():
    site = load("render").render(DEPLOY / "nginx" / "cities-exchange.conf.in", SERVER)
    headers = location_headers(site, "/static/")
    assert directives(headers["Content-Security-Policy"]) == directives(build_policy())
    assert headers["Permissions-Policy"] == PermissionsPolicyMiddleware.compute_header_value(
        settings.PERMISSIONS_POLICY, "PERMISSIONS_POLICY"
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    # Uploaded files keep their own, stricter policy.
    assert "sandbox" in location_headers(site, "/media/")["Content-Security-Policy"]


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


def unit_values(name):
    text = (DEPLOY / "systemd" / name).read_text()
    return dict(line.split("=", 1) for line in text.splitlines() if re.match(r"^[A-Z]\w*=", line))


def test_on_a_server_gunicorn_listens_only_on_a_socket_that_nginx_alone_may_open(monkeypatch):
    socket_unit = unit_values("cities-exchange-gunicorn.socket")
    assert socket_unit["ListenStream"] == SOCKET
    assert (socket_unit["SocketUser"], socket_unit["SocketMode"]) == ("www-data", "0600")
    assert unit_values("cities-exchange-gunicorn.service")["Requires"] == "cities-exchange-gunicorn.socket"
    # Started by hand instead of by systemd, gunicorn binds the same socket, never a port.
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["bind"] == f"unix:{SOCKET}"


def test_the_loopback_layout_puts_gunicorn_on_a_socket_only_nginx_may_reach(monkeypatch, tmp_path):
    loopback = load("loopback")
    for name, folder in (("PROD_DIR", tmp_path), ("RUN_DIR", tmp_path / "run"), ("LOG_DIR", tmp_path / "log")):
        monkeypatch.setattr(loopback, name, folder)
    socket = tmp_path / "run" / "app" / "gunicorn.sock"
    env = loopback.environment()
    assert env["GUNICORN_BIND"] == f"unix:{socket}"
    # X-Forwarded-For is believed from the socket's peer (nginx) alone.
    assert env["TRUSTED_PROXIES"] == "unix" and "TRUSTED_PROXY_COUNT" not in env
    site = (loopback.nginx_config().parent / "cities-exchange.conf").read_text()
    assert f"server unix:{socket};" in site
    assert "user www-data;" in loopback.nginx_config().read_text()

    loopback.make_socket_folder()
    folder = socket.parent.stat()
    assert oct(folder.st_mode & 0o777) == "0o750" and grp.getgrgid(folder.st_gid).gr_name == "www-data"


def test_an_email_sent_on_the_loopback_layout_is_a_file_to_read(monkeypatch, tmp_path):
    loopback = load("loopback")
    monkeypatch.setattr(loopback, "PROD_DIR", tmp_path)
    monkeypatch.setattr(loopback, "MAIL_DIR", tmp_path / "mail")
    loopback.environment()
    # As an operator's shell reads it: `set -a; . var/prod/env; set +a`.
    values = dict(shlex.split(line)[0].split("=", 1) for line in (tmp_path / "env").read_text().splitlines())
    send = "from django.core.mail import send_mail; send_mail('Welcome', 'Hello', None, ['amara@example.org'])"
    result = manage("shell", "-v", "0", "-c", send, **values)
    assert result.returncode == 0, result.stderr
    (written,) = (tmp_path / "mail").iterdir()
    message = message_from_string(written.read_text())
    assert message["To"] == "amara@example.org"
    assert message["From"] == "Cities Exchange <noreply@cities.example.org>"


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
