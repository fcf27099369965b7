"""Gunicorn's settings, shared by the systemd unit (deploy/systemd/) and `make prod-up`.

Threaded workers (gthread): a request spends much of its time waiting on PostgreSQL,
OpenSearch and the cache, and a thread waiting frees the process for the next one,
while one process per core (plus one, so a core never idles while a process collects
its garbage) keeps Python's global interpreter lock from serialising the rendering.
On the 2-core reference machine that is 3 processes x 4 threads = 12 requests at once,
and 12 database connections at most (PostgreSQL's default allows 100).
https://docs.gunicorn.org/en/stable/design.html#how-many-workers
"""

import multiprocessing
import os

# A Unix socket, not a port: only nginx may open it (deploy/systemd's .socket unit, or
# the folder `make prod-up` puts it in), so no other client, local or not, reaches the
# app server around nginx and writes its own X-Forwarded-For (TRUSTED_PROXIES=unix).
# Under systemd the socket unit's socket is handed over and this line is not used.
bind = os.environ.get("GUNICORN_BIND", "unix:/run/cities-exchange/gunicorn.sock")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# nginx buffers slow clients, so a request that takes this long is stuck, not slow.
timeout = 30
graceful_timeout = 30
# Connections from nginx are kept open between requests (its upstream keepalive).
keepalive = 75
# A worker is replaced after this many requests (with jitter, so not all at once):
# memory a long-lived process accumulates is given back. Not sooner: a new worker
# imports Django and fills its caches again (about 2 s of a core), and at 2,000 the
# load test (about 250 requests/s over 3 workers) replaced one every 25 s, which
# showed as 3-second answers in its tail.
max_requests = 50000
max_requests_jitter = 5000
# Logs go to stderr (the journal under systemd); the access log is nginx's.
errorlog = "-"
accesslog = None
# Only nginx may tell gunicorn the scheme (X-Forwarded-Proto): gunicorn believes any
# peer on its Unix socket, and on a port bound for a trial only loopback.
forwarded_allow_ips = "127.0.0.1,::1"
