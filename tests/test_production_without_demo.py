"""A production install runs without the dev-only demo app: its settings do not install
it, the site imports none of it (nor factory-boy, which only the demo and the tests use),
and its commands are not there. The loopback trial of the production layout adds it for
its one `load_demo` (deploy/loopback.py)."""

import ast
import json
from pathlib import Path

from django.conf import settings

from tests.test_production_settings import COMPLETE_ENVIRONMENT, manage

# Run by `manage.py shell` with the production settings: every URL pattern resolved (which
# imports every view), every Wagtail hook and management command found, every module of
# the project's apps and the WSGI application imported, and the deploy checks passed.
WHOLE_SITE = """
import importlib, json, pkgutil, sys
from pathlib import Path
from django.apps import apps
from django.conf import settings
from django.core.management import call_command, get_commands
from django.urls import get_resolver
from wagtail import hooks

def resolve(resolver):
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            resolve(pattern)

resolve(get_resolver())
hooks.search_for_hooks()
commands = get_commands()
ours = [config for config in apps.get_app_configs() if Path(config.path).parent == settings.BASE_DIR]
for config in ours:
    for module in pkgutil.walk_packages([config.path], f"{config.name}."):
        importlib.import_module(module.name)
importlib.import_module("usesite.wsgi")
call_command("check", deploy=True, fail_level="WARNING", verbosity=0)
print(json.dumps({
    "apps": [config.name for config in ours],
    "commands": sorted(commands),
    "modules": sorted(name for name in sys.modules if name.split(".")[0] in ("demo", "factory", "wagtail_factories")),
}))
"""


def run_whole_site(settings_module):
    result = manage(
        "shell", "-v", "0", "-c", WHOLE_SITE, **{**COMPLETE_ENVIRONMENT, "DJANGO_SETTINGS_MODULE": settings_module}
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_production_runs_its_whole_site_without_the_demo_app():
    site = run_whole_site("usesite.settings.production")
    assert "cases" in site["apps"] and "home" in site["apps"]
    assert "demo" not in site["apps"]
    assert site["modules"] == []
    assert "setup_site" in site["commands"]
    assert "load_demo" not in site["commands"] and "relevance" not in site["commands"]


def test_the_loopback_trial_adds_the_demo_app_for_loading_its_demo():
    site = run_whole_site("usesite.settings.production_demo")
    assert "demo" in site["apps"]
    assert "load_demo" in site["commands"]


def product_packages():
    """The project's Python packages bar the demo and the tests: the apps and site/."""
    base = Path(settings.BASE_DIR)
    return sorted(path.parent for path in base.glob("*/__init__.py") if path.parent.name not in ("demo", "tests"))


def test_no_product_module_imports_the_demo_even_inside_a_function():
    offenders = []
    for package in product_packages():
        for path in package.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module]
                else:
                    continue
                if any(name.split(".")[0] == "demo" for name in names):
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}")
    assert {package.name for package in product_packages()} >= {"cases", "experts", "home", "search", "site"}
    assert offenders == []
