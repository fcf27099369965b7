"""Fuzz benchmark: sends FUZZ_REQUESTS (100,000 unless set) requests with odd query
strings (tests/fuzzing.py) to the search page, expert directory, exports, feeds and API
of a running server, one in 20 of them a hand-made address that once answered 500,
and prints how many answered 500 or more. The target is 0.

Start the server first (for example `make run`, or `manage.py runserver` with
EXPORTS_PER_MINUTE set high, or the exports mostly answer 429), then:
    BENCH_URL=http://127.0.0.1:8000 FUZZ_REQUESTS=10000 python bench/fuzz_bench.py
Loopback only; bounded by FUZZ_REQUESTS and FUZZ_SECONDS (an hour unless set).
"""

import os
import random
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzzing import HAND_MADE_ADDRESSES, random_address

BASE_URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8000")
REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "100000"))
THREADS = int(os.environ.get("FUZZ_THREADS", "4"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "3600"))
SEED = int(os.environ.get("FUZZ_SEED", "15"))


def send(url):
    try:
        with urlopen(url, timeout=60) as response:  # noqa: S310 (a loopback URL we build)
            response.read()
            return response.status
    except HTTPError as error:
        error.read()
        return error.code


def main():
    if urlsplit(BASE_URL).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("BENCH_URL must be a loopback address")
    pick = random.Random(SEED)  # noqa: S311 (test data, not secrets)
    requests = [f"{BASE_URL}{random_address(pick)}" for _ in range(REQUESTS)]
    hand_made = sum(url.removeprefix(BASE_URL) in HAND_MADE_ADDRESSES for url in requests)
    statuses, failures = Counter(), []
    deadline = time.monotonic() + SECONDS
    started = time.monotonic()
    with ThreadPoolExecutor(THREADS) as pool:
        # In slices, so the time bound holds without queueing every request at once.
        for first in range(0, len(requests), 1000):
            if time.monotonic() > deadline:
                break
            batch = requests[first : first + 1000]
            for url, status in zip(batch, pool.map(send, batch), strict=True):
                statuses[status] += 1
                if status >= 500 and len(failures) < 10:
                    failures.append(url[:300])
    sent = sum(statuses.values())
    print(f"{sent:,} fuzzed requests in {time.monotonic() - started:.0f} s to {BASE_URL}, {THREADS} at a time")
    print(f"hand-made addresses in the pool: {hand_made:,} of {len(requests):,} ({len(HAND_MADE_ADDRESSES)} kinds)")
    print("statuses: " + ", ".join(f"{status}: {count:,}" for status, count in sorted(statuses.items())))
    print(f"responses >= 500: {sum(count for status, count in statuses.items() if status >= 500)}")
    for url in failures:
        print(f"  {url}")


if __name__ == "__main__":
    main()
