from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine on a developer's machine only; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key"  # noqa: F405
# Demo content, the `load_demo` and `relevance` commands and the judged relevance sets:
# development only, production's INSTALLED_APPS (base.py) leave them out.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# Every e-mail's links and the admin's start from one address (core/public_url.py):
# where `make run` serves, unless PUBLIC_BASE_URL says otherwise.
PUBLIC_BASE_URL = PUBLIC_BASE_URL or "http://127.0.0.1:8000"  # noqa: F405
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
