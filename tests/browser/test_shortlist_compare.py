"""An official on a laptop, then on a phone: four demo practices go on the shortlist
from their pages, side by side in the comparison (whose columns swipe on a 375 px
phone), then into the PDF dossier, whose first two pages are looked at."""

import pypdfium2
import pytest
from playwright.sync_api import expect

from cases.models import CaseStudyPage, OutcomeIndicator

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
LAPTOP = {"width": 1280, "height": 900}
# How far the comparison scrolls sideways, and how wide its first practice's column is.
SCROLL = "(element) => ({scroll: element.scrollWidth - element.clientWidth, left: element.scrollLeft})"


def shortlist_four(page, live_server):
    cases = list(CaseStudyPage.objects.live().filter(locale__language_code="en").order_by("pk")[:4])
    # The demo gives figures only where they are documented: the first practice gets one.
    if not cases[0].outcomes.exists():
        OutcomeIndicator.objects.create(
            page=cases[0], measure="Households reached", value=1200, unit="households", baseline_value=300,
            source_name="City annual report",
        )  # fmt: skip
    for case in cases:
        page.goto(f"{live_server.url}{case.url}")
        page.get_by_role("button", name="Add to my shortlist").click()
        expect(page.get_by_role("link", name="On your shortlist")).to_be_visible()
    return cases


def test_four_practices_compared_on_a_laptop_and_swiped_on_a_phone(demo, live_server, page, screenshot_dir):
    cases = shortlist_four(page, live_server)
    page.goto(f"{live_server.url}/en/shortlist/")
    for case in cases:
        page.get_by_role("checkbox", name=f"Compare {case.title}").check()
    page.get_by_role("button", name="Compare the practices ticked (2 to 4)").click()
    table = page.locator(".compare__table")
    expect(table.locator("thead th")).to_have_count(4)
    expect(table.get_by_role("rowheader", name="Outcome indicators")).to_be_visible()
    page.screenshot(path=screenshot_dir / "compare-1280.png", full_page=True)
    scroller = page.locator(".compare__scroller")
    assert scroller.evaluate(SCROLL)["scroll"] <= 1  # four columns fit a laptop

    page.set_viewport_size(PHONE)
    page.reload()
    expect(page.get_by_text("On a phone, swipe sideways to see the next practice.")).to_be_visible()
    assert scroller.evaluate(SCROLL)["scroll"] > 600  # the other three columns wait to the right
    # The row names stay in view; a swipe of more than half a column snaps to the next one.
    first_column = table.locator("thead th").nth(0).bounding_box()
    scroller.evaluate("(element) => element.scrollBy({left: 150})")
    page.wait_for_function(
        "() => document.querySelector('.compare__scroller').scrollLeft > 200", timeout=5000
    )  # snapped on to the second column, past where the swipe stopped
    assert table.get_by_role("rowheader", name="Budget").bounding_box()["x"] >= 0
    assert first_column["width"] > 200
    page.screenshot(path=screenshot_dir / "compare-375.png")
    page.screenshot(path=screenshot_dir / "compare-375-full.png", full_page=True)

    # The dossier of the comparison: its first two pages, as a reader sees them.
    page.set_viewport_size(LAPTOP)
    with page.expect_download() as download_info:
        page.evaluate(
            "(href) => { const a = document.createElement('a'); a.href = href; a.download = 'dossier.pdf';"
            " document.body.append(a); a.click(); }",
            page.get_by_role("link", name="Dossier (PDF)").get_attribute("href"),
        )
    path = download_info.value.path()
    document = pypdfium2.PdfDocument(path)
    assert len(document) >= 5  # a cover and a page per practice
    for number in range(2):
        document[number].render(scale=1.5).to_pil().save(screenshot_dir / f"dossier-page-{number + 1}.png")
    text = " ".join(document[1].get_textpage().get_text_range().split())
    assert cases[0].title in text and "Outcome indicators" in text
