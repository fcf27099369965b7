"""The production layout on this machine's loopback: `make prod-up` / `make prod-down`.

    python deploy/loopback.py up|down|app

nginx (static and media files, proxy) -> gunicorn (on a Unix socket only nginx may
open) -> PostgreSQL, Redis (the shared cache), the outbox worker and an OpenSearch cluster, each with a throwaway
configuration, data and pid file under var/prod/; nothing is installed system-wide
beyond the Debian packages themselves. gunicorn and the worker run the ExecStart lines
of deploy/systemd/, and nginx the site of deploy/nginx/, so what is tried here is what
an operator installs (docs/deploy.md). PostgreSQL and Redis run as their Debian users
(PostgreSQL refuses root). Running `up` again reuses what is running and what was
made (secrets, database, content); `down` stops what `up` started.

Ports and sizes come from the environment (the Makefile passes them):
PROD_HTTP_PORT (nginx), PROD_POSTGRES_PORT, PROD_REDIS_PORT,
PROD_OPENSEARCH_PORT (first node), PROD_OPENSEARCH_NODES, PROD_DEMO_CASES.
"""

import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import render

BASE_DIR = Path(__file__).resolve().parent.parent
DEPLOY_DIR = BASE_DIR / "deploy"
PROD_DIR = BASE_DIR / "var" / "prod"
RUN_DIR = PROD_DIR / "run"
LOG_DIR = PROD_DIR / "log"
MAIL_DIR = PROD_DIR / "mail"
# The systemd units name the installation folder; here it is this checkout.
UNIT_APP_DIR = "/srv/cities-exchange"
# nginx's workers run as Debian's web user, the one user besides root that may open
# gunicorn's socket, as under systemd (deploy/systemd/cities-exchange-gunicorn.socket).
NGINX_USER = "www-data"


def setting(name, default):
    return os.environ.get(name) or default


HTTP_PORT = int(setting("PROD_HTTP_PORT", "8100"))
POSTGRES_PORT = int(setting("PROD_POSTGRES_PORT", "5441"))
REDIS_PORT = int(setting("PROD_REDIS_PORT", "6390"))
OPENSEARCH_PORT = int(setting("PROD_OPENSEARCH_PORT", "9201"))
OPENSEARCH_NODES = int(setting("PROD_OPENSEARCH_NODES", "3"))
DEMO_CASES = setting("PROD_DEMO_CASES", "150")
PUBLIC_BASE_URL = f"http://127.0.0.1:{HTTP_PORT}"


class LayoutError(Exception):
    pass


def say(message):
    print(f"[prod] {message}", flush=True)


def run(command, *, env=None, user=None, capture=False):
    """Run a command and stop the whole start with its output when it fails."""
    if user:
        command = ["runuser", "-u", user, "--", *command]
    result = subprocess.run(  # noqa: S603
        command, env=env, cwd=BASE_DIR, text=True, capture_output=capture, check=False
    )
    if result.returncode:
        output = (result.stderr or result.stdout or "").strip() if capture else ""
        raise LayoutError(f"`{shlex.join(command)}` failed (exit {result.returncode}). {output}".strip())
    return result.stdout if capture else None


def require(program, package):
    path = shutil.which(program) or next(
        (str(found) for found in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{program}"))[-1:]), None
    )
    if not path:
        raise LayoutError(f"`{program}` is missing: apt-get install {package}")
    return path


def secret_file(name, make):
    """A secret made once and kept, so a second `up` finds the same database and sessions."""
    path = PROD_DIR / name
    if not path.exists():
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


def pid_alive(pid_file):
    try:
        pid = int(Path(pid_file).read_text().split()[0])
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, IndexError, ProcessLookupError):
        return None
    return pid


def opensearch_ports():
    return range(OPENSEARCH_PORT, OPENSEARCH_PORT + OPENSEARCH_NODES)


