"""The test settings with a fourth language, Portuguese, added as docs/languages.md
says: configuration and a catalogue, no code. tests/test_fourth_language.py runs its
stories in a process started with these settings."""

from usesite.settings.test import *  # noqa: F403

LANGUAGES = [*LANGUAGES, ("pt", "Português")]  # noqa: F405
WAGTAIL_CONTENT_LANGUAGES = named_in_the_visitors_language(LANGUAGES)  # noqa: F405
# The interface catalogue: a stub of a few strings (compiled by the launching test).
LOCALE_PATHS = [*LOCALE_PATHS, BASE_DIR / "tests" / "fourth_language"]  # noqa: F405
# A test database of its own beside the launching run's (on SQLite each process has its own file).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_pt"}  # noqa: F405
