"""Four app-server processes, one shared cache: from one client address, sign-up,
password reset and failed sign-in stop exactly at their configured numbers, however
the requests are spread over the processes, and a second address behind the same
proxy is not affected.

Gunicorn (as in production) serves the test database on a free loopback port with
TRUSTED_PROXIES=127.0.0.1; the test plays the proxy, naming each client in
X-Forwarded-For, and sends every burst from eight threads at once. On SQLite the
in-memory test database is first copied to a file the processes can share.

The processes count in the database's cache (the default) and, in a second run, in
Redis (what production uses), on a redis-server of the test's own.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import redis
from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import connection

from tests.factories import UserFactory

pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db(transaction=True)]

WORKERS = 4
PASSWORD = "a-long-test-password"
CLIENT_A, CLIENT_B = "203.0.113.7", "198.51.100.20"


def limit(action, per):
    """The configured amount of an allauth rate limit, e.g. limit("signup", "ip") == 20."""
    for rate in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _duration, scope = rate.split("/")
        if scope == per:
            return int(amount)
    raise LookupError(f"{action} has no per-{per} limit")


def database_url(directory):
    """A URL of the test database that other processes can open."""
    if connection.vendor == "sqlite":
        copy = directory / "db.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    return f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{db['HOST']}:{db['PORT']}/{quote(db['NAME'])}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def redis_server():
    """A redis-server of its own on a Unix socket (no port to share with anyone), keeping
    nothing on disk; yields its URL and stops it after. Debian's redis-server is
    installed by `make test` (the Makefile's `redis` target): missing, it fails the test."""
    program = shutil.which("redis-server")
    if program is None:
        pytest.fail("redis-server was not found on PATH: `make redis` installs it")
    # A short folder of its own: a socket's path may not pass 107 bytes.
    with tempfile.TemporaryDirectory(prefix="redis-") as directory:
        path = Path(directory) / "redis.sock"
        process = subprocess.Popen(  # noqa: S603 - our own arguments
            [program, "--port", "0", "--unixsocket", str(path), "--dir", directory, "--save", "", "--appendonly", "no"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            client = redis.Redis(unix_socket_path=str(path))
            deadline = time.monotonic() + 30
            while not (path.exists() and ping(client)):
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"redis-server did not start: {process.communicate()[0]}")
                time.sleep(0.1)
            yield f"unix://{path}"
        finally:
            process.terminate()
            process.communicate(timeout=10)


def ping(client):
    try:
        return client.ping()
    except redis.ConnectionError:
        return False


class Server:
    """Gunicorn with `WORKERS` processes; each access-log line starts with the pid of
    the process that answered. `cache_url`: Redis as the shared cache, else the database."""

    def __init__(self, directory, cache_url=None):
        self.port = free_port()
        self.log = directory / "access.log"
        env = {
            **{name: value for name, value in os.environ.items() if name not in ("CACHE_URL", "REDIS_URL")},
            "DJANGO_SETTINGS_MODULE": "usesite.settings.test",
            "DATABASE_URL": database_url(directory),
            "TRUSTED_PROXIES": "127.0.0.1",
        }
        if cache_url:
            env["CACHE_URL"] = cache_url
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "gunicorn", "usesite.wsgi:application", "--preload",
             "--workers", str(WORKERS), "--bind", f"127.0.0.1:{self.port}", "--timeout", "30",
             "--access-logfile", str(self.log), "--access-logformat", "%(p)s %(s)s %(m)s %(U)s"],
            cwd=settings.BASE_DIR, env=env, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.wait_until_ready()
        page = self.request("GET", "/en/accounts/login/", client=CLIENT_A)
        self.csrf_cookie = re.search(r"csrftoken=(\w+)", page.getheader("Set-Cookie")).group(1)
        self.csrf_token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', page.text).group(1)

    def wait_until_ready(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn stopped: {self.process.stderr.read()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not listen on port {self.port} within {seconds} s")

    def request(self, method, path, client, data=None):
        """As our proxy would send it: the client's address appended to X-Forwarded-For
        after whatever the client claimed itself."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"X-Forwarded-For": f"10.9.8.7, {client}"}
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.csrf_token})
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={self.csrf_cookie}"}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.text = response.read().decode()
        conn.close()
        return response

    def post_all(self, path, client, forms):
        """Posts every form at once from eight threads; the answers in order."""
        with ThreadPoolExecutor(max_workers=8) as pool:
            return list(pool.map(lambda form: self.request("POST", path, client, form), forms))

    def answering_processes(self):
        return {line.split()[0] for line in self.log.read_text().splitlines() if " POST " in line}

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(params=["database", "redis"])
def cache_url(request):
    """Where the processes count: None for the database's cache, else Redis's URL."""
    if request.param == "database":
        yield None
        return
    with redis_server() as url:
        yield url


@pytest.fixture
def server(site_skeleton, tmp_path, cache_url):
    member = UserFactory(email="amara@example.org")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    server = Server(tmp_path, cache_url)
    yield server
    server.stop()


def signup_form(email):
    return {
        "name": "A. Member",
        "email": email,
        "password1": "a-fresh-long-password",
        "password2": "a-fresh-long-password",
    }


def test_limits_hold_exactly_across_four_processes_and_spare_a_second_address(server, cache_url):
    signups = limit("signup", "ip")
    forms = [signup_form(f"a{n}@example.org") for n in range(signups + 5)]
    answers = server.post_all("/en/accounts/signup/", CLIENT_A, forms)
    assert [response.status for response in answers].count(302) == signups
    assert {response.status for response in answers} == {302, 429}
    assert server.request("POST", "/en/accounts/signup/", CLIENT_B, signup_form("b@example.org")).status == 302

    resets = limit("reset_password", "ip")
    forms = [{"email": f"r{n}@example.org"} for n in range(resets + 5)]
    answers = server.post_all("/en/accounts/password/reset/", CLIENT_A, forms)
    assert [response.status for response in answers].count(302) == resets
    assert server.request("POST", "/en/accounts/password/reset/", CLIENT_B, {"email": "r@example.org"}).status == 302

    # The per-address limit of resets for one e-mail address, from a different client each time.
    per_address = limit("reset_password", "key")
    answers = [
        server.request("POST", "/en/accounts/password/reset/", f"192.0.2.{n}", {"email": "amara@example.org"})
        for n in range(per_address + 3)
    ]
    assert [response.status for response in answers] == [302] * per_address + [429] * 3

    # Wrong passwords for one member from address A: the guesser is stopped ...
    guesses = limit("login_failed", "key")
    wrong = {"login": "amara@example.org", "password": "guess"}
    answers = server.post_all("/en/accounts/login/", CLIENT_A, [wrong] * (guesses + 3))
    assert sum("not correct" in response.text for response in answers) == guesses
    assert sum("Too many failed login attempts" in response.text for response in answers) == 3
    # ... the owner signs in from address B at once.
    right = {"login": "amara@example.org", "password": PASSWORD}
    owner = server.request("POST", "/en/accounts/login/", CLIENT_B, right)
    assert owner.status == 302 and owner.getheader("Location") == "/en/members/"

    # One address guessing many accounts is stopped at the per-address limit.
    per_client = limit("login_failed", "ip")
    forms = [{"login": f"m{n}@example.org", "password": "guess"} for n in range(per_client + 3)]
    answers = server.post_all("/en/accounts/login/", "192.0.2.200", forms)
    assert sum("not correct" in response.text for response in answers) == per_client

    assert len(server.answering_processes()) > 1
    if cache_url:  # the counters were kept in Redis, as in production
        assert redis.Redis.from_url(cache_url).dbsize() > 0
