"""A `load_demo` stopped midway (here by a locked database) leaves nothing half-done:
every page it published is waiting in the index outbox."""

import pytest
from django.core.management import call_command
from django.db import OperationalError
from wagtail.models import Revision

from cases.models import CaseStudyPage
from demo.practices import read_practices
from search.models import PendingIndexChange

pytestmark = pytest.mark.django_db


def test_a_load_that_fails_midway_leaves_no_live_page_out_of_the_index(monkeypatch):
    publish = Revision.publish
    third = read_practices()[2]["slug"]

    def locked_at_the_third_case(revision, *args, **kwargs):
        if getattr(revision.content_object, "external_id", None) == third:
            raise OperationalError("database is locked")
        return publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", locked_at_the_third_case)
    with pytest.raises(OperationalError):
        call_command("load_demo", cases=5, experts=0, verbosity=0)

    live = set(CaseStudyPage.objects.live().values_list("pk", flat=True))
    assert len(live) >= 2  # the first two cases and their translations
    assert live <= set(PendingIndexChange.objects.values_list("page_id", flat=True))
    assert not CaseStudyPage.objects.filter(external_id=third).exists()
