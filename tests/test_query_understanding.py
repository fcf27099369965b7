"""Search that understands the question: vocabulary terms written in the query, in
English, French or Spanish, find what is tagged with them, and the page offers them
as filters (issue 14)."""

import re

import pytest
from django.utils import translation

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.models import HomePage
from search.understanding import understand
from taxonomy.models import City, Region, TargetGroup, Topic

pytestmark = pytest.mark.django_db


def recognised(text):
    return [term for concept in understand(text).concepts for term in concept.terms]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("affordable housing in Latin America", [("topic", "housing"), ("region", "latin-america-caribbean")]),
        ("Amérique latine et Caraïbes", [("region", "latin-america-caribbean")]),
        ("logements à Bogota", [("topic", "housing"), ("city", "bogota")]),
        ("personnes agees", [("target_group", "older-people")]),  # accents left out
        ("PERSONAS MAYORES", [("target_group", "older-people")]),
        ("ménages à faible revenu", [("target_group", "low-income-households")]),  # plural label...
        ("low-income household", [("target_group", "low-income-households")]),  # ...singular query
        ("vida submarina", [("sdg", 14)]),
        ("SDG 11", [("sdg", 11)]),
        ("odd 3 Colombie", [("sdg", 3), ("country", "CO")]),
        ("ODS14", [("sdg", 14)]),
        ("clean energy", [("sdg", 7)]),
        ("gender equality", [("theme", "gender-equality"), ("sdg", 5)]),
        ("women", [("target_group", "women-girls")]),  # one of the things a label lists
        # Asking for a person is asking for expert profiles, in any language and gender.
        ("housing expert", [("topic", "housing"), ("type", "expert")]),
        ("experta en energía", [("type", "expert"), ("topic", "energy")]),
        ("spécialistes logement", [("type", "expert"), ("topic", "housing")]),
        # Short names visitors write: a topic's slug, a compound region's first part, a goal's number.
        ("health in Asia", [("topic", "health"), ("region", "asia-pacific")]),
        ("eau en Asie", [("topic", "water"), ("region", "asia-pacific")]),
        ("goal 6", [("sdg", 6)]),
        ("objetivo 13", [("sdg", 13)]),
    ],
)
def test_terms_are_recognised_in_any_language(text, terms):
    assert recognised(text) == terms


def test_the_words_a_term_consumed_and_function_words_are_not_left_to_match():
    assert understand("affordable homes in Latin America").words == ("affordable", "homes")
    assert understand("vivienda en la Ciudad de México").words == ()
    # Words asking for practices in general are not half of the subject...
    assert understand("mobility projects in Africa").words == ("mobility",)
    assert understand("buenas prácticas de movilidad").words == ("movilidad",)
    # ...unless they are all the query says.
    assert understand("projects").words == ("projects",)


def test_a_synonym_term_in_the_query_is_read_as_its_set_holds_it():
    # Plural, without accents, inside a longer query; "affordable housing" is a starter
    # term that reaches beyond the topic "housing", which stays recognised too.
    understood = understand("Jardines de LLUVIA")
    assert [(synonym.text, synonym.term) for synonym in understood.synonyms] == [
        ("Jardines de LLUVIA", "jardín de lluvia")
    ]
    assert understood.words == ()
    understood = understand("affordable housing in Latin America")
    assert [synonym.term for synonym in understood.synonyms] == ["affordable housing"]
    assert recognised("affordable housing in Latin America") == [
        ("topic", "housing"),
        ("region", "latin-america-caribbean"),
    ]
    assert understood.words == ()
    # A synonym term that is no more than a recognised term leaves it to the concept.
    assert understand("public health").synonyms == ()


@pytest.mark.parametrize("text", ["affordable", "la", "paz", "*?~^", "x" * 500])
def test_a_word_that_only_belongs_to_a_longer_label_names_nothing(text):
    # "Affordable and clean energy" (SDG 7), "La Paz": neither word alone names the term.
    assert recognised(text) == []


def test_a_renamed_term_is_recognised_at_once():
    region = Region.objects.get(slug="latin-america-caribbean")
    assert recognised("Amérique du Sud") == []
    region.labels["fr"] = "Amérique du Sud"
    region.save()
    assert recognised("Amérique du Sud") == [("region", "latin-america-caribbean")]


def test_terms_are_described_in_the_visitors_language():
    with translation.override("fr"):
        assert understand("housing in Latin America").described() == [
            {"facet": "topic", "value": "housing", "label": "Logement", "text": "housing"},
            {
                "facet": "region",
                "value": "latin-america-caribbean",
                "label": "Amérique latine et Caraïbes",
                "text": "Latin America",
            },
        ]


