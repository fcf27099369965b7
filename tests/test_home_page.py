"""The home page tells a visitor in seconds what the platform offers: live figures, the
spotlight collections, the latest cases in their language, themes and goals to browse
by, and a map of practices by city. It reads the database only, so it opens while the
search engine is down."""

import logging
import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import Locale, PageViewRestriction

from cases.models import SpotlightPage
from core.world_map import outline_path, unwrapped
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.home_page import contrast_ratio
from home.models import HomePage
from taxonomy.models import City, Spotlight, SustainableDevelopmentGoal, Theme

pytestmark = pytest.mark.django_db


def translate(page, language, title):
    version = page.copy_for_translation(Locale.objects.get(language_code=language))
    version.title = title
    version.save_revision().publish()
    return version


@pytest.fixture
def case_index():
    """The English case index, translated into French and Spanish."""
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    for language in ("fr", "es"):
        translate(index, language, "Pratiques" if language == "fr" else "Prácticas")
    return index


def city(slug):
    return City.objects.get(slug=slug)


def expert_profile(name):
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    profile = directory.add_child(
        instance=ExpertProfilePage(title=name, slug=name.lower().replace(" ", "-"), city=city("accra"))
    )
    profile.save_revision().publish()
    return profile


def spotlight_page(slug, title, **fields):
    page = SpotlightPage(title=title, slug=slug, spotlight=Spotlight.objects.get(slug=slug), **fields)
    HomePage.objects.get(locale__language_code="en").add_child(instance=page)
    page.save_revision().publish()
    return page


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_figures_count_a_case_and_its_translations_once_and_leave_out_drafts_and_private_pages(client, case_index):
    housing = CaseStudyPageFactory(parent=case_index, title="Housing cooperatives")
    translate(housing, "fr", "Coopératives de logements")
    CaseStudyPageFactory(parent=case_index, city=city("berlin"))
    CaseStudyPageFactory(parent=case_index, city=city("bogota")).unpublish()
    private = CaseStudyPageFactory(parent=case_index, city=city("seoul"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    translate(expert_profile("Amara Okafor"), "fr", "Amara Okafor")
    expert_profile("Jonas Berg").unpublish()

    # Barcelona (Spain) and Berlin (Germany): the draft and the private case add no place.
    for language in ("en", "fr"):
        values = [value.text for value in visit(client, f"/{language}/").select(".figure__value")]
        assert values == ["2", "1", "2", "2"]
    figures = visit(client, "/en/").select(".figure")
    assert [figure.get_text(" ", strip=True) for figure in figures] == [
        "2 case studies",
        "1 expert",
        "2 cities",
        "2 countries",
    ]


def test_the_latest_cases_are_the_six_newest_in_the_visitors_language(client, case_index):
    cases = [CaseStudyPageFactory(parent=case_index, title=f"Practice {number}") for number in range(7)]
    translate(cases[0], "fr", "Pratique zéro")

    def latest(language):
        return [title.get_text(strip=True) for title in visit(client, f"/{language}/").select(".case-card__title")]

    assert latest("en") == [f"Practice {number}" for number in range(6, 0, -1)]
    assert latest("fr") == ["Pratique zéro"]
    assert latest("es") == []


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_seventeen_goal_tiles_carry_number_and_name_and_lead_to_the_search(client, language):
    tiles = visit(client, f"/{language}/").select("a.goal-tile")
    goals = SustainableDevelopmentGoal.objects.all()
    assert len(tiles) == 17
    assert [
        (tile["href"], tile.select_one(".goal-tile__number").text, tile.select_one(".goal-tile__name").text)
        for tile in tiles
    ] == [(f"/{language}/search/?sdg={goal.number}", str(goal.number), goal.label_in(language)) for goal in goals]


def test_goal_tiles_write_black_or_white_as_their_colour_requires(client):
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    painted = {}
    for tile in visit(client, "/en/").select("a.goal-tile"):
        colour, ink = re.search(r"--tile-colour: (#\w{6});\s*--tile-ink: (#\w{6})", tile["style"]).groups()
        painted[int(tile.select_one(".goal-tile__number").text)] = ink
        # WCAG 2 AA for normal text.
        assert contrast_ratio(ink, colour) >= 4.5, tile.text
    assert painted[7] == "#000000"  # on the yellow of affordable and clean energy
    assert painted[17] == "#ffffff"  # on the dark blue of partnerships


def test_themes_lead_to_the_search_filtered_by_theme(client):
    links = visit(client, "/es/").select(".theme-links a")
    assert [(link.text, link["href"]) for link in links] == [
        (theme.label_in("es"), f"/es/search/?theme={theme.slug}") for theme in Theme.objects.all()
    ]
    assert len(links) == Theme.objects.count() > 0


def test_spotlight_collections_of_the_visitors_language_show_their_title_intro_and_picture(client):
    picture = wagtail_factories.ImageFactory()
    spotlight_page("covid-19", "COVID-19 responses", intro="How cities responded to the pandemic.", hero_image=picture)
    spotlight_page("care", "Local care systems", intro="Cities that care for carers.")
    cards = visit(client, "/en/").select(".spotlight-card")
    assert [(card.h3.a.text, card.p.text, card.img is not None) for card in cards] == [
        ("COVID-19 responses", "How cities responded to the pandemic.", True),
        ("Local care systems", "Cities that care for carers.", False),
    ]
    assert cards[0].img["alt"] == ""
    # The French home page has no French collection yet.
    assert visit(client, "/fr/").select(".spotlight-card") == []


def test_the_map_marks_each_city_with_cases_and_leads_to_its_city_page(client, case_index):
    housing = CaseStudyPageFactory(parent=case_index, title="Housing cooperatives")
    translate(housing, "fr", "Coopératives de logements")
    CaseStudyPageFactory(parent=case_index, title="Rainwater gardens")
    CaseStudyPageFactory(parent=case_index, city=city("berlin"))
    CaseStudyPageFactory(parent=case_index, city=city("bogota")).unpublish()
    CaseStudyPageFactory(parent=case_index, city=city("durban"))
    # An imported city may lack coordinates: it is listed, but not drawn.
    City.objects.filter(slug="durban").update(latitude=None, longitude=None)

    page = visit(client, "/en/")
    markers = page.select("svg.world-map a.world-map__marker")
    assert [(marker["href"], marker["aria-label"], marker.title.text) for marker in markers] == [
        ("/en/cities/barcelona/", "Barcelona: 2 cases", "Barcelona: 2 cases"),
        ("/en/cities/berlin/", "Berlin: 1 case", "Berlin: 1 case"),
    ]
    barcelona, berlin = (marker.circle for marker in markers)
    assert int(barcelona["r"]) > int(berlin["r"])
    # Equirectangular, in tenths of a degree from 180°W and 84°N: Barcelona is at 2.2°E, 41.4°N.
    assert (barcelona["cx"], barcelona["cy"]) == ("1822", "426")
    assert page.select_one("path.world-map__land")["d"].startswith("M")

    # The same links as a list, for keyboards and screen readers.
    assert [(link.text, link["href"]) for link in page.select(".city-list a")] == [
        ("Barcelona: 2 cases", "/en/cities/barcelona/"),
        ("Berlin: 1 case", "/en/cities/berlin/"),
        ("Durban: 1 case", "/en/cities/durban/"),
    ]
    assert not page.select_one(".city-list").has_attr("open")
    french = visit(client, "/fr/").select("a.world-map__marker")
    assert [marker["href"] for marker in french] == [
        "/fr/cities/barcelona/",
        "/fr/cities/berlin/",
    ]


def test_without_the_world_atlas_the_cities_are_listed_without_a_map(client, case_index, settings, tmp_path, caplog):
    settings.WORLD_ATLAS_DIR = tmp_path / "not-installed"
    CaseStudyPageFactory(parent=case_index)
    with caplog.at_level(logging.WARNING, logger="core.world_map"):
        page = visit(client, "/en/")
    assert page.select_one("svg") is None
    city_list = page.select_one("details.city-list")
    assert city_list.has_attr("open")
    assert [link["href"] for link in city_list.select("a")] == ["/en/cities/barcelona/"]
    assert "not-installed/land-110m.json" in caplog.text


def test_the_outline_decodes_quantized_delta_encoded_arcs_shared_between_rings():
    """A square from 10°W to 0°, 20°N to 30°N, its second half stored reversed (~1)."""
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "objects": {"land": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0, ~1]]}]}},
        "arcs": [[[0, 0], [20, 0], [0, 40]], [[0, 0], [0, 40], [20, 0]]],
    }
    square = "M1700 640l100 0 0 -100 -100 0 0 100z"
    assert outline_path(topology) == square
    # Without a transform, positions are absolute longitudes and latitudes.
    absolute = [[[-10, 20], [0, 20], [0, 30]], [[-10, 20], [-10, 30], [0, 30]]]
    assert outline_path({"type": "Topology", "objects": topology["objects"], "arcs": absolute}) == square
    # A ring crossing the antimeridian goes on past the edge (and is drawn again from the other).
    assert unwrapped([(179, 60), (-179, 61), (-178, 60)]) == [(179, 60), (181, 61), (182, 60)]


