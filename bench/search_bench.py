"""Search benchmark: fills indices with 10,000 and 100,000 synthetic multilingual
documents and prints, for the JSON API with a text query and facets, p50/p95 latency
beside OpenSearch's own `took`; then the rebuild rate from the database.

Run with `make bench` (it starts the development node). Figures, not assertions.
BENCH_BURN=1 measures each size a second time with a process spinning on one core
beside it, so that "on a loaded machine" is the same load from run to run.
"""

import os
import random
import statistics
import subprocess
import sys
import time
from collections import deque
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from opensearchpy import helpers  # noqa: E402

from search import index, query  # noqa: E402
from search.client import get_client  # noqa: E402
from search.documents import facet_values, indexable_pages  # noqa: E402
from search.facets import FACET_VALUES  # noqa: E402
from search.mapping import index_mappings  # noqa: E402
from taxonomy.models import City, SustainableDevelopmentGoal, Topic  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "10000,100000").split(",")]
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))
# BENCH_KEEP=1 leaves the filled indices in place (prefix bench<size>) and measures a
# kept one again instead of filling anew: at a million documents a fill takes from
# 7 minutes to an hour on a busy machine (bench/search_tuning.py tries settings on it).
KEEP = os.environ.get("BENCH_KEEP") == "1"
BURN = os.environ.get("BENCH_BURN") == "1"
# Bulk requests in flight at once while filling: OpenSearch indexes one on each core
# while this process builds the next (docs/scaling.md).
BULK_THREADS = int(os.environ.get("BENCH_BULK_THREADS", "2"))
BULK_CHUNK = 1000
WARM_UP = 30
WORDS = {
    "en": "housing mobility health water energy care neighbourhood programme public space climate",
    "fr": "logement mobilité santé eau énergie soins quartier programme espace public climat",
    "es": "vivienda movilidad salud agua energía cuidados barrio programa espacio público clima",
}
WORDS = {language: words.split() for language, words in WORDS.items()}


def synthetic_documents(count, seed=7):
    for number, source in enumerate(synthetic_sources(count, seed)):
        yield {"_id": f"bench-{number}", "_source": {**source, FACET_VALUES: facet_values(source)}}


def synthetic_sources(count, seed):
    pick = random.Random(seed)  # noqa: S311 - reproducible benchmark data
    cities = list(City.objects.select_related("country", "region"))
    topics = list(Topic.objects.select_related("theme"))
    sdgs = list(SustainableDevelopmentGoal.objects.all())
    for number in range(count):
        language = pick.choice(list(WORDS))
        city, topic = pick.choice(cities), pick.choice(topics)
        goals = pick.sample(sdgs, 2)
        text = " ".join(pick.choices(WORDS[language], k=40))
        yield {
            "page_id": number,
            "type": "case",
            "language": language,
            "translation_key": f"key-{number}",
            "represents": [language] + [code for code in WORDS if code != language and number % 3],
            "url": f"/{language}/bench/{number}/",
            "title": f"{topic.label_in(language)} {city.label_in(language)} {number}",
            "summary": text[:160],
            f"text_{language}": text,
            "themes": [topic.theme.slug],
            "themes_labels": list(topic.theme.all_labels.values()),
            "topics": [topic.slug],
            "topics_labels": list(topic.all_labels.values()),
            "sdgs": [goal.number for goal in goals],
            "sdgs_labels": [label for goal in goals for label in goal.all_labels.values()],
            "city": city.slug,
            "country": city.country.code,
            "region": city.region.slug,
            "place_labels": list(city.all_labels.values()),
            "start_year": pick.randint(2000, 2025),
            "first_published_at": f"2024-01-{pick.randint(1, 28):02d}T10:00:00Z",
        }


def shards_for(count):
    """The shard count chosen for the size on this 2-core machine (docs/scaling.md):
    two from half a million documents, where one search then runs on both cores.
    OPENSEARCH_SHARDS, when set, decides instead."""
    return int(os.environ.get("OPENSEARCH_SHARDS") or (2 if count >= 500_000 else 1))


def kept_index(count):
    """A kept index of this size with every field of the current mapping (one filled
    before a field was added is filled anew)."""
    client = get_client()
    fields = set(index_mappings()["properties"])
    for name, kept in sorted(client.indices.get(index=f"{index.alias_name()}-*", allow_no_indices=True).items()):
        if client.count(index=name)["count"] == count and fields <= set(kept["mappings"]["properties"]):
            return name
    return None


