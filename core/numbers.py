"""Whole numbers read from a request, strictly.

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
