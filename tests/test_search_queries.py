"""What visitors and API clients get from the search, on the real OpenSearch node."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.query import MAX_RESULT_WINDOW, SearchRequest, build_body
from taxonomy.models import VOCABULARY_MODELS, City

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture(scope="module")
def catalogue(shared_catalogue):
    """Read, never changed, by this module's tests: built once."""
    return shared_catalogue


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(payload):
    return [result["title"] for result in payload["results"]]


def counts(payload, facet):
    return {item["value"]: item["count"] for item in payload["facets"][facet]}


def test_facets_combine_with_or_within_and_and_across(client, catalogue):
    everything = api(client)
    assert everything["engine"] == "opensearch" and everything["total"] == 5
    either = api(client, sdg=[3, 6])
    assert sorted(titles(either)) == ["Neighbourhood clinics", "Rainwater gardens"]
    both = api(client, sdg=[11], country=["ES"])
    assert titles(both) == ["Housing cooperatives"]
    # Each facet's counts ignore its own selection, so a visitor can widen it...
    assert counts(either, "sdg")[11] == 2 and counts(either, "sdg")[3] == 1
    # ...and obey the others.
    assert counts(both, "sdg") == {11: 1, 6: 1}  # the Spanish cases: housing (11), rainwater (6)
    assert {item["value"]: item["selected"] for item in both["facets"]["country"]}["ES"] is True


def test_each_language_is_stemmed_and_accent_folded(client, catalogue):
    assert "Coopératives de logements" in titles(api(client, q="logement", ui_language="fr"))
    assert "Coopératives de logements" in titles(api(client, q="cooperatives", ui_language="fr"))
    assert "Bicycle highways" in titles(api(client, q="bicycle highway"))
    assert "Neighbourhood clinics" in titles(api(client, q="bogota"))


@pytest.mark.parametrize("word", ["santé", "salud", "health"])
def test_taxonomy_labels_match_across_languages(client, catalogue, word):
    assert "Neighbourhood clinics" in titles(api(client, q=word, ui_language="en"))


def test_translations_are_grouped_under_the_visitors_language(client, catalogue):
    french = api(client, ui_language="fr")
    assert french["total"] == 5
    assert "Coopératives de logements" in titles(french) and "Housing cooperatives" not in titles(french)
    grouped = next(result for result in french["results"] if result["title"] == "Coopératives de logements")
    assert grouped["translations"] == [{"language": "en", "url": catalogue["housing"].url}]
    assert "Housing cooperatives" in titles(api(client, ui_language="es"))  # no Spanish version: the original
    # The language facet restricts to one language and shows every version in it.
    assert titles(api(client, ui_language="fr", language=["fr"])) == ["Coopératives de logements"]


@pytest.mark.parametrize("words", ["cooperatives", ""])
def test_a_french_visitor_sees_the_french_translation_before_its_english_original(client, catalogue, words):
    both = api(client, q=words, ui_language="fr", language=["fr", "en"])
    housing = [title for title in titles(both) if title in ("Coopératives de logements", "Housing cooperatives")]
    assert housing == ["Coopératives de logements", "Housing cooperatives"]
    assert titles(both)[0] == "Coopératives de logements"


def test_highlights_are_html_escaped(client, catalogue):
    result = next(r for r in api(client, q="graffiti tagging")["results"] if "Tagging" in r["title"])
    assert "<mark>" in result["highlight"]
    assert "<script>" not in result["highlight"] and "<b>" not in result["highlight"]
    page = client.get("/en/search/", {"q": "tagging"}).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_did_you_mean_offers_real_words(client, catalogue):
    assert api(client, q="bicycel highwys")["suggestion"] == "bicycle highways"


def test_sorting_paging_and_pages_past_the_end(client, catalogue):
    newest = api(client, sort="newest", page_size=2)
    assert len(newest["results"]) == 2 and newest["total"] == 5
    assert api(client, page=99)["results"] == []


