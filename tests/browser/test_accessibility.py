"""A visitor using a screen reader, a keyboard or a phone can use every public page, in
every language: axe-core finds no serious or critical WCAG 2.1 A/AA violation, and no
page scrolls sideways on a 375 px phone or a 1280 px laptop.

axe-core comes from npm (`make install`); its rules and impact levels:
https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md
"""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from cases.models import CaseStudyPage, SpotlightPage
from experts.models import ExpertDirectoryPage, ExpertProfilePage

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

AXE_SCRIPT = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (375, 1280)
# axe rates each violation minor, moderate, serious or critical: the last two keep
# people out of a page or a task.
BLOCKING_VIOLATIONS = """
async () => {
    const results = await axe.run(document, {runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]});
    return results.violations
        .filter((violation) => ["serious", "critical"].includes(violation.impact))
        .map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(" ")),
        }));
}
"""


def public_pages(language):
    """Name and path of each kind of public page, in one language."""
    case = CaseStudyPage.objects.live().filter(locale__language_code=language).first()
    pages = {
        "home": f"/{language}/",
        # A facet ticked: the chips, the checked box and a narrower result list.
        "search": f"/{language}/search/?sdg={case.sdgs.first().number}",
        "case": case.url,
        "expert": ExpertProfilePage.objects.live().filter(locale__language_code=language).first().url,
        "directory": ExpertDirectoryPage.objects.live().get(locale__language_code=language).url,
        "spotlight": SpotlightPage.objects.live().filter(locale__language_code=language).first().url,
        "login": f"/{language}/accounts/login/",
        "signup": f"/{language}/accounts/signup/",
    }
    return pages.items()


def blocking_violations(page, where):
    """axe's serious and critical violations on the page as it is now, one line each."""
    if not page.evaluate("'axe' in window"):
        # Evaluated by the test's browser driver, which the page's CSP does not
        # govern; a <script> tag with the code inline would be refused.
        page.evaluate(AXE_SCRIPT.read_text())
    return [
        f"{where}: {violation['impact']} {violation['id']}: {violation['help']} -> {', '.join(violation['targets'])}"
        for violation in page.evaluate(BLOCKING_VIOLATIONS)
    ]


def test_public_pages_pass_axe_and_fit_the_window(demo, live_server, page, screenshot_dir):
    # Every page is checked before failing, so one run lists every problem.
    problems = []
    for language in ("en", "fr", "es"):
        for name, path in public_pages(language):
            page.goto(f"{live_server.url}{path}")
            for width in WIDTHS:
                where = f"{name} ({path}) at {width} px"
                page.set_viewport_size({"width": width, "height": 900})
                page.screenshot(path=screenshot_dir / f"a11y-{language}-{name}-{width}.png", full_page=True)
                if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    problems.append(f"{where}: the page is {wide} px wide")
                # What a phone shows (and hides) differs from a laptop: both layouts are checked.
                problems += blocking_violations(page, where)
    assert not problems, "\n".join(problems)


def test_the_search_suggestions_pass_axe_while_open(site_skeleton, catalogue, live_server, page):
    page.goto(f"{live_server.url}/en/search/")
    box = page.get_by_role("combobox", name="Search")
    suggestions = page.get_by_role("listbox", name="Suggestions")
    box.press_sequentially("bicy", delay=50)
    expect(suggestions.get_by_role("option").first).to_be_visible()
    problems = blocking_violations(page, "search with its suggestions open")
    # The arrows point the box at an option (aria-activedescendant).
    box.press("ArrowDown")
    expect(suggestions.get_by_role("option", selected=True)).to_be_visible()
    problems += blocking_violations(page, "search with a suggestion chosen")
    assert not problems, "\n".join(problems)
