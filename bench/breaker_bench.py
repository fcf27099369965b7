"""Search under stress, against a running server: prints
1. API search p50/p95 with the node healthy;
2. after 100 hostile queries (tests/hostile.py: 80 words of synonym terms and
   place names), how many searches the database fallback answered (target: 0);
3. the slowest API search while 8 exports run in parallel (target: under 1 s);
4. with the node hung (SIGSTOP, always resumed with SIGCONT), how many searches
   waited for a timeout before the breaker opened and how long, then search p95
   (target: 300 ms or less) until the breaker's cool-down has ended and a probe has
   tried the node again.

Every search is one never asked before, as the page cache would otherwise answer it.

    BENCH_URL=http://127.0.0.1:8000 BENCH_OPENSEARCH_PID=$(cat var/opensearch/node-9200/node.pid) \
        python bench/breaker_bench.py

Run the server with EXPORTS_PER_MINUTE high enough for the exports, on the database
the bench reads its hostile queries' terms from (DJANGO_SETTINGS_MODULE, the
development settings unless set). Loopback only; every loop is bounded in count.
"""

import itertools
import json
import os
import signal
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402

from tests.hostile import hostile_queries  # noqa: E402 (after Django's setup)

BASE_URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8000")
NODE_PID = int(os.environ["BENCH_OPENSEARCH_PID"])
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "100"))
HOSTILE = 100
EXPORTS = 8
# The server's SEARCH_BREAKER_COOL_DOWN (site/settings/base.py).
COOL_DOWN = float(os.environ.get("BENCH_COOL_DOWN", "30"))
SUBJECTS = ["housing", "water", "transport", "mobility", "health", "waste", "energy", "climate", "gender", "food"]
# Search after search, each a question never asked before, in this run or an earlier
# one (subject, SDG, page and page size).
RUN = int(time.time())
UNIQUE = (
    f"/api/v1/search/?q={subject}&sdg={sdg}&page={page}&page_size={RUN % 49 + 1}"
    for page in itertools.count(RUN // 49 % 400 + 1)
    for subject in SUBJECTS
    for sdg in range(1, 18)
)


def get(path):
    started = time.perf_counter()
    with urlopen(f"{BASE_URL}{path}", timeout=60) as response:  # noqa: S310 (a loopback URL)
        body = response.read()
    return time.perf_counter() - started, body


def search_times(count):
    times, engines = [], []
    for _ in range(count):
        seconds, body = get(next(UNIQUE))
        times.append(seconds * 1000)
        engines.append(json.loads(body)["engine"])
    return times, engines


def after_hostile_queries():
    """How many hostile queries the server cut short, then the engines of SEARCHES searches."""
    cut = 0
    for text in hostile_queries(HOSTILE):
        _seconds, body = get("/api/v1/search/?" + urlencode({"q": text}))
        cut += bool(json.loads(body)["left_out"])
    return cut, search_times(SEARCHES)[1]


def p95(times):
    return statistics.quantiles(times, n=20)[-1]


def during_exports():
    """The slowest search while EXPORTS clients download the whole CSV export over and over."""
    stop = threading.Event()
    exported = []

    def export():
        for _ in range(50):  # bounded even if the searches never end
            if stop.is_set():
                return
            _seconds, body = get(f"/{settings.LANGUAGE_CODE}/search/export.csv")
            exported.append(body.count(b"\n") - 1)

    threads = [threading.Thread(target=export) for _ in range(EXPORTS)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    times, _engines = search_times(SEARCHES // 2)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    return times, exported


def hung_node():
    """Searches from the moment the node hangs until SEARCHES have been answered and
    the breaker's cool-down has passed (a probe then tries the node): the times of
    those that waited for the node's timeout, and of all. The node resumes whatever
    happens."""
    os.kill(NODE_PID, signal.SIGSTOP)
    try:
        times, engines = [], []
        started = time.monotonic()
        for _ in range(SEARCHES * 10):  # bounded whatever the breaker does
            seconds, body = get(next(UNIQUE))
            times.append(seconds * 1000)
            engines.append(json.loads(body)["engine"])
            if len(times) >= SEARCHES and time.monotonic() - started > COOL_DOWN + 5:
                break
        return times, engines
    finally:
        os.kill(NODE_PID, signal.SIGCONT)


def main():
    if urlsplit(BASE_URL).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("BENCH_URL must be a loopback address")
    times, engines = search_times(SEARCHES)
    print(f"healthy node: API search p50 {statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms ({engines[0]})")
    cut, engines = after_hostile_queries()
    print(
        f"after {HOSTILE} hostile queries ({cut} cut short): {engines.count('database')} of {len(engines)} "
        "searches answered by the database fallback (target 0)"
    )
    times, exported = during_exports()
    rows = max(exported, default=0)
    print(
        f"{EXPORTS} parallel exports ({len(exported)} done, {rows:,} rows each): API search "
        f"p95 {p95(times):.0f} ms, slowest {max(times):.0f} ms (target < 1000 ms)"
    )
    times, engines = hung_node()
    slowest = ", ".join(f"{time:.0f}" for time in sorted(times)[-5:])
    print(
        f"hung node (SIGSTOP), {len(times)} searches over the breaker's cool-down and a probe: "
        f"p50 {statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms (target <= 300 ms), "
        f"{engines.count('database')}/{len(times)} from the database; slowest {slowest} ms"
    )


if __name__ == "__main__":
    main()