@pytest.mark.parametrize("query", ['"unbalanced', "title:(a OR", "x" * 10_000, "🏙️ ville", "", "a AND OR NOT", "*?~^"])
def test_any_text_answers(client, catalogue, query):
    assert api(client, q=query)["engine"] == "opensearch"
    assert client.get("/fr/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"sdg": "18"}, "sdg"),
        ({"theme": "nonsense"}, "theme"),
        ({"page": "0"}, "page"),
        ({"page_size": "500"}, "page_size"),
        ({"sort": "random"}, "sort"),
        ({"ui_language": "de"}, "ui_language"),
        ({"year_from": "soon"}, "year_from"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, catalogue, params, parameter):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
    # The page keeps working and says what it ignored.
    assert client.get("/en/search/", params).status_code == 200


def test_suggestions_complete_titles_and_places(client, catalogue):
    suggestions = client.get("/api/v1/suggest/", {"q": "bicy", "ui_language": "en"}).json()["suggestions"]
    assert {"text": "Bicycle highways", "type": "case", "url": catalogue["mobility"].url} in suggestions
    places = client.get("/api/v1/suggest/", {"q": "barce", "ui_language": "fr"}).json()["suggestions"]
    assert places[0] == {"text": "Barcelone", "type": "city", "url": "/fr/search/?city=barcelona"}


def test_each_keystroke_matches_places_and_themes_without_reading_the_vocabularies_again(client, catalogue):
    client.get("/api/v1/suggest/", {"q": "bar", "ui_language": "en"})
    with CaptureQueriesContext(connection) as captured:
        places = client.get("/api/v1/suggest/", {"q": "barc", "ui_language": "en"}).json()["suggestions"]
    assert places[0]["text"] == "Barcelona"
    vocabulary_tables = {model._meta.db_table for model in VOCABULARY_MODELS}
    assert not [query["sql"] for query in captured if any(table in query["sql"] for table in vocabulary_tables)]


def test_a_renamed_city_is_suggested_under_its_new_name_at_once(client, catalogue):
    client.get("/api/v1/suggest/", {"q": "barc", "ui_language": "en"})
    city = City.objects.get(slug="barcelona")
    city.labels["en"] = "Barcelona (Catalonia)"
    city.save()
    places = client.get("/api/v1/suggest/", {"q": "barc", "ui_language": "en"}).json()["suggestions"]
    assert places[0]["text"] == "Barcelona (Catalonia)"


def test_the_openapi_schema_documents_every_parameter(client):
    schema = client.get("/api/v1/openapi.json").json()
    names = {p["name"] for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]}
    expected = {
        "q", "ui_language", "type", "theme", "topic", "sdg", "region", "country", "city", "language", "spotlight",
        "target_group", "approach", "status", "year_from", "year_to", "sort", "page", "page_size",
    }  # fmt: skip
    assert expected <= names


def test_with_opensearch_unreachable_the_database_answers(client, catalogue, settings):
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    payload = api(client, q="housing")
    assert payload["engine"] == "database"
    assert "Housing cooperatives" in titles(payload)
    assert api(client, sdg=[3])["total"] == 1
    page = client.get("/en/search/", {"q": "housing"}).content.decode()
    assert "The search engine is unavailable" in page


def test_a_page_at_the_edge_of_the_result_window_is_that_page_not_an_earlier_one():
    edge = SearchRequest(page=334, page_size=30)  # offsets 9,990 to 10,019
    body = build_body(edge)
    assert (body["from"], body["size"]) == (9990, MAX_RESULT_WINDOW - 9990)
    beyond = build_body(SearchRequest(page=400, page_size=30))
    assert beyond["size"] == 0


def test_closeness_is_rescored_over_every_result_up_to_the_page_asked_for():
    """Paging through a search of several words keeps one order: the rescore that scores
    closeness reaches past the page shown."""
    deep = build_body(SearchRequest(text="rain gardens", page=8, page_size=20))
    assert deep["rescore"]["window_size"] >= 8 * 20
    assert "sort" not in deep  # OpenSearch rescores only results sorted by score
    one_word = build_body(SearchRequest(text="gardens"))
    assert "rescore" not in one_word and one_word["sort"][0] == "_score"
    newest = build_body(SearchRequest(text="rain gardens", sort="newest"))
    assert "rescore" not in newest and newest["sort"] == [{"first_published_at": "desc"}]


def test_a_page_is_found_by_the_words_of_any_version_and_shown_in_the_visitors(client, catalogue):
    # Only the French version says "gérés par leurs habitants": an English reader finds
    # the English version, with no French fragment under its English title.
    [english] = api(client, q="gérés habitants", ui_language="en")["results"]
    assert (english["title"], english["language"], english["highlight"]) == ("Housing cooperatives", "en", None)
    # And the other way: the English title's words find the French version.
    [french] = api(client, q="housing cooperatives", ui_language="fr", type="case")["results"]
    assert (french["title"], french["language"]) == ("Coopératives de logements", "fr")