@pytest.fixture
def housing_cases(case_index, apply_index_changes):
    city = City.objects.get
    make = CaseStudyPageFactory
    cases = {
        "bogota": make(
            parent=case_index, title="Cooperative homes", city=city(slug="bogota"), taxonomy__topic="housing",
            summary="Families build their homes together.",
        ),
        "rosario": make(
            parent=case_index, title="Upgrading informal settlements", city=city(slug="rosario"),
            taxonomy__topic="housing", summary="Streets, water and titles for self-built neighbourhoods.",
        ),
        # Latin American, and tagged with "Affordable and clean energy", but not about housing.
        "quito": make(
            parent=case_index, title="Solar rooftops", city=city(slug="quito"), taxonomy__topic="energy",
            taxonomy__sdgs=[7], summary="Solar panels on public buildings.",
        ),
        "bucharest": make(
            parent=case_index, title="Affordable rental homes", city=city(slug="bucharest"),
            taxonomy__topic="housing", summary="Affordable housing for young families.",
        ),
        "jakarta": make(
            parent=case_index, title="Affordable transport passes", city=city(slug="jakarta"),
            taxonomy__topic="sustainable-mobility", summary="Cheaper buses for commuters.",
        ),
    }  # fmt: skip
    apply_index_changes()
    return cases


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(payload):
    return [result["title"] for result in payload["results"]]


@pytest.mark.opensearch
def test_housing_in_latin_america_means_housing_practices_in_that_region(client, housing_cases):
    found = titles(api(client, q="affordable housing in Latin America"))
    # The SDG 7 label's "affordable" does not lift the Latin American solar case above them.
    assert set(found[:2]) == {"Cooperative homes", "Upgrading informal settlements"}
    # The region named narrows the results: housing elsewhere is one click away...
    assert "Affordable rental homes" not in found
    everywhere = titles(api(client, q="affordable housing in Latin America", everywhere=1))
    # ...and then comes after the region's, never before.
    assert set(everywhere[:2]) == {"Cooperative homes", "Upgrading informal settlements"}
    assert "Affordable rental homes" in everywhere[2:]
    # A case that matches one part of three is not a result.
    assert "Affordable transport passes" not in everywhere


@pytest.mark.opensearch
def test_asking_for_experts_lists_them_first_then_the_practices(client, housing_cases, apply_index_changes):
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    expert = directory.add_child(
        instance=ExpertProfilePage(
            title="Lina Ortiz", slug="lina-ortiz", city=City.objects.get(slug="bogota"),
            biography="<p>Twenty years with self-builders' associations.</p>",
        )
    )  # fmt: skip
    expert.topics = [Topic.objects.get(slug="housing")]
    expert.save_revision().publish()
    apply_index_changes()
    found = titles(api(client, q="housing expert"))
    assert found[0] == "Lina Ortiz" and "Cooperative homes" in found[1:]
    # Her profile never says "cooperatives": asking for a person, one word may be missing.
    found = titles(api(client, q="housing cooperatives specialist"))
    assert found[:2] == ["Lina Ortiz", "Cooperative homes"]


@pytest.mark.opensearch
def test_the_api_says_what_it_understood(client, housing_cases):
    payload = api(client, q="Vivienda en América Latina", ui_language="en")
    assert payload["understood"] == [
        {"facet": "topic", "value": "housing", "label": "Housing", "text": "Vivienda", "applied": False},
        {
            "facet": "region",
            "value": "latin-america-caribbean",
            "label": "Latin America and the Caribbean",
            "text": "América Latina",
            "applied": True,
        },
    ]
    unapplied = api(client, q="Vivienda en América Latina", ui_language="en", everywhere=1)["understood"]
    assert [term["applied"] for term in unapplied] == [False, False]
    # Concept-only, in Spanish: the English cases tagged with both come first.
    assert set(titles(payload)[:2]) == {"Cooperative homes", "Upgrading informal settlements"}
    assert api(client, q="solar")["understood"] == []


