"""A number in a query string is ASCII digits, and short: "²", "①" and "٣" pass
`str.isdigit()` but are not numbers the site knows, and `int()` refuses more than
4,300 digits. The API says which parameter is wrong; pages drop it and answer."""

import pytest

from core.numbers import whole_number
from search import service

pytestmark = pytest.mark.django_db

ODD_NUMBERS = ["²", "①", "٣", "\uff11", "1_000", " 1", "1\n", "+1", "-1", "1.0", "9" * 5000]


@pytest.mark.parametrize("raw", ODD_NUMBERS)
def test_only_short_ascii_digits_make_a_number(raw):
    assert whole_number(raw) is None


def test_a_number_within_its_bounds():
    assert whole_number("0042") == 42
    assert whole_number("2020", 1900, 2030) == 2020
    assert whole_number("1899", 1900, 2030) is None
    assert whole_number("1" * 10) is None


@pytest.fixture
def no_engine(settings):
    """Nothing listens there: the answers come from the database, without the node."""
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"


@pytest.mark.parametrize("parameter", ["page", "page_size", "sdg", "year_from", "year_to"])
@pytest.mark.parametrize("raw", ["²", "٣", "9" * 5000])
def test_the_api_names_the_parameter_it_cannot_read(client, no_engine, parameter, raw):
    response = client.get("/api/v1/search/", {parameter: raw})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


@pytest.mark.parametrize(
    "url",
    [
        "/en/search/?year_to=%C2%B2&page=%D9%A3",
        "/en/search/?sdg=%E2%91%A0&q=housing",
        "/en/experts/?sdg=%C2%B2&page=%C2%B2",
        f"/fr/search/?page={'9' * 5000}",
        "/en/search/export.csv?page=%C2%B2&sdg=%C2%B2&year_from=%C2%B2",
        f"/en/search/export.json?page_size={'9' * 5000}",
    ],
)
def test_pages_and_exports_drop_what_they_cannot_read(client, no_engine, url):
    assert client.get(url).status_code == 200


def test_an_unexpected_failure_in_the_api_answers_json(client, no_engine, monkeypatch):
    def broken(_request):
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setattr(service, "search", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/search/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": {"message": "Internal server error"}}
    page = client.get("/en/search/")
    assert page.status_code == 500 and "text/html" in page["Content-Type"]
