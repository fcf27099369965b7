"""The vocabularies kept in memory: every search, facet and suggestion reads them, and
they change rarely. Each process keeps its own copy for a short while; a change saved
in this process clears it at once (taxonomy/apps.py), one saved in another process
shows after at most VOCABULARY_TTL seconds."""

import time

from .text import folded

VOCABULARY_TTL = 60
_cache = {}


def cached(key, load):
    expires, value = _cache.get(key, (0, None))
    if expires < time.monotonic():
        value = load()
        _cache[key] = (time.monotonic() + VOCABULARY_TTL, value)
    return value


def terms_by_key(model, lookup):
    """{slug (or number, code...): term} of one vocabulary."""
    return cached((model, lookup), lambda: {getattr(term, lookup): term for term in model.objects.all()})


def folded_labels(model, language):
    """[(folded label, label, term)] of one vocabulary in one language, for matching typed text."""

    def load():
        return [(folded(term.label_in(language)), term.label_in(language), term) for term in model.objects.all()]

    return cached((model, "folded", language), load)


def forget(key):
    """Drop one cached value: its source changed in this process."""
    _cache.pop(key, None)


def forget_vocabularies(**kwargs):
    """Drop every cached vocabulary (also a signal receiver, hence **kwargs)."""
    _cache.clear()
