"""Search settings tried at scale: runs the benchmark's API requests, as query bodies,
against an index `search_bench.py` kept (BENCH_KEEP=1), once per variant, and prints
OpenSearch's `took` p50/p95 for each. docs/scaling.md records what this printed.

    BENCH_KEEP=1 BENCH_SIZES=1000000 python bench/search_tuning.py [variant ...]

Variants: baseline, request_cache, map_hint, split2 (the index split to 2 shards).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django

django.setup()

from search_bench import QUERIES, SIZES, WARM_UP, _QueryDict, percentile, requests  # noqa: E402

from search import query  # noqa: E402
from search.client import get_client  # noqa: E402


def bodies(seed, count):
    for language, params in requests(count, seed):
        search, _problems = query.SearchRequest.from_query_dict(_QueryDict(params), ui_language=language)
        yield query.build_body(search)


def with_hint(body, hint):
    """The body with this execution hint on every terms aggregation."""

    def walk(aggregations):
        for aggregation in aggregations.values():
            if "terms" in aggregation:
                aggregation["terms"]["execution_hint"] = hint
            walk(aggregation.get("aggs", {}))

    walk(body["aggs"])
    return body


def run(index, label, change=lambda body: body, **params):
    client = get_client()
    for body in bodies(3, WARM_UP):
        client.search(index=index, body=change(body), params=params, request_timeout=60)
    took, wall = [], []
    for body in bodies(11, QUERIES):
        started = time.perf_counter()
        took.append(client.search(index=index, body=change(body), params=params, request_timeout=60)["took"])
        wall.append((time.perf_counter() - started) * 1000)
    load = os.getloadavg()[0]
    print(
        f"{label:<14} took p50 {percentile(took, 0.5):6.1f} ms  p95 {percentile(took, 0.95):6.1f} ms"
        f"   round trip p95 {percentile(wall, 0.95):6.1f} ms   (load average {load:.1f})"
    )


def split(index, shards):
    """A copy of the index with more primary shards (hard links, no re-indexing)."""
    client = get_client()
    target = f"{index}-split{shards}"
    if not client.indices.exists(index=target):
        client.indices.put_settings(index=index, body={"index.blocks.write": True})
        client.indices.split(
            index=index, target=target, body={"settings": {"index.number_of_shards": shards}}, request_timeout=600
        )
        client.cluster.health(index=target, wait_for_status="green", params={"timeout": "600s"}, request_timeout=610)
        client.indices.forcemerge(index=target, max_num_segments=1, request_timeout=1200)
    return target


def main():
    size = SIZES[-1]
    index = sorted(get_client().indices.get(index=f"bench{size}-public-*"))[0]
    count = get_client().count(index=index)["count"]
    print(f"{index}: {count:,} documents; {QUERIES} requests per variant after {WARM_UP} to warm up")
    variants = {
        "baseline": lambda: run(index, "baseline"),
        "request_cache": lambda: run(index, "request_cache", request_cache="true"),
        "map_hint": lambda: run(index, "map_hint", lambda body: with_hint(body, "map")),
        "split2": lambda: run(split(index, 2), "2 shards"),
    }
    for name in sys.argv[1:] or variants:
        variants[name]()


if __name__ == "__main__":
    main()
