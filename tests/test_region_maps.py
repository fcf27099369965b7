"""A case's and a city's map show where they are: the land, the countries' borders,
the city named beside its marker, and the practices of the cities around it, each a
link to that city's practices; cities beyond the region stay off the map."""

import pytest
from bs4 import BeautifulSoup

from core.world_map import border_lines
from demo.factories import CaseStudyPageFactory
from taxonomy.models import City

pytestmark = pytest.mark.django_db


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.opensearch  # a case page asks the search for similar practices
def test_a_case_map_shows_borders_and_the_neighbouring_cities_practices(client, case_index):
    barcelona = CaseStudyPageFactory(parent=case_index, title="Superblocks")
    CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="madrid"))
    CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="madrid"))
    CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="greater-lyon"))
    # Paris is 7° north of Barcelona: outside the region.
    CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="greater-paris"))

    for url in (barcelona.url, "/en/cities/barcelona/"):
        region = visit(client, url).select_one(".location-map svg.world-map--region")
        assert region.select_one("path.world-map__land")["d"].startswith("M")
        # Spain's borders with France and Andorra cross the region.
        assert region.select_one("path.world-map__borders")["d"].startswith("M")
        own = region.select("a.world-map__marker:not(.world-map__marker--neighbour)")
        assert [(link["href"], link.select_one("text").text) for link in own] == [
            ("/en/search/?city=barcelona&type=case", "Barcelona")
        ]
        neighbours = {link["aria-label"]: link["href"] for link in region.select("a.world-map__marker--neighbour")}
        assert neighbours == {
            "Greater Lyon: 1 practice": "/en/search/?city=greater-lyon&type=case",
            "Madrid: 2 practices": "/en/search/?city=madrid&type=case",
        }


def test_borders_are_the_arcs_two_countries_share():
    """Two squares side by side share one edge: that edge is the border, the coasts are not."""
    topology = {
        "type": "Topology",
        "arcs": [[[0, 0], [0, 1]], [[0, 1], [-1, 1], [-1, 0], [0, 0]], [[0, 0], [1, 0], [1, 1], [0, 1]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0, 1]]}, {"type": "Polygon", "arcs": [[~0, 2]]}],
            }
        },
    }
    assert border_lines(topology) == [[(0, 0), (0, 1)]]
