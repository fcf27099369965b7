from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine on a developer's machine only; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key"  # noqa: F405
