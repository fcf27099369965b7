"""Recording searches and opened results, anonymously and without ever slowing or
breaking a search.

A search page (or the API) calls `searched()` while it renders: the search is noted on
the request, and the page gets a signed token that its result links hand back when one
is opened (`record_open`, from the beacon in site/static/js/search.js). The search is
written by SearchRecordMiddleware once the answer has gone out, from a header the
rendered answer carries: a page served from the cache (core/page_cache.py) carries the
same header, so a cache hit counts as a search too, without rendering anything.

Each write is one UPDATE of the day's row (an INSERT the first time that search is
seen that day); a failed write is logged, never raised, and at most NEW_ROWS_PER_DAY
rows are added a day, so a flood of invented queries cannot fill the table.
"""

import json
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.throttle import counted

from .models import DailySearch, ResultOpen

logger = logging.getLogger(__name__)

# The rendered answer carries its search to SearchRecordMiddleware in this header,
# which the middleware takes off before the answer leaves.
HEADER = "X-Search-Record"
SALT = "searchstats.opened"
NEW_ROWS_PER_DAY = 20_000
WORDS_LENGTH = DailySearch._meta.get_field("words").max_length
FILTERS_LENGTH = DailySearch._meta.get_field("filters").max_length

# Words a visitor may type about a person: an e-mail address, a phone or identity
# number (seven digits or more, with or without separators). Kept out of the table.
EMAIL = re.compile(r"\S+@\S+")
LONG_NUMBER = re.compile(r"\+?(?:\d[\s./-]?){6,}\d")


KEY_FIELDS = ("source", "language", "engine", "words", "filters")


@dataclass(frozen=True)
class Search:
    source: str
    language: str
    engine: str
    words: str
    filters: str
    results: int

    def key(self, day):
        """The row of this search on `day` (the result count is not part of it)."""
        return {"day": day, **{name: getattr(self, name) for name in KEY_FIELDS}}


def enabled():
    """SEARCH_ANALYTICS_DAYS = 0 records nothing (and prune_search_stats empties the table)."""
    return settings.SEARCH_ANALYTICS_DAYS > 0


def normalised(text):
    """The words as the report groups them: one case, one form of each character, single
    spaces, without e-mail addresses or long numbers."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = LONG_NUMBER.sub("[number]", EMAIL.sub("[email]", text))
    return " ".join(text.split())[:WORDS_LENGTH]


def canonical_filters(filters):
    """{"theme": ["housing"], "year_from": 2010, ...} as a sorted query string."""
    pairs = sorted(
        (name, str(value))
        for name, values in filters.items()
        for value in (values if isinstance(values, list | tuple) else [values])
        if value not in (None, "")
    )
    return urlencode(pairs)[:FILTERS_LENGTH]


def searched(request, *, source, language, text, filters, results, engine, first_page=True):
    """Notes a search made by this request, to be recorded once answered (its first page
    only: turning pages is not searching again), and returns the token the page's result
    links carry, or "" when nothing is recorded (no words: browsing by filters alone,
    which is mostly crawlers following facet links)."""
    if not enabled():
        return ""
    words = normalised(text)
    if not words:
        return ""
    search = Search(source, language, engine, words, canonical_filters(filters), results)
    if first_page:
        request.searchstats_search = search
    return signing.dumps(asdict(search), salt=SALT, compress=True)


def search_from_token(token):
    """The search a result link's token names; signing.BadSignature if it was not ours."""
    return Search(**signing.loads(token, salt=SALT))


def header_value(request):
    search = getattr(request, "searchstats_search", None)
    return json.dumps(asdict(search)) if search is not None else None


def search_from_header(value):
    return Search(**json.loads(value))


def record_search(search):
    try:
        upsert(
            DailySearch,
            search.key(timezone.localdate()),
            {"searches": F("searches") + 1, "results": search.results},
            {"searches": 1, "results": search.results},
        )
    # Broader than DatabaseError: this runs among the response's closers, whose
    # exceptions Django drops unseen.
    except Exception:
        logger.exception("A search could not be recorded")


def record_open(search, rank, page_id):
    """One more opening of the result at `rank` (1 is the first result) of `search`,
    counted on the day's row of the search (created if the search was counted
    yesterday, or served by a page that recorded nothing)."""
    key = search.key(timezone.localdate())
    try:
        if upsert(DailySearch, key, {"opens": F("opens") + 1}, {"opens": 1, "results": search.results}):
            upsert(
                ResultOpen,
                {"search": DailySearch.objects.get(**key), "rank": rank, "page_id": page_id},
                {"opens": F("opens") + 1},
                {"opens": 1},
            )
    except DatabaseError:
        logger.warning("An opened result could not be recorded", exc_info=True)


def upsert(model, key, changes, initial):
    """Applies `changes` to the row `key`, or creates it with `initial`; False when
    the row is missing and today's quota of new rows is spent."""
    if model.objects.filter(**key).update(**changes):
        return True
    new_today = counted(f"searchstats:new-rows:{timezone.localdate()}", 2 * 24 * 3600)
    if new_today > NEW_ROWS_PER_DAY:
        if new_today == NEW_ROWS_PER_DAY + 1:
            logger.warning("Search analytics: %d new rows today, no more until tomorrow", NEW_ROWS_PER_DAY)
        return False
    try:
        with transaction.atomic():
            model.objects.create(**key, **initial)
    except IntegrityError:
        # Another process created the row between our UPDATE and INSERT.
        model.objects.filter(**key).update(**changes)
    return True


def prune(today=None):
    """Deletes the rows older than SEARCH_ANALYTICS_DAYS days (every row when it is 0);
    the number of daily searches deleted."""
    rows = DailySearch.objects.all()
    if enabled():
        rows = rows.filter(day__lt=(today or timezone.localdate()) - timedelta(days=settings.SEARCH_ANALYTICS_DAYS))
    _count, by_model = rows.delete()
    return by_model.get(DailySearch._meta.label, 0)
