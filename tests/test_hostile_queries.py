"""A visitor's long question must neither break search for everybody nor vanish: a query
of 80 words made OpenSearch refuse it (more than 1,024 clauses), the breaker took that
for a failing node, and three such requests sent every visitor to the database.

Now a query is cut to what the engine can take, the page and the API say where it
stopped, and a refusal that is the request's fault does not count against the node."""

import pytest

from search import breaker
from search.models import SynonymSet
from tests.hostile import hostile_queries

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

HOSTILE_QUERIES = 100


@pytest.fixture
def searchable(catalogue, settings):
    # A busy machine must make a search slower, not count as a hung node.
    settings.OPENSEARCH_SEARCH_TIMEOUT = 30
    return catalogue


def test_a_hundred_hostile_queries_leave_search_on_opensearch(client, searchable):
    assert SynonymSet.objects.count() > 100  # the editors' sets the migrations bring
    for number, text in enumerate(hostile_queries(HOSTILE_QUERIES)):
        if number % 2:
            response = client.get("/api/v1/search/", {"q": text})
            assert response.status_code == 200
            assert response.json()["left_out"], text
        else:
            response = client.get("/en/search/", {"q": text})
            assert response.status_code == 200
    assert not breaker.is_open()
    answer = client.get("/api/v1/search/", {"q": "housing cooperatives"}).json()
    assert answer["engine"] == "opensearch"
    assert answer["results"][0]["title"] == "Housing cooperatives"


def test_the_api_and_the_page_say_which_words_were_left_out(client, searchable):
    words = [f"cooperative{number}" for number in range(30)]
    question = "housing " + " ".join(words)
    answer = client.get("/api/v1/search/", {"q": question}).json()
    assert answer["engine"] == "opensearch"
    kept = question.removesuffix(answer["left_out"]).split()
    assert 0 < len(kept) <= 20 and answer["left_out"].split() == question.split()[len(kept) :]
    page = client.get("/en/search/", {"q": question}).content.decode()
    assert f"Your search was too long: it stopped before “{answer['left_out']}”." in page
    page = client.get("/fr/search/", {"q": question}).content.decode()
    assert "Votre recherche était trop longue" in page


def test_a_question_of_ordinary_length_is_searched_whole(client, searchable):
    answer = client.get("/api/v1/search/", {"q": "affordable housing cooperatives in Latin America"}).json()
    assert answer["left_out"] is None


def test_a_query_the_engine_refuses_as_too_large_is_cut_until_it_passes(client, searchable, monkeypatch):
    """The estimate that cuts a query before it is sent cannot see everything: what
    OpenSearch still refuses is searched by halves, never sent to the database."""
    monkeypatch.setattr("search.query.CLAUSE_BUDGET", 10**6)
    monkeypatch.setattr("search.query.MAX_QUERY_WORDS", 10**3)
    text = next(hostile_queries(1))
    answer = client.get("/api/v1/search/", {"q": text}).json()
    assert answer["engine"] == "opensearch" and answer["left_out"]
    assert " ".join(text.split()).endswith(" " + answer["left_out"])
    assert not breaker.is_open()
