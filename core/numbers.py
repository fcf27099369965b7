"""Whole numbers read from a request, strictly: from a query string, and from a path
through the `int64` converter.

`str.isdigit()` is true for "²", "①" and "٣", which `int()` refuses or reads as
another script's digit, and `int()` refuses more than 4,300 digits
(https://docs.python.org/3/library/stdtypes.html#int-max-str-digits): a number from a
query string is therefore ASCII digits only, and short.
"""

import re

# Enough for any page, year or identifier the site uses; longer is not a number we know.
MAX_DIGITS = 9
WHOLE_NUMBER = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


def whole_number(raw, low=None, high=None):
    """The number `raw` spells in ASCII digits, within [low, high] when given; None otherwise."""
    if not isinstance(raw, str) or not WHOLE_NUMBER.fullmatch(raw):
        return None
    number = int(raw)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


# The largest integer a database column holds: SQLite's integers and PostgreSQL's
# bigint are 64 bits. Django's own lookups refuse a larger one without asking the
# database, but not through a relation (a page's `page_ptr`): SQLite then raises
# OverflowError, and `int()` refuses 4,300 digits outright.
DATABASE_INTEGER_MAX = 2**63 - 1


class Int64Converter:
    """`<int64:pk>` in a URL pattern, for every identifier or number in a path: what
    Django's `<int:...>` matches, up to DATABASE_INTEGER_MAX. A longer number matches
    no pattern, so the answer is the 404 of an address that names nothing. Registered
    once, by core/apps.py."""

    regex = f"[0-9]{{1,{len(str(DATABASE_INTEGER_MAX))}}}"

    def to_python(self, value):
        number = int(value)
        if number > DATABASE_INTEGER_MAX:
            # Django's resolver takes a ValueError for "this pattern does not match".
            raise ValueError(f"{value} is beyond the database's integers")
        return number

    def to_url(self, value):
        return str(value)