@pytest.mark.parametrize(
    ("language", "goals", "barcelona"),
    [
        ("fr", "Objectifs de développement durable", "Barcelone"),
        ("es", "Objetivos de Desarrollo Sostenible", "Barcelona"),
    ],
)
def test_the_home_page_speaks_french_and_spanish(client, case_index, language, goals, barcelona):
    translate(CaseStudyPageFactory(parent=case_index), language, "Cooperativas")
    page = visit(client, f"/{language}/")
    assert page.html["lang"] == language
    assert goals in [heading.text for heading in page.select("h2")]
    search = page.select_one("form.hero__search")
    assert search["action"] == f"/{language}/search/"
    box = search.select_one("#hero-search-q")
    assert (box["name"], box["data-ui-language"], box["aria-controls"]) == ("q", language, "search-suggestions")
    assert box["data-suggest-url"] == "/api/v1/suggest/"
    assert search.select_one("ul#search-suggestions[hidden]") is not None
    marker = page.select_one("a.world-map__marker")
    assert marker["href"] == f"/{language}/cities/barcelona/"
    assert marker.title.text in (f"{barcelona} : 1 cas", f"{barcelona}: 1 caso")  # French spaces its colons
    assert [title.get_text(strip=True) for title in page.select(".case-card__title")] == ["Cooperativas"]


