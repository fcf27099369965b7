"""Matching typed text to vocabulary labels."""

import unicodedata


def folded(text):
    """Lower case without accents, so "Bogota" finds "Bogotá"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
