"""Editors translate pages in the admin with wagtail-localize: strings are translated,
while the vocabulary, place, years and images follow the source, also after it changes."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from taxonomy.models import City, SustainableDevelopmentGoal

from .factories import SuperUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(SuperUserFactory())
    return client


def translate(client, translation, source_text, text):
    """What the translator types into the localize editor for one string."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    response = client.put(url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content  # 200: a string translated before


@pytest.mark.opensearch
def test_an_editor_translates_a_case_and_its_vocabulary_follows_the_source(
    editor_client, housing_case, french, django_capture_on_commit_callbacks
):
    case = housing_case
    submit = reverse("wagtail_localize:submit_page_translation", args=[case.id])
    assert editor_client.get(submit).status_code == 200
    assert editor_client.post(submit, {"locales": [french.id]}).status_code == 302
    translation = Translation.objects.get(source__object_id=case.translation_key, target_locale=french)
    translate(editor_client, translation, "Housing cooperatives", "Coopératives de logements")
    translate(editor_client, translation, "Affordable homes run by their residents.", "Des logements abordables.")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes after the commit
        translation.save_target(publish=True)
    _strings, translated = translation.get_progress()

    version = case.get_translation(french).specific
    assert version.live and version.url.startswith("/fr/")
    assert (version.title, version.summary) == ("Coopératives de logements", "Des logements abordables.")
    assert version.city == case.city and version.start_year == 2019
    assert [goal.number for goal in version.sdgs.all()] == [11]
    assert [topic.slug for topic in version.topics.all()] == ["housing"]
    assert "Coopératives de logements" in editor_client.get(version.url).content.decode()

    # The source changes: its new summary waits for the translator, while the
    # synchronised fields reach the translation when the editor updates it.
    case.summary = "Affordable homes, run and financed by their residents."
    case.city = City.objects.get(slug="berlin")
    case.start_year = 2020
    case.sdgs.add(SustainableDevelopmentGoal.objects.get(number=3))
    case.save_revision().publish()
    source = TranslationSource.objects.get(object_id=case.translation_key)
    update = reverse("wagtail_localize:update_translations", args=[source.id])
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(update, {"publish_translations": "on"}).status_code == 302

    version = case.get_translation(french).specific
    assert version.title == "Coopératives de logements"
    assert version.city.slug == "berlin" and version.start_year == 2020
    assert sorted(goal.number for goal in version.sdgs.all()) == [3, 11]
    assert translation.get_progress()[1] == translated - 1  # the changed summary is shown as still to translate
