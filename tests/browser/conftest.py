"""Headless Chromium from Debian, driven by Playwright's Python API.

Playwright's own browser download cannot run here, so the tests launch the system
`chromium` (installed by `make test`). The flags keep Chromium from reaching for
Google's services, which a closed network refuses.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from search import index

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    path = settings.VAR_DIR / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def demo(site_skeleton, index_prefix):
    """The demo platform, small but with every page type in every language, indexed."""
    call_command("load_demo", cases=12, experts=4, verbosity=0)
    index.rebuild()
