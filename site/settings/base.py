"""Settings shared by every environment; each value that differs per machine comes
from the environment (see README.md, "Configuration")."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
# Machine-made files (SQLite database, media, OpenSearch jars and data) live here, ignored by git.
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "taxonomy",
    "core",
    "editorial",
    "home",
    "cases",
    "experts",
    "members",
    "shortlists",
    "cities",
    "insights",
    "search",
    "searchweb",
    "alerts",
    "searchstats",
    "operations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # allauth names the site and builds its e-mail links from this (setup_site fills it).
    "django.contrib.sites",
]
SITE_ID = 1

# The two security headers come first so that every response carries them, static
# files too (WhiteNoise answers those right after SecurityMiddleware in production).
MIDDLEWARE = [
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.security_headers.PerPathCSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the client's address (core/proxies.py).
    "core.proxies.TrustedProxyMiddleware",
    "core.public_url.PublicBaseURLMiddleware",
    # Around the page cache: a search answered from the cache is counted as one
    # rendered afresh (searchstats/middleware.py).
    "searchstats.middleware.SearchRecordMiddleware",
    # Once the host and scheme are settled, before anything else does work: a cached
    # page is answered here (core/page_cache.py).
    "core.page_cache.AnonymousPageCacheMiddleware",
    "searchstats.middleware.SearchRecordCarrierMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After CSRF has read the form: control characters never reach a view.
    "core.middleware.ControlCharacterMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Once the user and messages are known (editorial/admin_login.py).
    "editorial.admin_login.AdminRequiresMFAMiddleware",
    # With DEBUG only: the site's 404 page instead of Django's technical one.
    "core.middleware.FriendlyNotFoundMiddleware",
]
# Django's technical 404 page (the URL patterns tried) in development, for debugging URLs.
DEBUG_TECHNICAL_404 = os.environ.get("DEBUG_TECHNICAL_404", "") == "1"

# Our reverse proxies in front of the app servers, by address or network, and `unix`
# for nginx on the app server's Unix socket (core/proxies.py). X-Forwarded-For is read
# only from these peers; none (the default) uses the peer's address. allauth's own
# ALLAUTH_TRUSTED_PROXY_COUNT stays 0: it would read the header again, from anyone.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
if "TRUSTED_PROXY_COUNT" in os.environ:
    # A count trusted any peer, a client reaching the app server directly too; a server
    # still configured with it would silently count every client as the proxy.
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT is replaced by TRUSTED_PROXIES: the proxies' addresses or `unix` (docs/deploy.md)."
    )

ROOT_URLCONF = "usesite.urls"
WSGI_APPLICATION = "usesite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_identity",
                "members.context_processors.member_area",
                "shortlists.context_processors.shortlist",
            ],
        },
    },
]

# The embedded default is a SQLite file under the ignored var/ folder; production
# passes a PostgreSQL DATABASE_URL.
# An empty DATABASE_URL (as `DATABASE_URL= make run` leaves it) means the default too.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# SQLite serves one writer at a time. In WAL mode readers carry on beside it, and
# IMMEDIATE transactions take the write lock when they begin, so a parallel write waits
# up to the timeout (seconds) instead of failing with "database is locked" when a read
# turns into a write. https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-transaction-behavior
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every app-server process, in the project's own database (a table that
# `migrate` creates, see home/apps.py): allauth's rate limits and Wagtail's site root
# paths must agree across processes, which a per-process memory cache cannot do, and
# no extra service needs running. See docs/decisions.md, "Hardening".
# A production layout with several app servers may choose Redis instead (CACHE_URL or
# REDIS_URL, e.g. redis://127.0.0.1:6379/0): Django's own RedisCache backend, whose
# `incr` is atomic and whose reads cost no database query. See docs/decisions.md,
# "Issue 16 - production layout".
REDIS_CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_CACHE_URL}
    if REDIS_CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
        # Django's default (300) would cull rate-limit counters as soon as an attacker
        # fills the table with throwaway keys; a count stays cheap at this size.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    # Wagtail looks renditions up here first. Their keys hold the image's file hash and
    # focal point, so an entry never goes stale and each process may keep its own,
    # in memory, instead of paying a database query per picture.
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    # Anonymous visitors' pages (core/page_cache.py), shared by every process like the
    # default cache. In the database, a table of their own: a flood of distinct URLs
    # then evicts cached pages, never the rate-limit counters. In Redis, the same
    # server under another prefix: reading a page from PostgreSQL's table cost about a
    # fifth of the app's time under `make load`, and Redis's LRU eviction drops the
    # least recently used keys first, cold pages before the counters in use.
    "pages": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_CACHE_URL,
        "KEY_PREFIX": "pages",
    }
    if REDIS_CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "page_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
PAGE_CACHE_ALIAS = "pages"
# Seconds a cached page lives at most; every change it shows throws it away sooner.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# The views whose anonymous answers are cached: every Wagtail page, the search page,
# the insights, the city pages and the JSON API's searches and suggestions.
PAGE_CACHE_VIEWS = ("wagtail_serve", "search:search", "insights:insights", "cities:city", "api:search", "api:suggest")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Member accounts (django-allauth): e-mail and password, the address verified before
# the first sign-in; allauth's rate limits on login, sign-up and e-mails stay on.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Setting a password from an e-mailed link signs in: an invited expert claiming their
# account goes straight to the message waiting for them (members/invitations.py).
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_CHANGE_EMAIL = True
# The client's address comes from core/proxies.py (TRUSTED_PROXIES), and the
# counters live in the shared cache (CACHES), so every app-server process counts
# together. The `login_failed` key is the login and the client's address
# (members/accounts.py): a guesser is stopped, the owner elsewhere is not.
ACCOUNT_ADAPTER = "members.accounts.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# allauth's ACCOUNT_PREVENT_ENUMERATION (on by default) gives the same page for a
# known and an unknown address; EvenSignupForm also gives it in the same time.
ACCOUNT_FORMS = {
    "signup": "members.accounts.EvenSignupForm",
    "reset_password": "members.accounts.ClaimingResetPasswordForm",
    "reset_password_from_key": "members.accounts.ClaimingResetPasswordKeyForm",
}
LOGIN_URL = "account_login"
# Two-factor authentication (allauth's MFA): an authenticator app (TOTP) and recovery
# codes. The Wagtail admin's sign-in goes through the same stages (editorial/admin_login.py).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Moderators and administrators must set up an authenticator app before the admin
# opens; production turns it on.
ADMIN_REQUIRE_MFA = os.environ.get("ADMIN_REQUIRE_MFA", "false").strip().lower() == "true"
LOGIN_REDIRECT_URL = "members:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# Content-Security-Policy (django-csp): scripts, styles, images and requests come from
# our own origin only, and no inline script runs, so injected markup cannot execute.
# The JSON-LD block is data (type="application/ld+json"), which CSP does not govern.
# Style attributes stay allowed: the SDG and tile colours are per-element data
# (style="--sdg-colour: ..."); a style attribute cannot run script, and img-src keeps
# it from loading anything from elsewhere. https://www.w3.org/TR/CSP3/
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (core/security_headers.py): Wagtail 8's own templates still write
# inline scripts (InlinePanel, date pickers) and its editors set inline styles, so
# both are allowed there, for signed-in staff only; everything still loads from our
# origin, and the page preview is framed by the admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Permissions-Policy (django-permissions-policy): no page needs the camera, the
# microphone, the position, payments or devices, so an injected or framed script
# cannot ask for them, and the browser's interest-based advertising (Topics) is off.
# interest-cohort (FLoC) is left out: Chrome dropped it and warns about the name.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Editors' avatars would come from gravatar.com, telling it each editor's hashed
# e-mail address; Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard would ask releases.wagtail.org for the latest version on each visit;
# upgrades come through pyproject.toml instead, and connect-src stays our origin.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Languages: the interface and the content exist in English, French and Spanish. This
# list is the only one: content languages, search analyzers and fields, vocabulary
# labels, SEO locales, imports and the message catalogues all follow from it (adding a
# language: docs/languages.md). Each language is named in its own tongue; LANGUAGE_CODE
# is the source language that labels and texts fall back to.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True


def named_in_the_visitors_language(languages):
    """The same list with each language named in the language it is shown in, by
    Django's own catalogue (the admin, the language facet), for the languages Django knows."""
    return [(code, _(LANG_INFO[code]["name"]) if code in LANG_INFO else name) for code, name in languages]


