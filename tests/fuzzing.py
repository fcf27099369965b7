"""What the fuzz tests (tests/test_fuzz.py) and bench/fuzz_bench.py send: the public
URLs that read a query string, its parameter names, and values chosen to break a
careless parser (unicode digits, 5,000-digit numbers, control characters, markup)."""

URLS = [
    "/en/search/",
    "/fr/search/",
    "/en/experts/",
    "/en/search/export.csv",
    "/es/search/export.json",
    "/fr/insights/",
    "/api/v1/search/",
    "/api/v1/suggest/",
]
PARAMETERS = [
    "q", "page", "page_size", "sort", "ui_language", "year_from", "year_to", "type", "theme", "topic", "sdg",
    "region", "country", "city", "target_group", "approach", "language", "spotlight", "status", "availability",
    "speaks", "facet", "evidence", "format", "chart",
]  # fmt: skip
ODD_VALUES = [
    "", "0", "1", "2", "-1", "+1", "1.5", "1e3", " 1", "1 ", "0x10", "²", "①", "٣", "\uff11", "9" * 5000,
    "9" * 20, "2147483648", "2020", "1899", "11", "17", "18", "\x00", "\n", "%", "'", '"', "\\", "<script>",
    "a" * 600, "housing", "logement", "ES", "barcelona", "metropolitan-futures", "newest", "relevance", "fr", "xx",
    '"unbalanced title:(a OR', "*", "mentoring", "en", "csv", "year", "case", "monitored",
]  # fmt: skip
MAX_PARAMETERS = 6


def random_value(pick):
    """An odd value most of the time, otherwise random text (any script) or a number."""
    roll = pick.random()
    if roll < 0.7:
        return pick.choice(ODD_VALUES)
    if roll < 0.85:
        return str(pick.randint(-(10**12), 10**12))
    return "".join(chr(pick.randint(1, 0x2FFF)) for _ in range(pick.randint(1, 12)))


def random_request(pick):
    """(url, [(name, value), ...]): names may repeat, as a form with several ticks sends them."""
    names = [pick.choice(PARAMETERS) for _ in range(pick.randint(0, MAX_PARAMETERS))]
    return pick.choice(URLS), [(name, random_value(pick)) for name in names]
