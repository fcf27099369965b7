"""Page audit (`make audit-pages`): Lighthouse at its mobile settings (a Moto G
Power-sized screen, throttled CPU and network) on the home, search, case, city, expert,
collection and insights pages in each language, printing the four scores per page,
then axe-core's serious and critical violations on the same pages at 375 px.

Runs against a running site (`make run`; AUDIT_URL, default http://127.0.0.1:8000) and
reads the pages to audit from the same database (DATABASE_URL). Lighthouse comes from
npm (`make install`) and drives Debian's Chromium (CHROME_PATH). Figures, not
assertions; the targets (issue 27): accessibility 100, best practices and SEO 95 or
more, performance 90 or more, and no serious or critical axe violation.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from cases.models import CaseStudyPage, SpotlightPage  # noqa: E402
from core import links  # noqa: E402
from experts.models import ExpertProfilePage  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS  # noqa: E402
from tests.browser.test_accessibility import blocking_violations  # noqa: E402

BASE_URL = os.environ.get("AUDIT_URL", "http://127.0.0.1:8000").rstrip("/")
CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = settings.BASE_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def pages(language):
    """The URL of each page audited, in one language (None when the site has none)."""
    translation.activate(language)
    live = {"locale__language_code": language}
    case = CaseStudyPage.objects.live().public().filter(**live).exclude(city=None).order_by("-first_published_at")
    case = case.first()
    expert = ExpertProfilePage.objects.live().public().filter(**live).first()
    spotlight = SpotlightPage.objects.live().public().filter(**live).first()
    return {
        "home": f"/{language}/",
        "search": f"/{language}/search/",
        "case": case and case.url,
        "city": case and reverse("cities:city", kwargs={"slug": case.city.slug}),
        "expert": expert and expert.url,
        "collection": spotlight and spotlight.url,
        "insights": links.link("insights"),
    }


def lighthouse(url):
    """{category: score out of 100} for one page, or {"error": message}."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_FLAGS)}",
    ]
    # The command is ours: the local Lighthouse and a URL of our own site.
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROME})  # noqa: S603
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    report = json.loads(done.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `make install` (npm ci).")
    audited = [(language, name, url) for language in LANGUAGES for name, url in pages(language).items() if url]
    print(f"Lighthouse (mobile) on {BASE_URL}")
    print(f"{'page':<22} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for language, name, url in audited:
        scores = lighthouse(BASE_URL + url)
        if "error" in scores:
            print(f"{language} {name:<19} error: {scores['error']}")
        else:
            print(f"{language} {name:<19} " + " ".join(f"{scores[category]:>5}" for category in CATEGORIES))
    print("\naxe-core (WCAG 2.1 A/AA) at 375 px: serious and critical violations")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, headless=True, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 375, "height": 812})
        for language, name, url in audited:
            page.goto(BASE_URL + url)
            found = blocking_violations(page, f"{language} {name}")
            print(f"{language} {name:<19} {len(found)}" + "".join(f"\n    {line}" for line in found))
        browser.close()


if __name__ == "__main__":
    main()