@pytest.mark.opensearch
def test_the_page_offers_each_recognised_term_as_a_filter(client, housing_cases):
    html = client.get("/en/search/", {"q": "affordable housing in Latin America"}).content.decode()
    suggested = html.split('class="chips chips--suggested"')[1].split("</ul>")[0]
    assert "Filter by topic: Housing" in suggested
    link = re.search(r'href="\?([^"]*topic=housing)"', suggested).group(1).replace("&amp;", "&")
    # Following it ticks the topic, and the offer goes.
    narrowed = client.get(f"/en/search/?{link}").content.decode()
    assert re.search(r'name="topic"\s+value="housing"\s+checked', narrowed)
    assert "Filter by topic" not in narrowed
    french = client.get("/fr/search/", {"q": "logement en Amérique latine"}).content.decode()
    assert "Filtrer par sujet : Logement" in french


@pytest.mark.opensearch
def test_a_place_the_words_name_narrows_the_page_with_a_way_back(client, housing_cases):
    html = client.get("/en/search/", {"q": "affordable housing in Latin America"}).content.decode()
    # Ticked, said and undoable in one click; not offered as a filter any more.
    assert re.search(r'name="region"\s+value="latin-america-caribbean"\s+checked', html)
    assert "Narrowed to the place your search names: Latin America and the Caribbean." in html
    assert "Filter by region" not in html
    assert "Cooperative homes" in html and "Affordable rental homes" not in html
    back = re.search(r'href="\?([^"]*everywhere=1)">Search everywhere instead', html).group(1).replace("&amp;", "&")
    everywhere = client.get(f"/en/search/?{back}").content.decode()
    assert "Affordable rental homes" in everywhere and "Narrowed to the place" not in everywhere
    assert "Filter by region: Latin America and the Caribbean" in everywhere
    # Its chip undoes it too (removing the region alone would let the words apply it again).
    chips = html.split('<ul class="chips"')[1].split("</ul>")[0]
    assert re.search(r'href="\?[^"]*everywhere=1">\s*Latin America and the Caribbean', chips)
    french = client.get("/fr/search/", {"q": "logement en Amérique latine"}).content.decode()
    assert "Limité au lieu que nomme votre recherche\u00a0: Amérique latine et Caraïbes." in french


@pytest.mark.opensearch
def test_a_concept_only_query_finds_what_is_tagged_in_another_language(client, case_index, apply_index_changes):
    spanish = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="es"))
    CaseStudyPageFactory(
        parent=spanish, title="Centros de día", summary="Comida y compañía cada tarde.",
        taxonomy__topic="care", taxonomy__target_groups=[TargetGroup.objects.get(slug="older-people")],
    )  # fmt: skip
    CaseStudyPageFactory(
        parent=case_index, title="Coral reef nurseries", summary="Divers replant the reef.", taxonomy__sdgs=[14]
    )
    CaseStudyPageFactory(parent=case_index, title="Harbour clean-up", summary="Life below the quays.")
    apply_index_changes()
    assert titles(api(client, q="personnes âgées", ui_language="fr")) == ["Centros de día"]
    assert titles(api(client, q="vida submarina", ui_language="es"))[0] == "Coral reef nurseries"
    assert titles(api(client, q="ODS 14", ui_language="es"))[0] == "Coral reef nurseries"


@pytest.mark.opensearch
def test_precision_phrases_near_duplicates_and_typos(client, case_index, apply_index_changes):
    make = CaseStudyPageFactory
    make(parent=case_index, title="Market halls open late", summary="Stalls stay open at night for shift workers.")
    make(parent=case_index, title="Night markets", summary="Night markets revive the old town.")
    make(parent=case_index, title="Bus rapid transit", summary="Dedicated lanes for buses.")
    make(parent=case_index, title="Bus rapid transit night service", summary="Dedicated lanes, buses all night.")
    make(parent=case_index, title="Rainwater gardens", summary="Gardens that drink the storm.")
    apply_index_changes()
    # Words together as typed come first.
    assert titles(api(client, q="night markets"))[0] == "Night markets"
    # Of two near-duplicates in one city, the one matching more of the query first.
    assert titles(api(client, q="bus rapid transit at night"))[:2] == [
        "Bus rapid transit night service",
        "Bus rapid transit",
    ]
    # Two words need both: a garden is not a bus. Only when nothing holds both, what
    # holds one of them is offered, and the answer says so.
    assert api(client, q="night markets")["relaxed"] is False
    partly = api(client, q="rainwater buses")
    assert partly["relaxed"] is True
    assert set(titles(partly)) == {"Rainwater gardens", "Bus rapid transit", "Bus rapid transit night service"}
    # Typos still find.
    assert titles(api(client, q="rainwatr gardns")) == ["Rainwater gardens"]
    assert "Market halls open late" in titles(api(client, q="nigth markt"))
