import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The test node runs on its own port (see Makefile: make test); every test gets its
# own index prefix on top of this one (tests/conftest.py).
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "http://127.0.0.1:9250")
OPENSEARCH_INDEX_PREFIX = os.environ.get("OPENSEARCH_INDEX_PREFIX", "test")
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# The demo app (dev-only, as in dev.py): the factories and `load_demo` the tests build with.
# A page type only the tests know, registered with the search by its own app (tests/test_search_registry.py).
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "tests.testapp"]  # noqa: F405
# On SQLite the tests use a file, as `make run` does, not Django's in-memory default:
# only a file has WAL mode, and only there do parallel requests meet the locking they
# meet in production. One file per test process, removed at the end of the session.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
