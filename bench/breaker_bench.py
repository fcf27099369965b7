"""Search under stress, against a running server: prints
1. API search p50/p95 with the node healthy;
2. the slowest API search while 8 exports run in parallel (target: under 1 s);
3. with the node hung (SIGSTOP, always resumed with SIGCONT), how many searches
   waited for the timeout before the breaker opened, then search p95 from the
   database fallback (target: 300 ms or less).

    BENCH_URL=http://127.0.0.1:8000 BENCH_OPENSEARCH_PID=$(cat var/opensearch/node-9200/node.pid) \
        python bench/breaker_bench.py

Run the server with EXPORTS_PER_MINUTE high enough for the exports. Loopback only;
every loop is bounded in count.
"""

import json
import os
import signal
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit
from urllib.request import urlopen

BASE_URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8000")
NODE_PID = int(os.environ["BENCH_OPENSEARCH_PID"])
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "100"))
EXPORTS = 8
SEARCH = "/api/v1/search/?q=housing&sdg=11"


def get(path):
    started = time.perf_counter()
    with urlopen(f"{BASE_URL}{path}", timeout=60) as response:  # noqa: S310 (a loopback URL)
        body = response.read()
    return time.perf_counter() - started, body


def search_times(count):
    times, engines = [], []
    for _ in range(count):
        seconds, body = get(SEARCH)
        times.append(seconds * 1000)
        engines.append(json.loads(body)["engine"])
    return times, engines


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
            _seconds, body = get("/en/search/export.csv")
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
    """Searches until the breaker sends them to the database, then SEARCHES more; the node resumes whatever happens."""
    os.kill(NODE_PID, signal.SIGSTOP)
    try:
        waited = 0
        for _ in range(20):
            seconds, body = get(SEARCH)
            if seconds < 0.5 and json.loads(body)["engine"] == "database":
                break
            waited += 1
        return waited, *search_times(SEARCHES)
    finally:
        os.kill(NODE_PID, signal.SIGCONT)


def main():
    if urlsplit(BASE_URL).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("BENCH_URL must be a loopback address")
    times, engines = search_times(SEARCHES)
    print(f"healthy node: API search p50 {statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms ({engines[0]})")
    times, exported = during_exports()
    rows = max(exported, default=0)
    print(
        f"{EXPORTS} parallel exports ({len(exported)} done, {rows:,} rows each): API search "
        f"p95 {p95(times):.0f} ms, slowest {max(times):.0f} ms (target < 1000 ms)"
    )
    waited, times, engines = hung_node()
    print(
        f"hung node (SIGSTOP): {waited} searches waited for the timeout before the breaker opened; then "
        f"p50 {statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms (target <= 300 ms), "
        f"{engines.count('database')}/{len(engines)} from the database"
    )


if __name__ == "__main__":
    main()
