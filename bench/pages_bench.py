"""Page benchmark: serves the home page, a search (words and a facet), a case, its
city's page and a spotlight page in each language with Django's test client, and prints p50/p95 server
time per page beside the number of live cases, rendered afresh and from the anonymous
page cache (core/page_cache.py). The target is a p95 under 100 ms with 10,000 cases.

Runs against the development database and OpenSearch index as they are (fill them
with `load_demo --synthetic N`, then `search_index rebuild`); DATABASE_URL, OPENSEARCH_URL
and OPENSEARCH_INDEX_PREFIX point it elsewhere. Figures, not assertions.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from cases.models import CaseStudyPage, SpotlightPage  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
WARM_UP = 5
# A word to search in each language measured (the site's languages that have one).
WORDS = {"en": "housing", "fr": "logement", "es": "vivienda"}
LANGUAGES = [code for code, _name in settings.LANGUAGES if code in WORDS]


def pages(language):
    """The URL of each page measured, in one language."""
    translation.activate(language)  # the city page's URL carries the language
    live = {"locale__language_code": language}
    case = CaseStudyPage.objects.live().filter(**live).order_by("-first_published_at").first()
    spotlight = SpotlightPage.objects.live().filter(**live).first()
    urls = {
        "home": f"/{language}/",
        "search": f"/{language}/search/?q={WORDS[language]}&sdg=11",
        "case": case.url if case else None,
        "city": reverse("cities:city", kwargs={"slug": case.city.slug}) if case else None,
        "spotlight": spotlight.url if spotlight else None,
        "insights": f"/{language}/insights/?sdg=11",
    }
    return {name: url for name, url in urls.items() if url}


def measure(client, url, expected_cache):
    # Steady state, as a running site sees it: the first visits fill the process
    # caches (vocabularies, image renditions) and warm OpenSearch.
    for _ in range(WARM_UP):
        client.get(url)
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        if response.get("X-Cache") != expected_cache:
            raise RuntimeError(f"{url}: X-Cache {response.get('X-Cache')!r}, not {expected_cache!r}")
    return times


def main():
    live = CaseStudyPage.objects.live()
    counts = ", ".join(f"{code}: {live.filter(locale__language_code=code).count():,}" for code in LANGUAGES)
    print(
        f"{live.count():,} live case pages ({counts}) in {connection.vendor} {connection.settings_dict['NAME']};"
        f" OpenSearch at {settings.OPENSEARCH_URL}, index prefix {settings.OPENSEARCH_INDEX_PREFIX!r}"
    )
    print(f"{REQUESTS} requests per page after {WARM_UP} to warm up; target p95 < 100 ms")
    client = Client()
    # Served as in production: no query log kept in memory.
    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        for language in LANGUAGES:
            for name, url in pages(language).items():
                with override_settings(PAGE_CACHE_VIEWS=()):
                    rendered = figures(measure(client, url, expected_cache=None))
                cached = figures(measure(client, url, expected_cache="hit"))
                print(f"{language}  {name:<9}  rendered {rendered}   cached {cached}   {url}")


def figures(times):
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms"


if __name__ == "__main__":
    main()