WAGTAIL_CONTENT_LANGUAGES = named_in_the_visitors_language(LANGUAGES)
# Slugs are ASCII in every language ("Medellín" -> medellin), as our importers and the
# translation workflow make them (django.utils.text.slugify): the admin's title-to-slug
# script transliterates, and Page.full_clean fills an empty slug the same way.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# OpenGraph locales where a language's code is not its territory's (core/seo.py og_locale).
OG_LOCALES = {"en": "en_GB"}
# A new translation of a live page would otherwise be published at once, untranslated
# and unreviewed; it starts as a draft that goes through the editorial review
# (editorial/translation_review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# The site's own static files, and the font's files from npm (`make install` runs
# `npm ci`), published under static/fonts/: served from our origin, as the CSP wants.
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    ("fonts/source-sans-3", BASE_DIR / "node_modules" / "@fontsource-variable" / "source-sans-3" / "files"),
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Uploads in MEDIA_ROOT, a member's kept in its private/ folder until a live page shows
# them (core/private_media.py).
STORAGES = {
    "default": {"BACKEND": "core.private_media.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: the console in development, SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Where Django's file backend (django.core.mail.backends.filebased.EmailBackend) writes
# each message, one file per connection: `make prod-up` reads its e-mails there.
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cities Exchange <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL

# Public search runs on our own OpenSearch index (search/); the admin's page search
# uses Wagtail's database backend, because Wagtail's OpenSearch backend would index
# drafts and private pages with one analyzer for every language.
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "http://127.0.0.1:9200")
OPENSEARCH_INDEX_PREFIX = os.environ.get("OPENSEARCH_INDEX_PREFIX", "cities")
# Copies of each shard on other nodes, applied when an index is created (a rebuild
# applies a new value): 0 on a lone node (a replica could never be placed), 1 on a
# cluster so that losing one node loses no data and no search (docs/scaling.md).
OPENSEARCH_REPLICAS = int(os.environ.get("OPENSEARCH_REPLICAS", "0"))
# Primary shards, applied the same way. One suits a small site; a search runs on one
# core per shard, so a large index on idle cores answers sooner with more
# (docs/scaling.md, "Search at 1,000,000 documents").
OPENSEARCH_SHARDS = int(os.environ.get("OPENSEARCH_SHARDS", "1"))
OPENSEARCH_TIMEOUT = float(os.environ.get("OPENSEARCH_TIMEOUT", "5"))
# What a visitor waits for (search, suggestions, exports, similar cases) gives up
# sooner than indexing: an ordinary search takes 50 ms, the database answers instead.
OPENSEARCH_SEARCH_TIMEOUT = float(os.environ.get("OPENSEARCH_SEARCH_TIMEOUT", "1"))
# Once a read has failed or timed out, the next ones give up this soon until one
# succeeds: a hung node then costs the visitors who meet it before the breaker opens
# (and its probe) half a second each, not a whole one (search/breaker.py). Not less: a
# healthy node on a busy machine answers a long question in 300 ms.
OPENSEARCH_SUSPECT_TIMEOUT = float(os.environ.get("OPENSEARCH_SUSPECT_TIMEOUT", "0.5"))
# The circuit breaker (search/breaker.py): this many failures or timeouts within the
# window send every read to the database for the cool-down, then one request probes.
SEARCH_BREAKER_FAILURES = 3
SEARCH_BREAKER_WINDOW = 60
SEARCH_BREAKER_COOL_DOWN = 30
# Exports (searchweb/exports.py) per client address and minute; each is at most 10,000 rows.
EXPORTS_PER_MINUTE = int(os.environ.get("EXPORTS_PER_MINUTE", "10"))
# Days the anonymous search analytics are kept (searchstats/); 0 records none.
# manage.py prune_search_stats deletes older rows, daily (deploy/systemd).
SEARCH_ANALYTICS_DAYS = int(os.environ.get("SEARCH_ANALYTICS_DAYS", "90"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# On PostgreSQL that search folds accents ("energia" finds "energía") through a text
# search configuration that search's migration 0006 creates; SQLite's tokenizer folds them.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "cities_folded"

# The home page's world map is drawn from Natural Earth's outline in the npm package
# world-atlas (`make install` runs `npm ci`); without it the page shows no map.
WORLD_ATLAS_DIR = BASE_DIR / "node_modules" / "world-atlas"

# The site's identity: its name (e-mails, titles) and the address the public reaches it
# at. `setup_site` writes both into Wagtail's Site and Django's sites framework, and
# every absolute link (e-mails, canonical links, sitemap, feeds, share links) starts
# with the base URL, whatever host the request came through (a proxy, 127.0.0.1).
SITE_NAME = os.environ.get("SITE_NAME", "").strip() or "Cities Exchange"
PUBLIC_BASE_URL = (os.environ.get("PUBLIC_BASE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "").rstrip("/")
WAGTAIL_SITE_NAME = SITE_NAME
# The account's name in the member's authenticator app.
MFA_TOTP_ISSUER = SITE_NAME
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or "http://127.0.0.1:8000"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A request body over this size is refused before it is read (core/middleware.py): the
# largest upload with the form around it. A reverse proxy in front should refuse such
# bodies itself (nginx: client_max_body_size 11m) before they cross the network.
REQUEST_BODY_MAX_SIZE = 11 * 1024 * 1024
# Refuse decompression bombs: 40 megapixels is larger than any real hero photo.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# The admin's image form counts every frame of an animation against that limit too.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ImageForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per published page or finished background task drowns the progress of
    # imports and the demo load; keep their warnings only.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # opensearch-py logs every request at INFO.
        "opensearch": {"level": "WARNING"},
        # WeasyPrint logs each step of laying out a dossier at INFO (shortlists/dossier.py).
        "weasyprint": {"level": "WARNING"},
    },
}
