"""System check: every configured language has a text analyzer (search/analysis.py).

An error: without one the index cannot be built with a field for that language, and
a search in it would find nothing written in it. Start-up stops until the language is
one of LANGUAGE_RULES (or tuned by hand) or removed from settings.LANGUAGES.
"""

from django.core import checks

from .analysis import LANGUAGE_RULES, content_languages, has_analyzer


def language_analyzers(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"The language {code!r} of settings.LANGUAGES has no search analyzer.",
            hint=f"Use one of {', '.join(sorted(LANGUAGE_RULES))} or add its OpenSearch stop list and stemmer "
            "to search.analysis.LANGUAGE_RULES (docs/languages.md).",
            id="search.E001",
        )
        for code in content_languages()
        if not has_analyzer(code)
    ]
