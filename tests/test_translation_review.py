"""A translation is a draft that a moderator publishes, and a half-translated page
says so: its untranslated texts keep their language and a notice tells the reader."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from cases.factories import CaseStudyPageFactory

from .factories import UserFactory
from .test_content_translation import translate

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def start_translation(client, case, french):
    submit = reverse("wagtail_localize:submit_page_translation", args=[case.id])
    assert client.post(submit, {"locales": [french.id]}).status_code == 302
    return Translation.objects.get(source__object_id=case.translation_key, target_locale=french)


def approve(page, moderator):
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")


def test_translating_a_live_case_makes_a_draft_that_only_a_moderator_publishes(
    client, editor, moderator, housing_case, french, django_capture_on_commit_callbacks
):
    translation = start_translation(client, housing_case, french)
    version = housing_case.get_translation(french)
    assert not version.live  # not published at once, as wagtail-localize would
    assert client.get(version.url).status_code == 404

    translate(client, translation, "Housing cooperatives", "Coopératives de logements")
    response = client.post(reverse("submit_translation_for_review", args=[translation.id]), follow=True)
    assert "waits for a moderator" in response.content.decode()
    version.refresh_from_db()
    assert not version.live
    assert version.current_workflow_state.status == "in_progress"
    assert version.get_latest_revision_as_object().title == "Coopératives de logements"

    with django_capture_on_commit_callbacks(execute=True):
        approve(version, moderator)
    version.refresh_from_db()
    assert version.live and version.title == "Coopératives de logements"


def test_an_editor_updating_translations_sends_them_for_review_instead_of_publishing(
    client, editor, moderator, housing_case, french, django_capture_on_commit_callbacks
):
    translation = start_translation(client, housing_case, french)
    translate(client, translation, "Housing cooperatives", "Coopératives de logements")
    version = housing_case.get_translation(french)
    housing_case.title = "Housing cooperatives and co-ops"
    housing_case.save_revision().publish()
    source = TranslationSource.objects.get(object_id=housing_case.translation_key)

    update = reverse("wagtail_localize:update_translations", args=[source.id])
    response = client.post(update, {"publish_translations": "on"}, follow=True)
    assert "Only a moderator publishes them" in response.content.decode()
    version.refresh_from_db()
    assert not version.live
    assert version.current_workflow_state.status == "in_progress"


def test_a_half_translated_case_marks_its_english_text_and_says_so(
    client, editor, moderator, housing_case, french, django_capture_on_commit_callbacks
):
    translation = start_translation(client, housing_case, french)
    translate(client, translation, "Housing cooperatives", "Coopératives de logements")
    client.post(reverse("submit_translation_for_review", args=[translation.id]))
    version = housing_case.get_translation(french)
    with django_capture_on_commit_callbacks(execute=True):
        approve(version, moderator)

    html = client.get(version.url).content.decode()
    assert "<h1>Coopératives de logements</h1>" in html
    assert 'lang="en" data-untranslated>Affordable homes run by their residents.</p>' in html
    assert "Certaines parties de cette page ne sont pas encore traduites" in html  # in French, as the page

    english = client.get(housing_case.url).content.decode()
    assert "not yet translated" not in english and "data-untranslated" not in english


def test_the_translations_to_do_report_lists_missing_and_unfinished_translations(client, editor, housing_case, french):
    untouched = CaseStudyPageFactory(parent=housing_case.get_parent(), title="Rainwater gardens")
    translation = start_translation(client, housing_case, french)
    translate(client, translation, "Housing cooperatives", "Coopératives de logements")
    total, done = translation.get_progress()

    html = client.get(reverse("translations_to_do")).content.decode()
    french_part = html.split('id="todo-fr"')[1].split('id="todo-es"')[0]
    assert "Rainwater gardens" in french_part and "Not translated" in french_part
    assert f"{round(100 * done / total)}% translated ({done} of {total} texts)" in french_part
    assert untouched.title in html.split('id="todo-es"')[1]
