"""How long a saved synonym set takes to reach searches: the close -> update analysis
settings -> reopen cycle (search.index.update_synonyms) on an index of N documents
with the starter synonym sets, against the node at OPENSEARCH_URL.

    OPENSEARCH_URL=http://127.0.0.1:9200 python bench/synonyms_bench.py 10000

Writes to its own throw-away index (deleted at the end), never to the site's.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from opensearchpy import helpers  # noqa: E402

from search.analysis import analysis_settings  # noqa: E402
from search.client import get_client  # noqa: E402
from search.synonyms import FILTER_NAME, rules  # noqa: E402

DOCUMENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
ROUNDS = 5
INDEX = "bench-synonyms"
# The source language's analyzer, which the measured synonym filter sits in.
TEXT = f"text_{settings.LANGUAGE_CODE}"
STARTER = json.loads((Path(__file__).resolve().parent.parent / "search/data/synonyms.json").read_text())["sets"]


def synonym_filter(sets):
    return {"type": "synonym_graph", "synonyms": rules(sets), "lenient": True}


def main():
    client = get_client()
    analysis = analysis_settings()["analysis"]
    body = {"analysis": {**analysis, "filter": {**analysis["filter"], FILTER_NAME: synonym_filter(STARTER)}}}
    body.update(number_of_shards=1, number_of_replicas=0)
    client.indices.create(
        index=INDEX,
        body={
            "settings": body,
            "mappings": {
                "properties": {"text": {"type": "text", "analyzer": TEXT, "search_analyzer": f"{TEXT}_search"}}
            },
        },
    )
    try:
        words = " ".join(term for terms in STARTER for term in terms).split()
        helpers.bulk(
            client,
            ({"_index": INDEX, "_source": {"text": " ".join(words[n % 500 : n % 500 + 40])}} for n in range(DOCUMENTS)),
            refresh=True,
        )
        timings = []
        for round_number in range(ROUNDS):
            sets = [*STARTER, ["tiny forest", f"micro-forêt {round_number}", "microbosque"]]
            started = time.monotonic()
            client.indices.close(index=INDEX)
            client.indices.put_settings(index=INDEX, body={"analysis": {"filter": {FILTER_NAME: synonym_filter(sets)}}})
            client.indices.open(index=INDEX)
            client.cluster.health(index=INDEX, wait_for_status="yellow")
            client.search(index=INDEX, body={"query": {"match": {"text": "tiny forest"}}})
            timings.append(time.monotonic() - started)
        print(
            f"{DOCUMENTS} documents, {len(STARTER) + 1} synonym sets: update-to-first-search "
            f"median {statistics.median(timings):.2f} s, max {max(timings):.2f} s over {ROUNDS} rounds"
        )
    finally:
        client.indices.delete(index=INDEX)


if __name__ == "__main__":
    main()
