from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine on a developer's machine only; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key"  # noqa: F405
# Demo content, the `load_demo` and `relevance` commands and the judged relevance sets:
# development only, production's INSTALLED_APPS (base.py) leave them out.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
