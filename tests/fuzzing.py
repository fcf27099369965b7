"""What the fuzz tests (tests/test_fuzz.py) and bench/fuzz_bench.py send: the public
URLs that read a query string, its parameter names, and values chosen to break a
careless parser (unicode digits, 5,000-digit numbers, control characters, markup);
and the hand-made requests and files that once answered 500 (issue 28)."""

import io
from urllib.parse import urlencode

from PIL import Image

URLS = [
    "/en/search/",
    "/fr/search/",
    "/en/experts/",
    "/en/search/export.csv",
    "/es/search/export.json",
    "/en/search/feed/",
    "/es/search/feed/",
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
# One request in this many is a hand-made one.
HAND_MADE_SHARE = 20

# Addresses that once answered 500: control characters in a query string (an Atom feed
# cannot carry them) or a path, a search narrowed to a city that finds nothing, and
# numbers beyond the database's integers in a path (SQLite raises OverflowError
# through a relation; `int()` refuses 4,300 digits).
HAND_MADE_ADDRESSES = [
    "/en/search/feed/?q=%00",
    "/fr/search/feed/?q=%01",
    "/es/search/feed/?q=a%1Fb&theme=%00",
    "/en/search/?q=%00",
    "/en/search/export.csv?q=%0B",
    # A ticked city with no result: the results map divided by a largest count of 0.
    "/fr/search/?city=berlin&q=xqzzy",
    "/api/v1/search/?q=%7F&page=%00",
    "/api/v1/suggest/?q=%00",
    "/en/members/contact/99999999999999999999/",
    "/en/members/inbox/99999999999999999999/",
    "/en/members/contributions/99999999999999999999/step/1/",
    "/en/members/saved-searches/99999999999999999999/delete/",
    "/en/language/nearest/99999999999999999999/",
    "/documents/" + "9" * 5000 + "/",
    "/documents/99999999999999999999/report.pdf",
    "/documents/authenticate_with_password/99999999999999999999/",
    "/en/accounts/confirm-email/%00key/",
    "/en/cities/%00/",
    "/fr/%01/",
]


def damaged_png():
    """A PNG whose header checksum is wrong: Willow takes it for a PNG, Pillow cannot read it."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[29] ^= 0xFF  # the last byte of the IHDR chunk's CRC (8 signature + 8 + 13 data)
    return bytes(data)


# Files that once answered 500 as a member's photo: they start like an image, and
# Pillow cannot identify the rest. (name, bytes)
HAND_MADE_IMAGES = [
    ("photo.gif", b"GIF89a<html><script></script>"),  # 31 bytes
    ("photo.png", damaged_png()),
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 40),
]


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


def random_address(pick):
    """A path with its query string: a hand-made one now and then, otherwise a random request."""
    if pick.randrange(HAND_MADE_SHARE) == 0:
        return pick.choice(HAND_MADE_ADDRESSES)
    url, params = random_request(pick)
    return f"{url}?{urlencode(params)}"