def test_the_home_page_costs_a_few_queries_however_much_it_shows(client, case_index, django_assert_max_num_queries):
    """Measured on the second visit, as a running site serves it (the first one makes
    the image renditions). Eleven queries are the home page's own: private sections,
    case counts per city and those cities, cases and experts counted, spotlights and latest cases
    (each with their renditions), themes and goals; the rest serve any page (site,
    locale, language switcher, menu, the sites' root paths from the shared cache)."""

    def queries():
        assert client.get("/en/").status_code == 200
        with django_assert_max_num_queries(23) as captured:
            assert client.get("/en/").status_code == 200
        return len(captured)

    CaseStudyPageFactory(parent=case_index, hero_image=wagtail_factories.ImageFactory())
    spotlight_page("covid-19", "COVID-19 responses", intro="Responses.", hero_image=wagtail_factories.ImageFactory())
    expert_profile("Amara Okafor")
    small = queries()

    for slug in ("berlin", "bogota", "accra", "seoul", "lisbon", "montreal", "mexico-city"):
        CaseStudyPageFactory(parent=case_index, city=city(slug), hero_image=wagtail_factories.ImageFactory())
    spotlight_page("care", "Local care systems", intro="Care.", hero_image=wagtail_factories.ImageFactory())
    expert_profile("Jonas Berg")
    assert queries() == small
