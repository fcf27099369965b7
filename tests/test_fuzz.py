"""No request makes the site answer 500: the API fuzzed from its own OpenAPI schema
by Schemathesis (every response also checked against the schema), and the search
page, the expert directory, the exports and the feeds fuzzed by Hypothesis with odd
query strings (tests/fuzzing.py), and every hand-made request and file that once
answered 500. A bounded sample runs here, derandomized so that CI is repeatable;
bench/fuzz_bench.py sends 100,000 requests to a running server."""

from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from experts.models import ExpertProfilePage
from searchweb import openapi
from tests.factories import UserFactory
from tests.fuzzing import HAND_MADE_ADDRESSES, HAND_MADE_IMAGES, MAX_PARAMETERS, ODD_VALUES, PARAMETERS, URLS
from tests.test_expert_profiles import profile_form
from tests.test_messaging import expert_profile

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


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
@pytest.mark.parametrize("address", HAND_MADE_ADDRESSES, ids=lambda address: address[:60])
def test_no_hand_made_address_that_once_failed_answers_500(fuzzed_site, client, signed_in, address):
    if signed_in:
        client.force_login(UserFactory())
    response = client.get(address, follow=True)
    assert response.status_code < 500, (address[:200], response.content[:500])


def test_a_feed_searched_for_a_control_character_is_a_feed_of_everything(fuzzed_site, client):
    response = client.get("/en/search/feed/?q=%00%01")
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input
    assert feed.findall("{http://www.w3.org/2005/Atom}entry")


def test_text_pasted_with_page_breaks_is_saved_with_spaces(client, member):
    # A word processor's or a PDF's page and line breaks (form feed, vertical tab) and a
    # NUL: gone from what is stored, so no feed or sitemap built from it can fail.
    client.post("/en/members/profile/", profile_form(title="Amara\x0cOkafor", position="Director\x0bof\x00health"))
    profile = ExpertProfilePage.objects.get(owner_account=member)
    assert (profile.title, profile.position) == ("Amara Okafor", "Director of health")


def test_a_path_with_a_control_character_names_no_page(fuzzed_site, client):
    assert client.get("/en/cities/%00/").status_code == 404


def test_an_address_with_a_number_beyond_the_database_is_not_found(client):
    client.force_login(UserFactory())
    expert = expert_profile(UserFactory(email="amara.private@example.org"))
    assert client.get(f"/en/members/contact/{expert.pk}/").status_code == 200
    assert client.get("/en/members/contact/99999999999999999999/").status_code == 404
    assert client.get("/documents/" + "9" * 5000 + "/", follow=True).status_code == 404


def public_patterns(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from public_patterns(pattern, route)
        elif isinstance(pattern, URLPattern) and not route.startswith(("admin/", "^admin/")):
            yield route, pattern


def test_every_number_in_a_public_path_is_bounded_to_the_database():
    # Wagtail's password form for a private page looks both numbers up on integer
    # fields, which Django itself bounds to the database's range (no relation).
    wagtails_own = {"_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/"}
    unbounded = [
        route
        for route, pattern in public_patterns(get_resolver())
        if any(isinstance(converter, IntConverter) for converter in pattern.pattern.converters.values())
        and not route.endswith(tuple(wagtails_own))
    ]
    assert unbounded == []


@pytest.fixture
def member(client):
    user = UserFactory(email="amara.private@example.org")
    client.force_login(user)
    return user


@pytest.mark.parametrize(("name", "content"), HAND_MADE_IMAGES, ids=[name for name, _ in HAND_MADE_IMAGES])
def test_a_photo_pillow_cannot_read_is_refused_with_a_message_the_member_understands(client, member, name, content):
    response = client.post("/en/members/profile/", profile_form(photo_upload=SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(("name", "content"), HAND_MADE_IMAGES, ids=[name for name, _ in HAND_MADE_IMAGES])
def test_the_admins_image_upload_refuses_them_too(name, content):
    form = get_image_form(get_image_model())(data={"title": "Photo"}, files={"file": SimpleUploadedFile(name, content)})
    assert not form.is_valid()
    assert form.errors["file"][0].startswith("Upload a valid image")
