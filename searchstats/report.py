"""The editors' report on what visitors search: top queries, queries with no or few
results, and queries whose results nobody opens, for one period and language."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, Max, Sum
from django.utils import timezone

from .models import PAGE_SOURCES, DailySearch, ResultOpen

PERIODS = (7, 30, 90)
# A query with this many results or fewer is listed among the low-result ones.
LOW_RESULTS = 3
ROWS_SHOWN = 50


@dataclass
class Report:
    top: list
    zero: list
    low: list
    unopened: list


def searches_in(days, language, sources, today=None):
    """The daily searches of the last `days` days (today included)."""
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    rows = DailySearch.objects.filter(day__gte=since, source__in=sources)
    return rows.filter(language=language) if language else rows


def grouped(rows, *fields):
    return (
        rows.values("language", "words", *fields)
        .annotate(times=Sum("searches"), most_results=Max("results"), times_opened=Sum("opens"))
        .filter(times__gt=0)
        .order_by("-times", "language", "words")
    )


def mean_ranks(rows):
    """{(language, words): the average rank of the results opened}."""
    opened = (
        ResultOpen.objects.filter(search__in=rows)
        .values("search__language", "search__words")
        .annotate(weighted=Sum(F("rank") * F("opens")), count=Sum("opens"))
    )
    return {(row["search__language"], row["search__words"]): row["weighted"] / row["count"] for row in opened}


def build(days, language=None, sources=PAGE_SOURCES, today=None):
    rows = searches_in(days, language, sources, today)
    top = list(grouped(rows)[:ROWS_SHOWN])
    ranks = mean_ranks(rows)
    for row in top:
        row["mean_rank"] = ranks.get((row["language"], row["words"]))
    # Only the site's pages say which result was opened; an API client's choice is unseen.
    opened_on_pages = grouped(rows.filter(source__in=PAGE_SOURCES))
    return Report(
        top=top,
        # With the filters: a query may find nothing only within the filters chosen.
        zero=list(grouped(rows, "filters").filter(most_results=0)[:ROWS_SHOWN]),
        low=list(grouped(rows, "filters").filter(most_results__range=(1, LOW_RESULTS))[:ROWS_SHOWN]),
        unopened=list(opened_on_pages.filter(times_opened=0, most_results__gt=0)[:ROWS_SHOWN]),
    )
