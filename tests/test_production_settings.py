"""Production refuses to start without what it needs, and passes Django's deploy checks."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

COMPLETE_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "usesite.settings.production",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "cities.example.org",
    "DATABASE_URL": "postgres://cities:secret@db.example.org:5432/cities",
    "PUBLIC_BASE_URL": "https://cities.example.org",
    "DEFAULT_FROM_EMAIL": "Cities Exchange <noreply@cities.example.org>",
}


def manage(*args, **environment):
    # A real server has none of the test run's variables (DJANGO_ALLOW_ASYNC_UNSAFE...).
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "PYTHONPATH") if key in os.environ}
    env.update(environment)
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False)  # noqa: S603


def test_deploy_checks_pass_without_a_single_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **COMPLETE_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "Production needs the environment variable SECRET_KEY."),
        ("ALLOWED_HOSTS", "Production needs the environment variable ALLOWED_HOSTS."),
        ("DATABASE_URL", "Production needs the environment variable DATABASE_URL."),
        ("PUBLIC_BASE_URL", "Production needs the environment variable PUBLIC_BASE_URL."),
    ],
)
def test_production_refuses_to_start_without(missing, message):
    environment = {key: value for key, value in COMPLETE_ENVIRONMENT.items() if key != missing}
    result = manage("check", **environment)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEFAULT_FROM_EMAIL", None),
        ("DEFAULT_FROM_EMAIL", "Cities Exchange <noreply@localhost>"),
        ("DEFAULT_FROM_EMAIL", "noreply@LOCALHOST."),
        ("DEFAULT_FROM_EMAIL", "noreply@mail.localhost"),
        ("DEFAULT_FROM_EMAIL", "Cities Exchange"),
        ("SERVER_EMAIL", "root@localhost"),
    ],
)
def test_production_refuses_a_sender_at_localhost_or_none(variable, value):
    environment = {key: item for key, item in COMPLETE_ENVIRONMENT.items() if key != variable}
    if value is not None:
        environment[variable] = value
    result = manage("check", **environment)
    assert result.returncode != 0
    assert f"Production needs the environment variable {variable}: the sender of the site's e-mails" in result.stderr


def test_the_site_and_its_error_reports_send_from_the_configured_address():
    show = "from django.conf import settings; print(settings.DEFAULT_FROM_EMAIL); print(settings.SERVER_EMAIL)"
    result = manage("shell", "-v", "0", "-c", show, **COMPLETE_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Cities Exchange <noreply@cities.example.org>"] * 2


def test_production_refuses_an_empty_host_list():
    result = manage("check", **{**COMPLETE_ENVIRONMENT, "ALLOWED_HOSTS": " , "})
    assert result.returncode != 0
    assert "Production needs the environment variable ALLOWED_HOSTS." in result.stderr


def test_production_refuses_sqlite():
    result = manage("check", **{**COMPLETE_ENVIRONMENT, "DATABASE_URL": "sqlite:////tmp/cities.sqlite3"})
    assert result.returncode != 0
    assert "Production needs a PostgreSQL DATABASE_URL, not SQLite." in result.stderr


def test_static_files_are_compressed_and_named_by_their_content(tmp_path):
    result = manage("collectstatic", "--no-input", "-v", "0", STATIC_ROOT=str(tmp_path), **COMPLETE_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    hashed = [path.name for path in (tmp_path / "css").glob("site.*.css")]
    assert len(hashed) == 1, hashed
    assert (tmp_path / "css" / f"{hashed[0]}.gz").exists()


def test_the_older_name_of_the_public_address_still_works():
    environment = {key: value for key, value in COMPLETE_ENVIRONMENT.items() if key != "PUBLIC_BASE_URL"}
    result = manage("check", WAGTAILADMIN_BASE_URL="https://cities.example.org", **environment)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "address", ["cities.example.org", "https://cities.example.org/fr/", "ftp://cities.example.org"]
)
def test_production_refuses_a_public_address_that_is_not_a_scheme_and_host(address):
    result = manage("check", **{**COMPLETE_ENVIRONMENT, "PUBLIC_BASE_URL": address})
    assert result.returncode != 0
    assert "PUBLIC_BASE_URL must be a scheme and host such as https://cities.example.org" in result.stderr


def test_a_loopback_trial_over_plain_http_is_warned_about():
    """HTTPS=false (make prod-up) drops the redirect, HSTS and secure cookies, and the
    deploy checks say so rather than pass silently."""
    result = manage("check", "--deploy", **{**COMPLETE_ENVIRONMENT, "HTTPS": "false"})
    assert result.returncode == 0, result.stderr
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def test_production_logs_one_json_object_per_line():
    code = "import logging; logging.getLogger('cities.test').warning('disk %s full', 'media')"
    result = manage("shell", "-c", code, **COMPLETE_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "disk" in line]
    record = json.loads(line)
    assert (record["level"], record["logger"], record["message"]) == ("WARNING", "cities.test", "disk media full")
    assert record["time"]


def test_redis_is_the_shared_cache_and_page_cache_when_configured():
    code = (
        "from django.core.cache import caches; print(*(type(caches[name]).__name__ for name in ('default', 'pages')))"
    )
    result = manage("shell", "-c", code, CACHE_URL="redis://127.0.0.1:6379/0", **COMPLETE_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "RedisCache RedisCache"


def test_the_replaced_proxy_count_is_refused_with_its_successor_named():
    result = manage("check", TRUSTED_PROXY_COUNT="1", **COMPLETE_ENVIRONMENT)
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT is replaced by TRUSTED_PROXIES" in result.stderr


def test_production_requires_a_second_factor_of_moderators_and_administrators_in_the_admin():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.ADMIN_REQUIRE_MFA)", **COMPLETE_ENVIRONMENT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "True"
