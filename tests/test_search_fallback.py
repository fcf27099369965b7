"""The database search that answers while OpenSearch is down: a word in any language,
typed with or without accents, finds the practices whose versions or vocabulary
labels hold it, each once, in the visitor's language where it has a version."""

import pytest
from wagtail.models import Locale

from cases.models import SpotlightPage, SpotlightSectionCase, SpotlightSectionPage
from demo.factories import CaseStudyPageFactory
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from home.models import HomePage
from search import fallback
from search.facets import SPOTLIGHT_FACETS
from search.query import SearchRequest
from taxonomy.models import City, Spotlight, Topic
from tests.test_search_failures import stand_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def water(case_indexes):
    """Water practices written in one language each, a translated one, and others."""
    indexes = case_indexes
    make = CaseStudyPageFactory
    cases = {
        "rain": make(parent=indexes["en"], title="Rainwater gardens", summary="Gardens that soak up storms.",
                     taxonomy__topic="water", taxonomy__sdgs=[6]),
        "fountains": make(parent=indexes["es"], title="Fuentes públicas de agua", summary="Beber en la calle.",
                          taxonomy__topic="water", taxonomy__sdgs=[6]),
        "rivers": make(parent=indexes["fr"], title="Rendre la rivière aux habitants", summary="Des berges ouvertes.",
                       taxonomy__topic="water", taxonomy__sdgs=[6]),
        "toilets": make(parent=indexes["en"], title="Public toilets for all", summary="Open day and night.",
                        taxonomy__topic="public-space", taxonomy__sdgs=[11]),
        "bikes": make(parent=indexes["en"], title="Bicycle highways", summary="Fast cycle routes.",
                      taxonomy__topic="sustainable-mobility", taxonomy__sdgs=[11]),
        "housing": make(parent=indexes["en"], title="Housing cooperatives", summary="Homes run by many.",
                        taxonomy__topic="housing", taxonomy__sdgs=[11]),
    }  # fmt: skip
    french = cases["bikes"].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title, french.summary = "Autoroutes cyclables", "Des pistes rapides."
    french.save_revision().publish()
    cases["bikes_fr"] = french
    return cases


def titles(text, ui_language="en", **selections):
    search = SearchRequest(text=text, ui_language=ui_language, selections=selections)
    results = fallback.run(search)
    assert results.engine == "database"
    return sorted(hit["title"] for hit in results.hits)


WATER = ["Fuentes públicas de agua", "Rainwater gardens", "Rendre la rivière aux habitants"]


def test_a_word_in_any_language_finds_the_water_practices_whatever_their_language(water):
    # "water" is in one title; the others carry the topic, labelled "Water" in English.
    assert titles("water") == WATER
    assert titles("agua", ui_language="es") == WATER
    assert titles("eau", ui_language="fr") == WATER
    # Typed with a stray accent, or without the accents of the label ("Agua", "Eau").
    assert titles("água") == WATER
    assert titles("EAU") == WATER


def test_words_of_the_text_typed_without_their_accents_still_find_it(water):
    # On PostgreSQL too, where the database search folds accents through a text search
    # configuration of its own (search migration 0006), not through Python.
    # "publicas" is also "public" by its stem (search/stemming.py), as in the English title.
    assert titles("publicas", ui_language="es") == ["Fuentes públicas de agua", "Public toilets for all"]
    assert titles("riviere habitants", ui_language="fr") == ["Rendre la rivière aux habitants"]
    assert titles("RIVIÈRE") == ["Rendre la rivière aux habitants"]


def test_a_word_only_a_vocabulary_label_holds_finds_what_is_tagged(water):
    # SDG 6: "Clean water and sanitation", "Eau propre et assainissement", "Agua limpia y saneamiento".
    assert titles("sanitation") == WATER
    assert titles("saneamiento", ui_language="fr") == WATER
    assert titles("assainissement") == WATER


def test_a_practice_shows_once_in_the_visitors_language_found_by_any_version(water):
    # The French version's words find the case; an English visitor sees it in English.
    assert titles("autoroutes") == ["Bicycle highways"]
    assert titles("autoroutes", ui_language="fr") == ["Autoroutes cyclables"]
    assert titles("highways", ui_language="fr") == ["Autoroutes cyclables"]
    # A Spanish visitor sees the cases that have no Spanish version in their original language.
    assert "Housing cooperatives" in titles("", ui_language="es")


def test_every_word_must_match_and_facets_still_narrow(water):
    assert titles("water gardens") == ["Rainwater gardens"]
    assert titles("agua fuentes", ui_language="es") == ["Fuentes públicas de agua"]
    assert titles("agua", ui_language="es", language=["fr"]) == ["Rendre la rivière aux habitants"]
    # Nothing holds both: like the engine, what holds one of them, said so.
    relaxed = fallback.run(SearchRequest(text="housing water"))
    assert relaxed.relaxed and len(relaxed.hits) == 4


def ranked(text, ui_language="en"):
    return [hit["title"] for hit in fallback.run(SearchRequest(text=text, ui_language=ui_language)).hits]


