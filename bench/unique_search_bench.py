"""What one search costs when no cache holds it: searches never asked before
(bench/vocabulary.py), one at a time, through the JSON API and as the search page, in
every interface language, half of them with a facet value ticked. Prints p50/p95
server time of each (Django's test client, in this process, page cache on: every
search misses it).

    .venv/bin/python bench/unique_search_bench.py                 # figures
    BENCH_PROFILE=api .venv/bin/python bench/unique_search_bench.py   # and where the time goes

BENCH_PROFILE=api|page runs that kind under cProfile as well and prints the functions
that took most of the time (BENCH_PROFILE_LINES of them, 40 by default).
Runs against the development database and index as they are (`make run` or
`load_demo` and `search_index rebuild`); DATABASE_URL, OPENSEARCH_URL and
OPENSEARCH_INDEX_PREFIX point it elsewhere. Figures, not assertions.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from vocabulary import WORDS, UniqueSearches  # noqa: E402

from core import page_cache  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "150"))
WARM_UP = 20
PROFILE = os.environ.get("BENCH_PROFILE", "")
PROFILE_LINES = int(os.environ.get("BENCH_PROFILE_LINES", "40"))
LANGUAGES = [code for code, _name in settings.LANGUAGES if code in WORDS]


def site_facets(client):
    """{facet: [values with results]} of the theme, SDG and region facets, as the API counts them."""
    body = client.get("/api/v1/search/", {"type": "case", "page_size": 1}).json()
    return {
        name: [value["value"] for value in values if value["count"]]
        for name, values in body["facets"].items()
        if name in ("theme", "sdg", "region")
    }


def requests(kind, count, searches, facets):
    """(url, params) of `count` unique searches of one kind, the languages and facets in turn."""
    for number in range(count):
        language = LANGUAGES[number % len(LANGUAGES)]
        params = {"q": searches.question(language)}
        if number % 2 and facets:
            name = sorted(facets)[number // 2 % len(facets)]
            params[name] = facets[name][number // 6 % len(facets[name])]
        if kind == "api":
            yield "/api/v1/search/", {**params, "ui_language": language}
        else:
            yield f"/{language}/search/", params


def measure(client, kind, searches, facets):
    for url, params in requests(kind, WARM_UP, searches, facets):
        client.get(url, params)
    times, cpu = [], []
    profile = cProfile.Profile() if kind == PROFILE else None
    for url, params in requests(kind, REQUESTS, searches, facets):
        started, started_cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        response = client.get(url, params)
        if profile:
            profile.disable()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} {params} answered {response.status_code}")
        if response.get("X-Cache") != "miss":
            raise RuntimeError(f"{url} {params}: X-Cache {response.get('X-Cache')!r}, not a miss")
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"{kind:<4}  p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms"
        f"   site CPU p50 {statistics.median(cpu):5.1f} ms  ({REQUESTS} unique searches)"
    )
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
        stats.sort_stats("tottime").print_stats(PROFILE_LINES)


def main():
    print(f"OpenSearch at {settings.OPENSEARCH_URL}, index prefix {settings.OPENSEARCH_INDEX_PREFIX!r}")
    print(f"{REQUESTS} unique searches per kind after {WARM_UP} to warm up, languages {', '.join(LANGUAGES)}")
    client = Client()
    # Served as in production: no query log kept in memory.
    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        facets = site_facets(client)
        # The searches are seeded: a run before this one cached the same pages.
        page_cache.bump(page_cache.CONTENT)
        searches = UniqueSearches(seed=int(os.environ.get("BENCH_SEED", "5")))
        for kind in ("api", "page"):
            measure(client, kind, searches, facets)


if __name__ == "__main__":
    main()