def environment():
    """The variables every process of the layout gets, also written to var/prod/env
    for a shell: `set -a; . var/prod/env; set +a`."""
    password = secret_file("postgres-password", lambda: secrets.token_urlsafe(24))
    values = {
        "DJANGO_SETTINGS_MODULE": "usesite.settings.production",
        "SECRET_KEY": secret_file("secret-key", lambda: secrets.token_urlsafe(50)),
        "DATABASE_URL": f"postgres://cities:{password}@127.0.0.1:{POSTGRES_PORT}/cities",
        "CACHE_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "OPENSEARCH_URL": ",".join(f"http://127.0.0.1:{port}" for port in opensearch_ports()),
        # Creating the index (analyzers for three languages) can take longer than the
        # default 5 s on a busy 2-core machine; searches keep their own 1 s limit.
        "OPENSEARCH_TIMEOUT": "30",
        # One copy of each shard on another node: losing a node loses no document.
        "OPENSEARCH_REPLICAS": "1" if OPENSEARCH_NODES > 1 else "0",
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # X-Forwarded-For is read only from nginx, the peer on gunicorn's socket.
        "TRUSTED_PROXIES": "unix",
        # Loopback has no certificate: no HTTPS redirect, HSTS or secure-only cookies.
        "HTTPS": "false",
        "VAR_DIR": str(PROD_DIR / "var"),
        "STATIC_ROOT": str(PROD_DIR / "static"),
        "MEDIA_ROOT": str(PROD_DIR / "media"),
        "GUNICORN_BIND": f"unix:{app_socket()}",
        # Every e-mail the layout sends is a file to read (docs/deploy.md), none leaves.
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(MAIL_DIR),
        "DEFAULT_FROM_EMAIL": "Cities Exchange <noreply@cities.example.org>",
    }
    (PROD_DIR / "env").write_text("".join(f"{key}={shlex.quote(value)}\n" for key, value in values.items()))
    return {**os.environ, **values}


def pg_is_running(pg_ctl, data):
    status = subprocess.run(["runuser", "-u", "postgres", "--", pg_ctl, "status", "-D", str(data)], capture_output=True)  # noqa: S603, S607
    return status.returncode == 0


