"""Questions that cost the search engine most, for tests/test_hostile_queries.py and
bench/breaker_bench.py: about 80 words under the length cap, made of synonym terms
(each searched with every term of its sets), place and topic names in the three
languages, and plain words. Seeded, so a failure can be replayed."""

import random

from search.models import SynonymSet
from search.query import MAX_QUERY_LENGTH
from taxonomy.models import City, Topic

WORDS = 80
FILLER = [
    "housing", "water", "transport", "mobility", "health", "care", "waste", "energy", "climate", "gender",
    "youth", "children", "market",
]  # fmt: skip


def hostile_queries(count, seed=28):
    chance = random.Random(seed)
    synonyms = [term for synonym_set in SynonymSet.objects.all() for term in synonym_set.term_list()]
    labels = [label for model in (City, Topic) for row in model.objects.values_list("labels", flat=True)
              for label in row.values()]  # fmt: skip
    pools = [synonyms, labels, FILLER, synonyms + labels + FILLER]
    for number in range(count):
        pool = pools[number % len(pools)]
        yield " ".join(chance.choice(pool) for _ in range(WORDS))[:MAX_QUERY_LENGTH]
