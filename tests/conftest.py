import json
import os
import sqlite3
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation
from opensearchpy.transport import Transport
from wagtail.models import Locale

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, sync
from search.client import get_client, opensearch_hosts
from search.index import alias_name
from taxonomy.cache import forget_vocabularies
from taxonomy.models import City
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django would otherwise
# refuse the ORM calls the tests make beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def fresh_process_state():
    """The test client leaves the last request's language active in the thread, and the
    search keeps vocabularies in memory: neither may leak into the next test."""
    yield
    translation.activate("en")
    forget_vocabularies()


# The fixtures through which pytest-django opens the test database to a test.
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def uses_database(request):
    return request.node.get_closest_marker("django_db") is not None or not DATABASE_FIXTURES.isdisjoint(
        request.fixturenames
    )


def clear_caches():
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def empty_caches(request, django_db_blocker):
    """The shared cache is a table of the test database (allauth counts its rate limits
    there, Wagtail keeps renditions and site paths): a rolled-back test leaves it clean,
    but a transactional one (or a server process) commits to it, so every test that
    uses the database starts and ends with it empty. Other tests cannot reach it."""
    if not uses_database(request):
        yield
        return
    with django_db_blocker.unblock():
        clear_caches()
    yield
    with django_db_blocker.unblock():
        clear_caches()


@pytest.fixture(scope="session")
def test_node():
    """{(host, port)} of the OpenSearch test node (or cluster) the session was started against."""
    return {(host["host"], host["port"]) for host in opensearch_hosts(settings.OPENSEARCH_URL)}


@pytest.fixture(autouse=True)
def opensearch_marker_is_honest(request, test_node, monkeypatch):
    """A test that reaches the test node must say so with the `opensearch` marker:
    `-m "not opensearch"` then runs without a node, and a node-less run fails loudly
    instead of passing on the database fallback. Requests to other addresses (a
    stand-in server, a closed port) do not count."""
    reached = []
    perform_request = Transport.perform_request

    def recording(transport, method, url, *args, **kwargs):
        if any((host.get("host"), host.get("port")) in test_node for host in transport.hosts):
            reached.append(f"{method} {url}")
        return perform_request(transport, method, url, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", recording)
    yield
    if reached and request.node.get_closest_marker("opensearch") is None:
        pytest.fail(
            f"{request.node.nodeid} reached the OpenSearch test node without the `opensearch` marker "
            f"(first request: {reached[0]})",
            pytrace=False,
        )


def build_site():
    """A fresh installation: locales, vocabularies and the home page in each language."""
    call_command("setup_site", no_admin=True, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts like a fresh installation."""
    with django_db_blocker.unblock():
        build_site()


class DatabaseSnapshots:
    """Transactional tests start from an emptied database, and building the site (let
    alone the demo) again for each takes seconds. On SQLite the first build is copied
    aside with the backup API, and later tests get the copy back in milliseconds. On
    other databases, and inside a test's transaction, every test builds afresh."""

    def __init__(self):
        self.copies = {}

    def restore_or_build(self, name, build):
        connection.ensure_connection()
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            build()
        elif name in self.copies:
            self.copies[name].backup(connection.connection)
            # Row ids are the copy's again: forget what this process remembers by id.
            ContentType.objects.clear_cache()
            forget_vocabularies()
            clear_caches()
        else:
            build()
            self.copies[name] = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copies[name])


@pytest.fixture(scope="session")
def database_snapshots():
    snapshots = DatabaseSnapshots()
    yield snapshots
    for copy in snapshots.copies.values():
        copy.close()


@pytest.fixture
def site_skeleton(db, database_snapshots):
    """For transactional tests, whose database is emptied between tests."""
    database_snapshots.restore_or_build("site", build_site)


def build_demo():
    build_site()
    call_command("load_demo", cases=12, experts=4, verbosity=0)


@pytest.fixture
def demo(transactional_db, database_snapshots, index_prefix):
    """The demo platform, small but with every page type in every language, indexed
    (for transactional tests, browser tests among them)."""
    database_snapshots.restore_or_build("demo", build_demo)
    index.rebuild()


def private_prefix():
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{uuid.uuid4().hex[:10]}"


def delete_indices(client, prefix):
    client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture
def index_prefix(settings):
    """A private index prefix per test, so tests sharing the node never see each
    other's documents; its indices are deleted afterwards."""
    prefix = settings.OPENSEARCH_INDEX_PREFIX = private_prefix()
    # The node as it is now: a test may point OPENSEARCH_URL elsewhere meanwhile.
    client = get_client()
    yield prefix
    delete_indices(client, prefix)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """Content a whole module only reads, built once instead of before every test (the
    demo takes seconds to load): the module fixture that builds it runs inside a
    transaction that each test's own nests in as a savepoint, so a test still cannot
    leave anything behind, and the transaction is rolled back after the module's last
    test. The database stays open to the module's fixtures, and what they index goes
    under an index prefix of the module's own, which is yielded."""
    prefix = private_prefix()
    with override_settings(OPENSEARCH_INDEX_PREFIX=prefix), django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        client = get_client()
        try:
            yield prefix
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            delete_indices(client, prefix)


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: nothing may silently not run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if os.environ.get("CI") and reporter and reporter.stats.get("skipped") and exitstatus == 0:
        reporter.write_line("CI: skipped tests count as failures.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def case_index(db):
    """The English case index, where most tests publish their cases."""
    return CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))