def start_postgres():
    data = PROD_DIR / "postgres"
    pg_ctl = require("pg_ctl", "postgresql")
    password = (PROD_DIR / "postgres-password").read_text().strip()
    if not (data / "PG_VERSION").exists():
        say(f"PostgreSQL: new cluster in {data}")
        data.mkdir(mode=0o700, exist_ok=True)
        shutil.chown(data, "postgres", "postgres")
        pwfile = PROD_DIR / "postgres-password"
        shutil.chown(pwfile, "postgres", "postgres")
        run(
            [require("initdb", "postgresql"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
             f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"],
            user="postgres", capture=True,
        )  # fmt: skip
    if pg_is_running(pg_ctl, data):
        say(f"PostgreSQL: already running on 127.0.0.1:{POSTGRES_PORT}")
    else:
        options = f"-c listen_addresses=127.0.0.1 -p {POSTGRES_PORT} -c unix_socket_directories=''"
        run(
            [pg_ctl, "start", "-w", "-D", str(data), "-l", str(data / "server.log"), "-o", options],
            user="postgres", capture=True,
        )  # fmt: skip
        say(f"PostgreSQL: started on 127.0.0.1:{POSTGRES_PORT}")
    psql = require("psql", "postgresql-client")
    env = {**os.environ, "PGPASSWORD": password}
    connect = [psql, "-h", "127.0.0.1", "-p", str(POSTGRES_PORT), "-U", "postgres", "-tAq", "-c"]
    if not run([*connect, "SELECT 1 FROM pg_roles WHERE rolname = 'cities'"], env=env, capture=True).strip():
        run([*connect, f"CREATE ROLE cities LOGIN PASSWORD '{password}'"], env=env, capture=True)
        run([*connect, "CREATE DATABASE cities OWNER cities"], env=env, capture=True)
        say("PostgreSQL: database `cities` created")


def stop_postgres():
    data = PROD_DIR / "postgres"
    if not (data / "postmaster.pid").exists():
        return say("PostgreSQL: not running")
    run([require("pg_ctl", "postgresql"), "stop", "-w", "-m", "fast", "-D", str(data)], user="postgres", capture=True)
    say("PostgreSQL: stopped")


def start_redis():
    folder = PROD_DIR / "redis"
    pid_file = folder / "redis.pid"
    if pid_alive(pid_file):
        return say(f"Redis: already running on 127.0.0.1:{REDIS_PORT}")
    folder.mkdir(exist_ok=True)
    shutil.chown(folder, "redis", "redis")
    # A cache only: nothing saved to disk, the least recently used keys go first when full.
    config = f"""bind 127.0.0.1
port {REDIS_PORT}
protected-mode yes
daemonize yes
pidfile {pid_file}
logfile {folder / "redis.log"}
dir {folder}
save ""
appendonly no
maxmemory 256mb
maxmemory-policy allkeys-lru
"""
    (folder / "redis.conf").write_text(config)
    run([require("redis-server", "redis-server"), str(folder / "redis.conf")], user="redis", capture=True)
    for _ in range(50):
        if pid_alive(pid_file):
            return say(f"Redis: started on 127.0.0.1:{REDIS_PORT}")
        time.sleep(0.1)
    raise LayoutError(f"Redis did not start; see {folder / 'redis.log'}")


def stop_pid(name, pid_file, sig=signal.SIGTERM, timeout=30):
    pid = pid_alive(pid_file)
    if pid is None:
        return say(f"{name}: not running")
    os.kill(pid, sig)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process_exists(pid):
        time.sleep(0.2)
    Path(pid_file).unlink(missing_ok=True)
    say(f"{name}: stopped")


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def opensearch(env, action):
    """One node needs no --nodes (the runner's single-node form); a cluster passes it.
    The nodes keep their data beside the development ones (var/opensearch/), where the
    OpenSearch jars already are, rather than fetch them again into var/prod/."""
    command = [sys.executable, "manage.py", "opensearch", action, "--port", str(OPENSEARCH_PORT)]
    if OPENSEARCH_NODES > 1:
        command += ["--nodes", str(OPENSEARCH_NODES)]
    run(command, env={**env, "VAR_DIR": str(BASE_DIR / "var")})


def manage(env, *args):
    say(f"manage.py {' '.join(args)}")
    run([sys.executable, "manage.py", *args], env=env)


def unit_command(unit):
    """The ExecStart of a deploy/systemd unit, pointed at this checkout."""
    for line in (DEPLOY_DIR / "systemd" / unit).read_text().splitlines():
        if line.startswith("ExecStart="):
            return shlex.split(line.removeprefix("ExecStart=").replace(UNIT_APP_DIR, str(BASE_DIR)))
    raise LayoutError(f"deploy/systemd/{unit} has no ExecStart line")


def app_socket():
    return RUN_DIR / "app" / "gunicorn.sock"


def make_socket_folder():
    """gunicorn's socket lies in a folder that only root and nginx's group may enter, so
    no other local user reaches the app server around nginx (a socket's own mode would
    depend on gunicorn's umask, which its uploads share)."""
    folder = app_socket().parent
    folder.mkdir(parents=True, exist_ok=True)
    shutil.chown(folder, group=NGINX_USER)
    folder.chmod(0o750)


def start_gunicorn(env):
    pid_file = RUN_DIR / "gunicorn.pid"
    if pid := pid_alive(pid_file):
        # HUP: new workers with the current code and settings, without a gap.
        os.kill(pid, signal.SIGHUP)
        return say(f"gunicorn: already running (pid {pid}), workers reloaded")
    make_socket_folder()
    command = [*unit_command("cities-exchange-gunicorn.service"), "--daemon", "--pid", str(pid_file)]
    command += ["--error-logfile", str(LOG_DIR / "gunicorn.log")]
    run(command, env=env)
    say(f"gunicorn: started on {app_socket()} (log {LOG_DIR / 'gunicorn.log'})")


def start_worker(env):
    pid_file = RUN_DIR / "worker.pid"
    if pid := pid_alive(pid_file):
        return say(f"outbox worker: already running (pid {pid})")
    with open(LOG_DIR / "worker.log", "ab") as log:
        process = subprocess.Popen(  # noqa: S603
            unit_command("cities-exchange-worker.service"),
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
    pid_file.write_text(str(process.pid))
    say(f"outbox worker: started (pid {process.pid}, log {LOG_DIR / 'worker.log'})")


def nginx_config():
    """Debian's nginx with a main configuration of its own; the site is deploy/nginx's."""
    folder = PROD_DIR / "nginx"
    folder.mkdir(exist_ok=True)
    (folder / "no-tls.conf").write_text("# Loopback: plain HTTP.\n")
    site = render(
        DEPLOY_DIR / "nginx" / "cities-exchange.conf.in",
        {
            "APP_BIND": f"unix:{app_socket()}",
            "LISTEN": f"127.0.0.1:{HTTP_PORT}",
            "SERVER_NAME": "127.0.0.1 localhost",
            "TLS_SETTINGS": str(folder / "no-tls.conf"),
            "STATIC_ROOT": str(PROD_DIR / "static"),
            "MEDIA_ROOT": str(PROD_DIR / "media"),
            "LOG_DIR": str(LOG_DIR),
        },
    )
    (folder / "cities-exchange.conf").write_text(site)
    main = f"""# Written by deploy/loopback.py.
user {NGINX_USER};
worker_processes auto;
pid {RUN_DIR / "nginx.pid"};
error_log {LOG_DIR / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    client_body_temp_path {folder / "body"};
    proxy_temp_path {folder / "proxy"};
    fastcgi_temp_path {folder / "fastcgi"};
    uwsgi_temp_path {folder / "uwsgi"};
    scgi_temp_path {folder / "scgi"};
    include {folder / "cities-exchange.conf"};
}}
"""
    (folder / "nginx.conf").write_text(main)
    return folder / "nginx.conf"


def start_nginx():
    nginx = require("nginx", "nginx")
    config = nginx_config()
    run([nginx, "-t", "-q", "-c", str(config)], capture=True)
    if pid := pid_alive(RUN_DIR / "nginx.pid"):
        run([nginx, "-c", str(config), "-s", "reload"], capture=True)
        return say(f"nginx: already running (pid {pid}), configuration reloaded")
    run([nginx, "-c", str(config)], capture=True)
    say(f"nginx: started on {PUBLIC_BASE_URL}")


def wait_until_ready(timeout=60):
    """Through nginx to /readyz: every service answers, or the reason it does not."""
    deadline = time.monotonic() + timeout
    answer = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{PUBLIC_BASE_URL}/readyz", timeout=5) as response:  # noqa: S310
                return response.read().decode()
        except urllib.error.HTTPError as error:
            answer = error.read().decode(errors="replace")
        except OSError as error:
            answer = str(error)
        time.sleep(1)
    raise LayoutError(f"{PUBLIC_BASE_URL}/readyz does not answer ready: {answer}")


def up():
    for folder in (PROD_DIR, RUN_DIR, LOG_DIR, MAIL_DIR, PROD_DIR / "media", PROD_DIR / "static"):
        folder.mkdir(parents=True, exist_ok=True)
    env = environment()
    start_postgres()
    start_redis()
    say(f"OpenSearch: {OPENSEARCH_NODES} node(s) from port {OPENSEARCH_PORT}")
    opensearch(env, "start")
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    manage(env, "setup_site")
    # The demo app is development-only: added for this command alone, never to the servers.
    demo_env = {**env, "DJANGO_SETTINGS_MODULE": "usesite.settings.production_demo"}
    manage(demo_env, "load_demo", "--cases", DEMO_CASES, "-v", "0")
    manage(env, "search_index", "rebuild")
    start_gunicorn(env)
    start_worker(env)
    start_nginx()
    say(f"ready: {wait_until_ready()}")
    say(f"The site is served on {PUBLIC_BASE_URL}/ (settings in var/prod/env; `make prod-down` stops it).")
    say(f"E-mails are written to {MAIL_DIR}/, one file each; none is sent.")


def down():
    env = environment()
    nginx = shutil.which("nginx")
    if nginx and pid_alive(RUN_DIR / "nginx.pid"):
        run([nginx, "-c", str(PROD_DIR / "nginx" / "nginx.conf"), "-s", "quit"], capture=True)
        say("nginx: stopped")
    else:
        say("nginx: not running")
    stop_pid("gunicorn", RUN_DIR / "gunicorn.pid")
    # The worker stops between two batches on Ctrl-C, as under systemd (KillSignal=SIGINT).
    stop_pid("outbox worker", RUN_DIR / "worker.pid", sig=signal.SIGINT)
    stop_pid("Redis", PROD_DIR / "redis" / "redis.pid")
    stop_postgres()
    opensearch(env, "stop")


def restart_app():
    """gunicorn stopped and started again with this environment (a HUP keeps the
    master's): `PAGE_CACHE_TIMEOUT=0 python deploy/loopback.py app` serves every page
    afresh (make load-search-nocache), `python deploy/loopback.py app` as configured."""
    env = environment()
    stop_pid("gunicorn", RUN_DIR / "gunicorn.pid")
    start_gunicorn(env)
    say(f"ready: {wait_until_ready()}")


def main():
    actions = {"up": up, "down": down, "app": restart_app}
    action = sys.argv[1] if len(sys.argv) == 2 else None
    if action not in actions:
        raise SystemExit("usage: python deploy/loopback.py up|down|app")
    try:
        actions[action]()
    except LayoutError as error:
        raise SystemExit(f"[prod] {error}") from error


if __name__ == "__main__":
    main()
