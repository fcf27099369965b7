"""The circuit breaker: once OpenSearch has failed or timed out a few times, searches,
suggestions and exports go straight to the database for the cool-down, then one
request probes the node again.

OpenSearch is played by the hanging stand-in of test_search_failures.py."""

import threading
import time

import pytest
from opensearchpy.exceptions import ConnectionTimeout, NotFoundError, RequestError, TransportError

from cases.factories import CaseStudyPageFactory
from search import breaker
from tests.test_search_failures import stand_in

pytestmark = pytest.mark.django_db

TIMEOUT = 0.3  # seconds, the search timeout while the stand-in hangs
COOL_DOWN = 1  # seconds, in the tests that wait for it (others keep it open long enough for a busy machine)


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


def timed_search(client, **params):
    started = time.monotonic()
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200
    return response.json(), time.monotonic() - started


def test_after_three_timeouts_searches_answer_from_the_database_at_once(client, case_index, hung_node):
    CaseStudyPageFactory(parent=case_index, title="Housing cooperatives")
    for _ in range(3):
        data, seconds = timed_search(client, q="housing")
        assert data["engine"] == "database" and seconds >= TIMEOUT
    assert len(hung_node) == 3 and breaker.is_open()
    # Open: the node is not asked again (counted below), so nobody waits for its timeout.
    for _ in range(10):
        data, _seconds = timed_search(client, q="housing")
        assert data["engine"] == "database" and data["total"] == 1
    # Suggestions and exports skip the node too.
    suggested = client.get("/api/v1/suggest/", {"q": "Hous"}).json()["suggestions"]
    assert "Housing cooperatives" in [suggestion["text"] for suggestion in suggested]
    assert "Housing cooperatives" in client.get("/en/search/export.csv").getvalue().decode()
    assert len(hung_node) == 3


def test_after_the_cool_down_one_request_probes_and_a_failure_opens_it_again(client, db, hung_node, settings):
    settings.SEARCH_BREAKER_COOL_DOWN = COOL_DOWN
    for _ in range(3):
        timed_search(client)
    time.sleep(COOL_DOWN + 0.1)
    assert not breaker.is_open()
    # The re-opened breaker must outlast the probe's own fallback answer on a busy machine.
    settings.SEARCH_BREAKER_COOL_DOWN = 60
    _data, seconds = timed_search(client)
    assert len(hung_node) == 4 and seconds >= TIMEOUT  # the probe
    assert breaker.is_open()
    timed_search(client)
    assert len(hung_node) == 4


def failing(error):
    def read():
        raise error

    return read


def test_a_successful_probe_closes_the_breaker(breaker_settings):
    breaker_settings.SEARCH_BREAKER_COOL_DOWN = COOL_DOWN
    timeout = ConnectionTimeout("TIMEOUT", "read timed out", None)
    for _ in range(3):
        assert breaker.call(failing(timeout), lambda: "database") == "database"
    assert breaker.call(lambda: "opensearch", lambda: "database") == "database"
    time.sleep(COOL_DOWN + 0.1)
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"
    # Closed: failures count from zero again.
    for _ in range(2):
        breaker.call(failing(timeout), lambda: "database")
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"


REFUSED = [RequestError(400, "search_phase_execution_exception", {}), NotFoundError(404, "index_not_found", {})]


@pytest.mark.parametrize("error", REFUSED)
def test_a_query_the_node_refuses_does_not_open_it(breaker_settings, error):
    """An odd query from one visitor must not send everybody to the database."""
    for _ in range(5):
        assert breaker.call(failing(error), lambda: "database") == "database"
    assert not breaker.is_open()
    assert breaker.call(lambda: "opensearch", lambda: "database") == "opensearch"


def test_an_overloaded_node_counts(breaker_settings):
    for _ in range(3):
        breaker.call(failing(TransportError(429, "too_many_requests", {})), lambda: "database")
    assert breaker.is_open()
