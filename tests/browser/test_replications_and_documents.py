"""A city official sees how a practice travelled (the chain and its map, on each case
of it, in each language) and finds a practice by the words of its terms of reference."""

import pytest
from playwright.sync_api import expect

from demo.documents import attach_document
from demo.factories import CaseStudyPageFactory
from demo.replications import chain
from taxonomy.models import City
from tests.browser.test_maps import look

pytestmark = [pytest.mark.browser, pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]

TRANSFER = {"en": "Transfer between cities", "fr": "Transfert entre villes", "es": "Transferencia entre ciudades"}
FOUND_IN = {"en": "Found in: Terms of reference, p. 2", "fr": "Trouvé dans : Cahier des charges, p. 2"}


def test_the_chain_of_a_practice_and_a_document_found_by_its_words(
    site_skeleton, case_indexes, apply_index_changes, live_server, page, csp_violations, screenshot_dir
):
    barcelona = CaseStudyPageFactory(parent=case_indexes["en"], title="Superblocks")
    paris = CaseStudyPageFactory(
        parent=case_indexes["fr"], title="Rues aux écoles", city=City.objects.get(slug="greater-paris")
    )
    bogota = CaseStudyPageFactory(
        parent=case_indexes["es"], title="Supermanzanas de Bogotá", city=City.objects.get(slug="bogota")
    )
    chain(barcelona, paris, bogota, note="Streets closed to through traffic.")
    attach_document(barcelona, "Superblock design brief", "terms-of-reference", ["Scope.", "Tactical urbanism kit."])
    apply_index_changes()

    problems = []
    for language, case in (("en", barcelona), ("fr", paris), ("es", bogota)):
        page.goto(f"{live_server.url}{case.url}")
        spread = page.get_by_role("group", name=TRANSFER[language])
        expect(spread).to_be_visible()
        assert spread.locator(".world-map__route").count() == 2
        assert spread.get_by_role("link").count() == 3
        look(page, screenshot_dir, f"replication-chain-{language}", problems)

    for language in FOUND_IN:
        page.goto(f"{live_server.url}/{language}/search/?q=tactical+urbanism")
        expect(page.get_by_text(FOUND_IN[language])).to_be_visible()
        # Found by its file, it comes before the related cases in the visitor's language.
        expect(page.locator(".result__title").first).to_have_text("Superblocks")
        look(page, screenshot_dir, f"found-in-document-{language}", problems)
    assert not problems, "\n".join(problems)
    assert not csp_violations, "The Content-Security-Policy blocked:\n" + "\n".join(csp_violations)
