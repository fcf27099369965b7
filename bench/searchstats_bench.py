"""Search analytics benchmark: what counting a search costs (searchstats/).

Prints the time of one recorded search (the UPDATE of an existing day's row, and the
INSERT of a new one), of one recorded open, and p50/p95 of a search page served from
the page cache with the analytics on and off (SEARCH_ANALYTICS_DAYS=0). Django's test
client runs the response's closers inside the timed call, so the page figures include
the write, which a real server makes after sending the answer.

Runs against the development database and OpenSearch as they are (OPENSEARCH_URL,
DATABASE_URL point it elsewhere); the rows it adds are deleted at the end. Figures,
not assertions.
"""

import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from searchstats import recording  # noqa: E402
from searchstats.models import DailySearch  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
MARK = f"bench-{uuid.uuid4().hex[:8]}"


def timed(call, count):
    times = []
    for number in range(count):
        started = time.perf_counter()
        call(number)
        times.append((time.perf_counter() - started) * 1000)
    return times


def figures(times):
    return f"p50 {statistics.median(times):6.2f} ms  p95 {statistics.quantiles(times, n=20)[-1]:6.2f} ms"


def search(words):
    return recording.Search("search", settings.LANGUAGE_CODE, "opensearch", words, "sdg=11", 4)


def main():
    print(f"{connection.vendor} {connection.settings_dict['NAME']}; OpenSearch at {settings.OPENSEARCH_URL}")
    print(f"{REQUESTS} calls each")
    inserted = timed(lambda number: recording.record_search(search(f"{MARK} {number}")), REQUESTS)
    updated = timed(lambda number: recording.record_search(search(f"{MARK} {number}")), REQUESTS)
    opened = timed(lambda number: recording.record_open(search(f"{MARK} {number}"), 1, 3), REQUESTS)
    print(f"record a new search       {figures(inserted)}")
    print(f"record a search again     {figures(updated)}")
    print(f"record an opened result   {figures(opened)}")
    client = Client()
    url = f"/{settings.LANGUAGE_CODE}/search/?q={MARK}+page&sdg=11"
    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        for days in (90, 0):
            with override_settings(SEARCH_ANALYTICS_DAYS=days):
                client.get(url)
                if client.get(url).get("X-Cache") != "hit":
                    raise RuntimeError(f"{url} is not served from the page cache (is OpenSearch up?)")
                times = timed(lambda _number: client.get(url), REQUESTS)
            state = "on " if days else "off"
            print(f"cached search page, analytics {state}   {figures(times)}")
    DailySearch.objects.filter(words__startswith=MARK).delete()


if __name__ == "__main__":
    main()
