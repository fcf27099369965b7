"""No request makes the site answer 500: the API fuzzed from its own OpenAPI schema
by Schemathesis (every response also checked against the schema), and the search
page, the expert directory and the exports fuzzed by Hypothesis with odd query
strings (tests/fuzzing.py). A bounded sample runs here, derandomized so that CI is
repeatable; bench/fuzz_bench.py sends 100,000 requests to a running server."""

from urllib.parse import urlencode

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from search import openapi
from tests.fuzzing import MAX_PARAMETERS, ODD_VALUES, PARAMETERS, URLS

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

# The tests' fixtures (database, index, settings) hold for every example: none writes.
BOUNDED = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def fuzzed_site(catalogue, settings):
    """Indexed cases to find, and no export limit: the fuzz must reach the exports."""
    settings.EXPORTS_PER_MINUTE = 1_000_000
    return catalogue


@pytest.fixture
def wsgi_app():
    """Django's own WSGI handler, which Schemathesis calls directly. At the end of each
    request it closes the database connection, as a server should, but here that is the
    test's connection, holding the test's transaction: Django's test client keeps it
    open the same way, by not closing connections while a test runs."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# The schema the API serves at /api/v1/openapi.json (the apps have registered their types by now).
schema = schemathesis.openapi.from_dict(openapi.schema())


@schema.parametrize()
@BOUNDED
def test_the_api_answers_every_request_its_schema_allows_or_forbids(fuzzed_site, wsgi_app, case):
    # Left out: which terms and years exist is data (the schema says "string",
    # "integer"), so a schema-valid request may be refused with a 400; and an empty
    # value counts as none, as HTML forms send it, which the schema cannot say.
    # Schemathesis's WSGI client asks for gzip but, unlike an HTTP client, does not
    # unpack it; a cached answer comes compressed (tests/test_page_cache.py covers it).
    case.call_and_validate(
        app=wsgi_app,
        headers={"Accept-Encoding": "identity"},
        excluded_checks=[positive_data_acceptance, negative_data_rejection],
    )


query_strings = st.lists(
    st.tuples(
        st.sampled_from(PARAMETERS),
        st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=12), st.integers().map(str)),
    ),
    max_size=MAX_PARAMETERS,
)


@given(url=st.sampled_from([url for url in URLS if not url.startswith("/api/")]), params=query_strings)
@BOUNDED
def test_pages_and_exports_never_fail_on_a_query_string(fuzzed_site, url, params):
    response = Client().get(f"{url}?{urlencode(params)}")
    # An export is streamed: a failure would surface while it is read.
    body = response.getvalue()
    assert response.status_code < 500, (url, params, body[:500])