def test_the_database_reads_the_query_as_the_engine_does(water, case_indexes):
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    expert = directory.add_child(
        instance=ExpertProfilePage(
            title="Lina Ortiz", slug="lina-ortiz", city=City.objects.get(slug="bogota"), biography="<p>Builders.</p>"
        )
    )
    expert.topics = [Topic.objects.get(slug="housing")]
    expert.save_revision().publish()
    pantry = CaseStudyPageFactory(parent=case_indexes["fr"], title="Une banque alimentaire de quartier")
    # A kind of document asked for, and its subject: the expert, then the practice.
    assert ranked("housing expert")[:2] == ["Lina Ortiz", "Housing cooperatives"]
    assert ranked("experta en vivienda", ui_language="es")[0] == "Lina Ortiz"
    # Another name of a practice, from the editors' synonym sets.
    assert pantry.title in ranked("food pantries")
    # Most of the words: two of three are enough, and what holds one only is left out.
    assert ranked("housing cooperatives water") == ["Housing cooperatives"]


def test_the_api_answers_agua_from_the_database_while_opensearch_fails(client, water, settings):
    with stand_in(status=503) as (url, _received):
        settings.OPENSEARCH_URL = url
        payload = client.get("/api/v1/search/", {"q": "agua", "ui_language": "es"}).json()
    assert payload["engine"] == "database"
    assert sorted(result["title"] for result in payload["results"]) == WATER


def test_a_collections_search_from_the_database_holds_what_its_page_counts(water):
    collection = HomePage.objects.get(locale__language_code="en").add_child(
        instance=SpotlightPage(title="Cities for Global Health", intro="Responses.", spotlight=covid())
    )
    section = collection.add_child(instance=SpotlightSectionPage(title="Emergency response"))
    CaseStudyPageFactory(parent=section, title="Food parcels")  # placed in the collection, not tagged
    SpotlightSectionCase.objects.create(page=section, case=water["rain"])  # curated into it
    search = SearchRequest(ui_language="en", scope={"spotlights": "covid-19"}, facets=tuple(SPOTLIGHT_FACETS))
    found = sorted(hit["title"] for hit in fallback.run(search).hits)
    assert found == ["Food parcels", "Rainwater gardens"]
    assert collection.key_figures()["cases"] == len(found)


def covid():
    return Spotlight.objects.get(slug="covid-19")


@pytest.fixture
def inflected(case_indexes):
    """Practices whose words come in one inflection, in their own language each."""
    make = CaseStudyPageFactory
    city = City.objects.get(slug="bogota")
    return {
        "vendors": make(parent=case_indexes["es"], title="Vendedores ambulantes con licencia", city=city,
                        summary="Los mercados callejeros ordenados.", taxonomy__topic="economic-opportunity"),
        "renovated": make(parent=case_indexes["fr"], title="Des logements sociaux rénovés",
                          summary="Mille appartements isolés en cinq ans.", taxonomy__topic="housing"),
        "bikes": make(parent=case_indexes["es"], title="Bicicletas públicas compartidas",
                      summary="Estaciones en cada barrio.", taxonomy__topic="sustainable-mobility"),
        "parks": make(parent=case_indexes["en"], title="Pocket parks", summary="Small green squares.",
                      taxonomy__topic="public-space"),
    }  # fmt: skip


def test_another_inflection_of_the_words_finds_the_practice(inflected):
    # "vendedor ambulante" for "Vendedores ambulantes", in the visitor's language or not.
    assert titles("vendedor ambulante", ui_language="es") == ["Vendedores ambulantes con licencia"]
    assert titles("vendedor ambulante", ui_language="en") == ["Vendedores ambulantes con licencia"]
    # Typed without accents, singular: "logement renove" finds "logements sociaux rénovés".
    assert titles("logement renove", ui_language="fr") == ["Des logements sociaux rénovés"]


def test_a_synonym_in_another_language_finds_the_practice(inflected):
    # "vélos en libre-service" is in a starter set with "bicicleta pública" (its last
    # terms), which the Spanish practice holds in the plural.
    assert "Bicicletas públicas compartidas" in titles("vélos en libre-service", ui_language="fr")


def test_the_api_finds_inflected_words_while_opensearch_is_down_and_counts_stay_exact(client, inflected, settings):
    with stand_in(status=503) as (url, _received):
        settings.OPENSEARCH_URL = url
        found = client.get("/api/v1/search/", {"q": "vendedor", "ui_language": "en"}).json()
        elsewhere = client.get("/api/v1/search/", {"q": "vendedor", "ui_language": "en", "city": "barcelona"}).json()
    assert found["engine"] == "database"
    assert [result["title"] for result in found["results"]] == ["Vendedores ambulantes con licencia"]
    assert found["total"] == 1
    # A facet the visitor ticks still narrows, and the count says so.
    assert (elsewhere["total"], elsewhere["results"]) == (0, [])


def test_a_misspelt_word_is_read_as_the_closest_word_of_the_vocabulary(inflected):
    # "biciclta": "bicicleta", a word of the bike-sharing synonym set, found in the plural.
    assert titles("biciclta", ui_language="es") == ["Bicicletas públicas compartidas"]
    # Nothing close enough: nothing found, rather than a guess.
    assert titles("zzyzx") == []


def test_a_plain_question_lists_the_practices_before_a_profile_that_mentions_it(case_indexes):
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    directory.add_child(
        instance=ExpertProfilePage(
            title="Ana Ruiz",
            slug="ana-ruiz",
            city=City.objects.get(slug="bogota"),
            biography="<p>Cooperatives, cooperatives.</p>",
        )
    ).save_revision().publish()
    CaseStudyPageFactory(
        parent=case_indexes["en"],
        title="Homes run by their residents",
        summary="Two hundred flats in Zurich, built and run by housing cooperatives for forty years.",
    )
    # As the engine weighs them (registry: `unasked_weight`): the profile comes after.
    assert ranked("cooperatives") == ["Homes run by their residents", "Ana Ruiz"]