def fill(count):
    """The filled index and the seconds the fill took (None for a kept index)."""
    client = get_client()
    name = kept_index(count) if KEEP else None
    if name:
        client.indices.forcemerge(index=name, max_num_segments=1, request_timeout=3600)
        client.indices.update_aliases(body={"actions": [{"add": {"index": name, "alias": index.alias_name()}}]})
        return name, None
    client.indices.delete(index=f"{index.alias_name()}-*", ignore_unavailable=True, allow_no_indices=True)
    # As a rebuild fills (search/index.py): no refresh and no replica until it is full.
    name = index.create_index(number_of_shards=shards_for(count), **index.FILLING)
    started = time.perf_counter()
    sent = helpers.parallel_bulk(
        client,
        synthetic_documents(count),
        index=name,
        thread_count=BULK_THREADS,
        chunk_size=BULK_CHUNK,
        queue_size=BULK_THREADS,
        request_timeout=120,
    )
    deque(sent, maxlen=0)  # parallel_bulk sends only as its answers are read; a refused document raises
    index.filled(name)
    client.indices.forcemerge(index=name, max_num_segments=1, request_timeout=3600)
    seconds = time.perf_counter() - started
    client.indices.update_aliases(body={"actions": [{"add": {"index": name, "alias": index.alias_name()}}]})
    return name, seconds


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def requests(count, seed):
    """API parameters as visitors send them: two words in one language, sometimes an SDG and a region."""
    pick = random.Random(seed)  # noqa: S311
    facets = {"sdg": [str(n) for n in range(1, 18)], "region": ["europe", "africa", "asia-pacific"]}
    for _ in range(count):
        language = pick.choice(list(WORDS))
        params = {"q": " ".join(pick.sample(WORDS[language], 2)), "ui_language": language}
        params.update({name: pick.choice(values) for name, values in facets.items() if pick.random() < 0.5})
        yield language, params


@contextmanager
def burner():
    """A second process using a whole core while the searches run (BENCH_BURN=1)."""
    spinning = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        spinning.kill()
        spinning.wait()


def measure(count, label=""):
    # The site asks for the shard request cache; a kept index would otherwise answer
    # the seeded queries of the last run from it.
    get_client().indices.clear_cache(index=index.alias_name(), request=True)
    client = Client()
    # Steady state, as a running site sees it: the first searches after a bulk load
    # also pay for loading the index files and warming the JVM.
    for _language, params in requests(WARM_UP, seed=3):
        client.get("/api/v1/search/", params)
    api_times, took_times = [], []
    for language, params in requests(QUERIES, seed=11):
        started = time.perf_counter()
        response = client.get("/api/v1/search/", params)
        api_times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"The API answered {response.status_code}: {response.content[:300]!r}")
        search, _problems = query.SearchRequest.from_query_dict(_QueryDict(params), ui_language=language)
        took_times.append(get_client().search(index=index.alias_name(), body=query.build_body(search))["took"])
    print(
        f"{count:>7,} docs{label}  API p50 {percentile(api_times, 0.5):6.1f} ms"
        f"  p95 {percentile(api_times, 0.95):6.1f} ms"
        f"   OpenSearch took p50 {percentile(took_times, 0.5):5.1f} ms  p95 {percentile(took_times, 0.95):5.1f} ms"
        f"   site overhead p50 {statistics.median(a - t for a, t in zip(api_times, took_times, strict=True)):5.1f} ms"
    )


class _QueryDict(dict):
    def getlist(self, key):
        value = self.get(key)
        return [] if value is None else [value]


def main():
    print(
        f"OpenSearch at {settings.OPENSEARCH_URL}; {QUERIES} API requests per size after {WARM_UP} to warm up"
        " (text query + random facets)"
    )
    for count in SIZES:
        # Without the page cache: the seeded queries repeat from run to run, and a cached
        # answer would measure the cache, not the search.
        with override_settings(
            OPENSEARCH_INDEX_PREFIX=f"bench{count}", ALLOWED_HOSTS=["testserver"], PAGE_CACHE_VIEWS=()
        ):
            name, seconds = fill(count)
            if seconds is None:
                print(f"{count:>7,} docs  kept from an earlier run ({name})")
            else:
                print(f"{count:>7,} docs  indexed in {seconds:5.1f} s ({count / seconds:,.0f} docs/s)")
            measure(count)
            if BURN:
                with burner():
                    measure(count, label=" + CPU burner")
            if not KEEP:
                get_client().indices.delete(index=name)
    pages = indexable_pages().count()
    with override_settings(OPENSEARCH_INDEX_PREFIX="benchrebuild"):
        started = time.perf_counter()
        name, written = index.rebuild()
        seconds = time.perf_counter() - started
        get_client().indices.delete(index=name)
    print(f"rebuild from the database: {written} pages in {seconds:.1f} s ({written / seconds:,.0f} pages/s)")
    if pages < 1000:
        print(
            f"(only {pages} pages in this database: the rate includes index creation; "
            "load more with load_demo --synthetic N)"
        )


if __name__ == "__main__":
    main()
