"""A translation is a draft that a moderator publishes, and a half-translated page
says so: its untranslated texts keep their language and a notice tells the reader."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from cases.models import CaseStudyPage
from demo.factories import CaseStudyPageFactory
from editorial.translation_review import translations_to_do
from experts.models import ExpertDirectoryPage, ExpertProfilePage
from taxonomy.models import City

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
    assert "“Coopératives de logements” in French waits for a moderator" in response.content.decode()
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


def published_translation(client, case, french, moderator, capture_on_commit):
    """The case's French version with its title translated, submitted and approved."""
    translation = start_translation(client, case, french)
    translate(client, translation, "Housing cooperatives", "Coopératives de logements")
    client.post(reverse("submit_translation_for_review", args=[translation.id]))
    version = case.get_translation(french)
    with capture_on_commit(execute=True):
        approve(version, moderator)
    return translation, version


def test_a_half_translated_case_marks_its_english_text_and_says_so(
    client, editor, moderator, housing_case, french, django_capture_on_commit_callbacks
):
    _translation, version = published_translation(
        client, housing_case, french, moderator, django_capture_on_commit_callbacks
    )

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


def section(html, language_code):
    """The report's part for one target language."""
    return html.split(f'id="todo-{language_code}"')[1].split('id="todo-')[0]


def test_a_case_written_in_french_waits_for_its_english_and_spanish_translations(client, editor, housing_case, french):
    french_index = housing_case.get_parent().get_translation(french)
    CaseStudyPageFactory(parent=french_index, title="Jardins de pluie partagés")

    html = client.get(reverse("translations_to_do")).content.decode()
    for language_code in ("en", "es"):
        row = section(html, language_code).split("Jardins de pluie partagés")[1].split("</tr>")[0]
        assert "French" in row and "Not translated" in row
    assert "Jardins de pluie partagés" not in section(html, "fr")
    assert "Housing cooperatives" in section(html, "fr") and "Housing cooperatives" not in section(html, "en")


def test_the_report_can_leave_out_the_expert_profiles(client, editor, housing_case):
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    expert = directory.add_child(
        instance=ExpertProfilePage(title="Amina Mensah", slug="amina-mensah", city=City.objects.get(slug="accra"))
    )
    expert.save_revision().publish()
    report = reverse("translations_to_do")

    everything = client.get(report).content.decode()
    assert "Amina Mensah" in everything and "Housing cooperatives" in everything
    assert ">Case studies</option>" in everything and ">Expert profiles</option>" in everything

    case_type = ContentType.objects.get_for_model(CaseStudyPage)
    cases_only = client.get(report, {"page_type": case_type.pk}).content.decode()
    assert "Housing cooperatives" in section(cases_only, "fr") and "Amina Mensah" not in cases_only


def test_the_report_takes_the_same_few_queries_however_many_pages(
    client, editor, housing_case, french, django_assert_max_num_queries
):
    for number in range(5):
        case = CaseStudyPageFactory(parent=housing_case.get_parent(), title=f"Case {number}")
        translate(client, start_translation(client, case, french), f"Case {number}", f"Cas {number}")
    with django_assert_max_num_queries(4):
        report = translations_to_do()
    assert len([row for row in report[french] if row.translation]) == 5


def test_only_those_who_may_not_publish_are_offered_to_submit_the_translation(
    client, editor, moderator, housing_case, french
):
    start_translation(client, housing_case, french)
    editor_page = reverse("wagtailadmin_pages:edit", args=[housing_case.get_translation(french).id])
    assert "Submit the translation for review" in client.get(editor_page).content.decode()

    client.force_login(moderator)  # the editor's footer offers "Publish in French"
    assert "Submit the translation for review" not in client.get(editor_page).content.decode()


def test_a_live_translation_stays_as_published_until_its_update_is_approved(
    client, editor, moderator, housing_case, french, django_capture_on_commit_callbacks
):
    translation, version = published_translation(
        client, housing_case, french, moderator, django_capture_on_commit_callbacks
    )

    # wagtail-localize writes the translated strings into the page itself: on a live
    # page that would be the public page, before any moderator saw the change.
    translate(client, translation, "Housing cooperatives", "Coopératives d'habitants")
    client.post(reverse("submit_translation_for_review", args=[translation.id]))
    version.refresh_from_db()
    assert version.live and version.title == "Coopératives de logements"
    assert "<h1>Coopératives de logements</h1>" in client.get(version.url).content.decode()
    assert version.get_latest_revision_as_object().title == "Coopératives d'habitants"

    with django_capture_on_commit_callbacks(execute=True):
        approve(version, moderator)
    version.refresh_from_db()
    assert version.title == "Coopératives d'habitants"


def test_the_moderator_approves_a_translation_where_they_review_it(
    client, editor, moderator, housing_case, french, django_capture_on_commit_callbacks
):
    translation = start_translation(client, housing_case, french)
    translate(client, translation, "Housing cooperatives", "Coopératives de logements")
    client.post(reverse("submit_translation_for_review", args=[translation.id]))
    version = housing_case.get_translation(french)
    editors_view = client.get(f"/admin/pages/{version.pk}/edit/").content.decode()
    assert "This translation waits for your review" not in editors_view  # the editor may not approve

    client.force_login(moderator)
    html = client.get(f"/admin/pages/{version.pk}/edit/").content.decode()
    assert "This translation waits for your review" in html
    approve_url = re.search(r'<form method="post"\s+action="([^"]*/approve/[^"]*)">', html).group(1)
    assert ">Approve</button>" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url)
    version.refresh_from_db()
    assert version.live and version.title == "Coopératives de logements"
