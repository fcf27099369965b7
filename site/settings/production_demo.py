"""Production settings with the dev-only demo app, for one command: the loopback trial
of the production layout (`make prod-up`, deploy/loopback.py) fills its database with
`load_demo`. Its servers run usesite.settings.production, which has no demo app."""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
