"""An editor writes a case, a moderator approves it, and visitors find it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from cases.models import CaseStudyPage, SpotlightPage
from demo.factories import CaseIndexPageFactory
from home.models import HomePage
from taxonomy.models import City, Spotlight, SustainableDevelopmentGoal, Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.opensearch
def test_an_approved_case_appears_on_the_index_in_its_spotlight_and_in_search(client, apply_index_changes):
    home = HomePage.objects.get(locale__language_code="en")
    case_index = CaseIndexPageFactory(parent=home)
    spotlight = home.add_child(
        instance=SpotlightPage(
            title="Cities for Global Health", intro="COVID-19.", spotlight=Spotlight.objects.get(slug="covid-19")
        )
    )
    editor, moderator = member_of("Editors"), member_of("Moderators")

    case = case_index.add_child(
        instance=CaseStudyPage(
            title="Neighbourhood vaccination buses",
            summary="Mobile clinics reached every district.",
            city=City.objects.get(slug="bogota"),
            live=False,
        )
    )
    case.themes.set([Theme.objects.get(slug="cohesive-metropolises")])
    case.sdgs.set([SustainableDevelopmentGoal.objects.get(number=3)])
    case.spotlights.set([Spotlight.objects.get(slug="covid-19")])
    case.save_revision(user=editor)

    assert case.permissions_for_user(editor).can_edit()
    assert not case.permissions_for_user(editor).can_publish()
    workflow = case.get_workflow()
    assert workflow == Workflow.objects.get(name="Editorial review")
    state = workflow.start(case, editor)
    task_state = state.current_task_state
    assert [name for name, _label, _modal in task_state.task.specific.get_actions(case, editor)] == []
    assert "approve" in [name for name, _label, _modal in task_state.task.specific.get_actions(case, moderator)]
    assert "Neighbourhood vaccination buses" not in client.get(case_index.url).content.decode()
    apply_index_changes()
    assert client.get("/api/v1/search/", {"q": "vaccination"}).json()["total"] == 0

    task_state.task.specific.on_action(task_state, moderator, "approve")

    case.refresh_from_db()
    assert case.live
    assert "Neighbourhood vaccination buses" in client.get(case_index.url).content.decode()
    assert spotlight.key_figures()["cases"] == 1
    apply_index_changes()
    found = client.get("/api/v1/search/", {"q": "vaccination buses", "spotlight": "covid-19"}).json()
    assert found["engine"] == "opensearch"
    assert [result["title"] for result in found["results"]] == ["Neighbourhood vaccination buses"]


def test_editors_and_moderators_can_use_the_admin_and_its_vocabularies(client):
    editor = member_of("Editors")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/taxonomy/city/").status_code == 200
    city = City.objects.get(slug="bogota")
    assert client.get(f"/admin/snippets/taxonomy/city/edit/{city.pk}/").status_code in (302, 403)

    client.force_login(member_of("Moderators"))
    assert client.get(f"/admin/snippets/taxonomy/city/edit/{city.pk}/").status_code == 200
