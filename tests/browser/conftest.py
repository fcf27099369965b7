"""Headless Chromium from Debian, driven by Playwright's Python API.

Playwright's own browser download cannot run here, so the tests launch the system
`chromium` (installed by `make test`). The flags keep Chromium from reaching for
Google's services, which a closed network refuses.

Every test's page fails on a Content-Security-Policy violation, whatever the test
was about: a script, style or request the policy blocks is a feature broken for
visitors (docs/security.md).
"""

import os
import shutil

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

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


# Run by Playwright before the page's own scripts, in every frame and after every
# navigation; the browser's own "Refused to ..." console line says the same, but
# not for every kind of violation.
# https://developer.mozilla.org/en-US/docs/Web/API/SecurityPolicyViolationEvent
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || "inline code"}`
        + ` in ${event.documentURI} (${event.sourceFile || "page"}:${event.lineNumber})`);
});
"""


def is_csp_violation(text):
    return text.startswith("CSP violation:") or "Content Security Policy" in text


@pytest.fixture
def csp_violations():
    """What the browser refused under the Content-Security-Policy during the test."""
    return []


@pytest.fixture
def page(chromium, csp_violations):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    browser_page = context.new_page()

    def record(message):
        if is_csp_violation(message.text):
            csp_violations.append(message.text)

    browser_page.on("console", record)
    yield browser_page
    context.close()
    assert not csp_violations, "The Content-Security-Policy blocked:\n" + "\n".join(csp_violations)


@pytest.fixture(scope="session")
def screenshot_dir():
    path = settings.VAR_DIR / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