@pytest.fixture
def case_indexes(case_index):
    """{language code: the case index in it}: the English one and its published translations."""
    indexes = {"en": case_index}
    for code in ("fr", "es"):
        indexes[code] = case_index.copy_for_translation(Locale.objects.get(language_code=code))
        indexes[code].save_revision().publish()
    return indexes


def index_pending_changes():
    """Apply the outbox now and make the result searchable at once (OpenSearch
    otherwise shows new documents within a second)."""
    sync.drain()
    get_client().indices.refresh(index=alias_name())


@pytest.fixture
def apply_index_changes(index_prefix):
    return index_pending_changes


@pytest.fixture
def catalogue(apply_index_changes):
    """Five English cases and a French translation, indexed."""
    return build_catalogue()


@pytest.fixture(scope="module")
def shared_catalogue(module_data):
    """The catalogue built once for a module whose tests only read it."""
    return build_catalogue()


def build_catalogue():
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    index.copy_for_translation(Locale.objects.get(language_code="fr")).save_revision().publish()
    make = CaseStudyPageFactory
    cases = {
        "housing": make(parent=index, title="Housing cooperatives", taxonomy__topic="housing", taxonomy__sdgs=[11]),
        "health": make(
            parent=index, title="Neighbourhood clinics", city=City.objects.get(slug="bogota"),
            taxonomy__topic="health", taxonomy__sdgs=[3],
        ),
        "mobility": make(
            parent=index, title="Bicycle highways", city=City.objects.get(slug="berlin"),
            taxonomy__topic="sustainable-mobility", taxonomy__sdgs=[11, 13],
        ),
        "water": make(parent=index, title="Rainwater gardens", taxonomy__topic="water", taxonomy__sdgs=[6]),
        "script": make(
            parent=index,
            title="Tagging <script>alert(1)</script> walls",
            context="<p>Graffiti &lt;b&gt; art.</p>",
            city=City.objects.get(slug="accra"),
            taxonomy__topic="public-space",
            taxonomy__sdgs=[16],
        ),
    }  # fmt: skip
    french = cases["housing"].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Coopératives de logements"
    french.summary = "Des logements abordables gérés par leurs habitants."
    french.save_revision().publish()
    cases["housing_fr"] = french
    index_pending_changes()
    return cases


@pytest.fixture
def jsonl(tmp_path):
    """Writes an import file: each argument is a record (dict) or a raw line (str)."""

    def write(*lines):
        path = tmp_path / "import.jsonl"
        path.write_text(
            "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
            encoding="utf-8",
        )
        return str(path)

    return write


@pytest.fixture
def moderator(db):
    """A member of the Moderators group, with an e-mail address for notifications."""
    user = UserFactory(email="moderator@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def housing_case(french):
    """A published English case, ready to translate: its index exists in French."""
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    index.copy_for_translation(french).save_revision().publish()
    return CaseStudyPageFactory(
        parent=index,
        title="Housing cooperatives",
        summary="Affordable homes run by their residents.",
        taxonomy__topic="housing",
        taxonomy__sdgs=[11],
        start_year=2019,
    )
