"""Production: every secret and host comes from the environment, and the site
refuses to start when one is missing rather than run insecurely."""

import os
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Production needs the environment variable {name}.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production needs the environment variable ALLOWED_HOSTS.")
# Every absolute link (e-mails, canonical links, sitemap, feeds) starts here; the
# older name WAGTAILADMIN_BASE_URL is still read (base.py).
if not PUBLIC_BASE_URL:  # noqa: F405
    raise ImproperlyConfigured("Production needs the environment variable PUBLIC_BASE_URL.")
_public = urlsplit(PUBLIC_BASE_URL)  # noqa: F405
if _public.scheme not in ("http", "https") or not _public.hostname or _public.path not in ("", "/"):
    raise ImproperlyConfigured(
        f"PUBLIC_BASE_URL must be a scheme and host such as https://cities.example.org, not {PUBLIC_BASE_URL!r}."  # noqa: F405
    )
CSRF_TRUSTED_ORIGINS = CSRF_TRUSTED_ORIGINS or [PUBLIC_BASE_URL]  # noqa: F405
required("DATABASE_URL")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    raise ImproperlyConfigured("Production needs a PostgreSQL DATABASE_URL, not SQLite.")

# HTTPS=false only for a trial on loopback without a certificate (`make prod-up`):
# `check --deploy` then warns about each protection it turns off.
HTTPS = os.environ.get("HTTPS", "true").strip().lower() != "false"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
# A probe on the app server's own port speaks plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
# Moderators and administrators open the admin only with a second factor
# (editorial/admin_login.py): a stolen password alone publishes nothing.
ADMIN_REQUIRE_MFA = True
X_FRAME_OPTIONS = "DENY"

# The application serves its own static files, compressed (gzip and Brotli when
# available) and under content-hashed names, so browsers may cache them for ever.
# Right after SecurityMiddleware, as WhiteNoise asks; the security-header middleware
# before it still marks static files.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],  # noqa: F405
]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}  # noqa: F405
# Documents and unreviewed uploads pass the app's checks (core/private_media.py), then
# nginx sends the file from its internal /media/ locations (deploy/nginx), not Python.
SENDFILE_BACKEND = "django_sendfile.backends.nginx"
SENDFILE_ROOT = str(MEDIA_ROOT)  # noqa: F405
SENDFILE_URL = "/media"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")


def sender(name, value):
    """An address that mail servers and readers accept as a sender: base.py's default
    (noreply@localhost) would go out as it is, and be marked as spam or bounced."""
    domain = parseaddr(value)[1].rpartition("@")[2].lower().rstrip(".")
    if "." not in domain or domain == "localhost.localdomain" or domain.endswith(".localhost"):
        raise ImproperlyConfigured(
            f"Production needs the environment variable {name}: the sender of the site's e-mails at the "
            f'site\'s own domain, such as "Cities Exchange <noreply@cities.example.org>", not {value!r}.'
        )
    return value


DEFAULT_FROM_EMAIL = sender("DEFAULT_FROM_EMAIL", os.environ.get("DEFAULT_FROM_EMAIL", ""))
# The sender of the error reports Django mails to ADMINS; the site's sender unless set.
SERVER_EMAIL = sender("SERVER_EMAIL", os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL)

# One JSON object per log line (time, level, logger, message, and the exception), which
# the journal or a log collector can search by field; python-json-logger is the
# maintained formatter for this. https://nhairs.github.io/python-json-logger/
LOGGING["formatters"] = {  # noqa: F405
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }
}
LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405
