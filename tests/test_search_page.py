"""The search box in the header: answers in the visitor's language, never fails."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_french_visitor_finds_the_french_home_page(client):
    response = client.get("/fr/search/", {"q": "pratiques villes"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 résultat pour « pratiques villes »" in html
    assert 'href="/fr/"' in html


def test_results_stay_in_the_visitors_language(client):
    html = client.get("/es/search/", {"q": "pratiques"}).content.decode()
    assert "0 resultados para «pratiques»" in html


@pytest.mark.parametrize(
    "query", ['"unbalanced', "title:(a OR", "x" * 10_000, "🏙️ ville", "   ", "<script>alert(1)</script>"]
)
def test_any_query_answers_and_is_escaped(client, query):
    response = client.get("/en/search/", {"q": query, "page": "nonsense"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
