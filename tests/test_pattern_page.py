"""The design system's pattern page (/<lang>/patterns/) shows staff every component
with the site's own stylesheet; to anyone else it does not exist."""

import pytest
from bs4 import BeautifulSoup

from demo.factories import CaseStudyPageFactory
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_staff_see_every_component_and_others_get_a_404(client, case_index):
    for number in range(6):
        CaseStudyPageFactory(parent=case_index, title=f"Practice {number}")
    assert client.get("/en/patterns/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/en/patterns/").status_code == 404

    client.force_login(SuperUserFactory())
    response = client.get("/en/patterns/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    headings = [heading.text for heading in page.select("main h2")]
    assert headings == [
        "Type", "Colour", "Space", "Buttons and chips", "Form controls", "Tabs", "Notices",
        "Cards in grids that never orphan", "Menu",
    ]  # fmt: skip
    # 6 cards read 3 + 3 and 2 cards fill a row of 2: never a fixed row of 4.
    grids = {len(grid.select(".case-card")): grid["class"] for grid in page.select(".grid")}
    assert grids == {
        2: ["grid", "grid--max-2"],
        3: ["grid", "grid--max-3"],
        5: ["grid", "grid--max-3"],
        6: ["grid", "grid--max-3"],
    }
    assert page.select_one("select.select")
