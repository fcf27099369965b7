"""The circuit breaker: once OpenSearch has failed or timed out a few times, searches,
suggestions and exports go straight to the database for the cool-down, then one
request probes the node again.

OpenSearch is played by the hanging stand-in of test_search_failures.py."""

import threading

import pytest
from django.core.cache import cache
from opensearchpy.exceptions import ConnectionTimeout, NotFoundError, RequestError, TransportError

from demo.factories import CaseStudyPageFactory
from search import breaker
from search.client import client_for, search_client
from tests.test_search_failures import stand_in

pytestmark = pytest.mark.django_db

TIMEOUT = 0.3  # seconds, the search timeout while the stand-in hangs


@pytest.fixture
def breaker_settings(settings):
    settings.OPENSEARCH_SEARCH_TIMEOUT = TIMEOUT
    settings.SEARCH_BREAKER_FAILURES = 3
    settings.SEARCH_BREAKER_COOL_DOWN = 60
    return settings


@pytest.fixture
def hung_node(breaker_settings):
    """A node that accepts connections and never answers; yields the requests it received."""
    with stand_in(hang=threading.Event()) as (url, received):
        breaker_settings.OPENSEARCH_URL = url
        yield received


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200
    return response.json()


def cool_down_ends():
    """What the cache does when the cool-down's time is up (the bench measures the
    times themselves: bench/breaker_bench.py)."""
    cache.delete(breaker.OPEN)


def test_after_three_timeouts_searches_answer_from_the_database_at_once(client, case_index, hung_node):
    CaseStudyPageFactory(parent=case_index, title="Housing cooperatives")
    for _ in range(3):
        assert search(client, q="housing")["engine"] == "database"
    assert len(hung_node) == 3 and breaker.is_open()
    # Open: the node is not asked again (counted below), so nobody waits for its timeout.
    for _ in range(10):
        data = search(client, q="housing")
        assert data["engine"] == "database" and data["total"] == 1
    # Suggestions and exports skip the node too.
    suggested = client.get("/api/v1/suggest/", {"q": "Hous"}).json()["suggestions"]
    assert "Housing cooperatives" in [suggestion["text"] for suggestion in suggested]
    assert "Housing cooperatives" in client.get("/en/search/export.csv").getvalue().decode()
    assert len(hung_node) == 3


def test_after_the_cool_down_one_request_probes_and_a_failure_opens_it_again(client, db, hung_node):
    for _ in range(3):
        search(client)
    cool_down_ends()
    assert not breaker.is_open()
    search(client)
    assert len(hung_node) == 4  # the probe
    assert breaker.is_open()
    search(client)
    assert len(hung_node) == 4


def failing(error):
    def read():
        raise error

    return read


def test_a_successful_probe_closes_the_breaker(breaker_settings):
    timeout = ConnectionTimeout("TIMEOUT", "read timed out", None)
    for _ in range(3):
        assert breaker.call(failing(timeout), lambda: "database") == "database"
    assert breaker.call(lambda: "opensearch", lambda: "database") == "database"
    cool_down_ends()
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"
    # Closed: failures count from zero again.
    for _ in range(2):
        breaker.call(failing(timeout), lambda: "database")
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"


TOO_MANY_CLAUSES = {"error": {"root_cause": [{"type": "too_many_clauses"}], "type": "search_phase_execution_exception"}}
REFUSED = [
    RequestError(400, "search_phase_execution_exception", {}),
    NotFoundError(404, "index_not_found", {}),
    # OpenSearch answers 500 to a query with too many clauses: the request's fault all the same.
    TransportError(500, "search_phase_execution_exception", TOO_MANY_CLAUSES),
]


@pytest.mark.parametrize("error", REFUSED)
def test_a_query_the_node_refuses_does_not_open_it(breaker_settings, error):
    """An odd query from one visitor must not send everybody to the database."""
    for _ in range(5):
        assert breaker.call(failing(error), lambda: "database") == "database"
    assert not breaker.is_open()
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"


@pytest.mark.parametrize(
    "error",
    [
        TransportError(429, "too_many_requests", {}),
        TransportError(503, "unavailable_shards_exception", {}),
        TransportError(500, "search_phase_execution_exception", {"error": {"root_cause": [{"type": "node_closed"}]}}),
    ],
)
def test_an_overloaded_or_failing_node_counts(breaker_settings, error):
    for _ in range(3):
        breaker.call(failing(error), lambda: "database")
    assert breaker.is_open()


def test_a_refused_probe_closes_the_breaker(breaker_settings):
    """The node answered the probe, if only to refuse its query: it is back."""
    timeout = ConnectionTimeout("TIMEOUT", "read timed out", None)
    for _ in range(3):
        breaker.call(failing(timeout), lambda: "database")
    cool_down_ends()
    refused = TransportError(500, "search_phase_execution_exception", TOO_MANY_CLAUSES)
    assert breaker.call(failing(refused), lambda: "database") == "database"
    assert not breaker.is_open()
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"


def test_after_a_timeout_reads_give_up_sooner_until_one_succeeds(breaker_settings):
    """A hung node costs the few visitors who meet it before the breaker opens a
    half a second each, not the whole timeout (bench/breaker_bench.py times it)."""
    breaker_settings.OPENSEARCH_SUSPECT_TIMEOUT = 0.05
    url = breaker_settings.OPENSEARCH_URL

    def timeout_of_next_read():
        return breaker.call(search_client, lambda: None) is client_for(url, 0.05, retry_on_timeout=True)

    assert not timeout_of_next_read()
    breaker.call(failing(ConnectionTimeout("TIMEOUT", "read timed out", None)), lambda: "database")
    assert timeout_of_next_read()  # this read succeeds...
    assert not timeout_of_next_read()  # ...so the next one has the whole timeout again
