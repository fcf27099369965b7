"""The database fallback's cost per search (search/fallback.py): prints p50, p95 and the
slowest search, and the SQL statements per search, over the independent judged set's
queries (demo/judged/independent/judgments.json), each asked twice (the second timed,
so the vocabulary caches are warm, as on a running site).

Run it on a database that holds content (the judged set's, as `make relevance`
leaves it in var/relevance/independent, or a larger one), with any OPENSEARCH_URL:
it calls the fallback directly and never asks OpenSearch.

    DATABASE_URL=sqlite:///var/relevance/independent/db.sqlite3 python bench/fallback_bench.py
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")
django.setup()

from django.db import connection  # noqa: E402 (after Django's setup)
from django.http import QueryDict  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from search import fallback, service  # noqa: E402
from search.documents import indexable_pages  # noqa: E402

JUDGMENTS = ROOT / "demo" / "judged" / "independent" / "judgments.json"


def main():
    queries = json.loads(JUDGMENTS.read_text(encoding="utf-8"))["queries"]
    timings, statements = [], []
    for query in queries:
        params = QueryDict(mutable=True)
        params.update({"q": query["q"], **query.get("params", {})})
        search, _dropped = service.read(params, ui_language=query["language"])
        fallback.run(search)
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            fallback.run(search)
            timings.append((time.perf_counter() - start) * 1000)
        statements.append(len(captured.captured_queries))
    timings.sort()
    pages = indexable_pages().count()
    print(f"database fallback, {len(queries)} searches on {pages} pages ({connection.vendor}):")
    print(f"  p50 {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms, "
          f"slowest {timings[-1]:.1f} ms; SQL statements per search: median {statistics.median(statements):.0f}, "
          f"most {max(statements)}")  # fmt: skip


if __name__ == "__main__":
    main()
