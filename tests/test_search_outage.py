"""An update made while OpenSearch is down arrives once it is back.

This test runs its own node, so that it can really stop and restart it without
disturbing the rest of the suite.
"""

import pytest
from django.utils import timezone

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from search import index, sync
from search.client import get_client
from search.local_node import LocalNode
from search.models import PendingIndexChange
from tests.test_opensearch_node import free_port

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]


@pytest.fixture
def own_node(tmp_path, settings):
    node = LocalNode(
        port=free_port(), home=tmp_path / "node", lib_dir=settings.VAR_DIR / "opensearch" / "lib", heap="512m"
    )
    node.start(say=lambda _message: None)
    settings.OPENSEARCH_URL = node.url
    yield node
    node.stop(say=lambda _message: None)


def test_changes_made_during_an_outage_arrive_after_the_restart(own_node, index_prefix):
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    before = CaseStudyPageFactory(parent=case_index, title="Published before the outage")
    assert sync.drain() > 0

    own_node.stop(say=lambda _message: None)
    during = CaseStudyPageFactory(parent=case_index, title="Published during the outage")
    assert during.live  # publishing does not need the search engine
    assert sync.drain() == 0
    waiting = PendingIndexChange.objects.filter(processed_at__isnull=True)
    assert waiting.filter(page_id=during.pk).exists()
    assert all(row.attempts == 1 and row.last_error and row.next_attempt_at > timezone.now() for row in waiting)

    own_node.start(say=lambda _message: None)
    waiting.update(next_attempt_at=timezone.now())  # the back-off has passed
    assert sync.drain() > 0
    assert sync.backlog() == 0
    get_client().indices.refresh(index=index.alias_name())
    titles = {
        hit["_source"]["title"]
        for hit in get_client().search(index=index.alias_name(), body={"query": {"match_all": {}}})["hits"]["hits"]
    }
    assert titles == {before.title, during.title}
