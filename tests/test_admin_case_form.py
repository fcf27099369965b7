"""The admin case form helps the editor: topics under their themes, a topic brings its
theme, the map point follows the city unless the editor moves it, and the evidence
levels and the five dimensions of care are explained where they are chosen."""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cases.models import CaseStudyPage
from demo.factories import CaseStudyPageFactory
from taxonomy.models import City, SustainableDevelopmentGoal, Topic

from .factories import SuperUserFactory

pytestmark = pytest.mark.django_db


def edit_form(case, **changes):
    form_class = CaseStudyPage.get_edit_handler().get_form_class()
    data = {
        "title": case.title,
        "slug": case.slug,
        "summary": case.summary,
        "city": case.city_id,
        "latitude": case.latitude,
        "longitude": case.longitude,
        "evidence_level": "described",
        **{name: streamfield([]) for name in ("key_figures", "partners", "timeline", "gallery")},
        **{name: inline_formset([]) for name in ("documents", "related_cases", "outcomes", "follow_ups")},
    }
    # Lists go in after nested_form_data, which would flatten them.
    choices = {
        "themes": [theme.pk for theme in case.themes.all()],
        "topics": [],
        "sdgs": [SustainableDevelopmentGoal.objects.get(number=11).pk],
    }
    choices.update({name: changes.pop(name) for name in list(changes) if name in choices})
    data.update(changes)
    return form_class(
        data=nested_form_data(data) | choices, instance=case, parent_page=case.get_parent(), for_user=None
    )


def test_a_new_city_moves_the_map_point_unless_the_editor_moved_it(case_index):
    case = CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="barcelona"))
    accra = City.objects.get(slug="accra")
    form = edit_form(case, city=accra.pk)
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["latitude"], form.cleaned_data["longitude"]) == (accra.latitude, accra.longitude)

    form = edit_form(case, city=accra.pk, latitude="5.6000", longitude="-0.1900")
    assert form.is_valid(), form.errors
    assert (str(form.cleaned_data["latitude"]), str(form.cleaned_data["longitude"])) == ("5.6000", "-0.1900")


def test_a_topic_alone_brings_its_theme(case_index):
    case = CaseStudyPageFactory(parent=case_index)
    housing = Topic.objects.get(slug="housing")
    form = edit_form(case, themes=[], topics=[housing.pk])
    assert form.is_valid(), form.errors
    assert list(form.cleaned_data["themes"]) == [housing.theme]
    assert "themes" in edit_form(case, themes=[], topics=[]).errors  # one theme at least


def test_the_admin_form_groups_topics_and_explains_evidence_and_care(client, case_index):
    case = CaseStudyPageFactory(parent=case_index)
    client.force_login(SuperUserFactory())
    html = client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    housing = Topic.objects.get(slug="housing")
    # Django renders a choice group as <div><label>group</label> and its options.
    group = html.split(f"<div><label>{housing.theme}</label>")[1].split("<div><label>")[0]
    assert f'name="topics" value="{housing.pk}"' in group
    assert "Independently evaluated</b>: researchers or auditors outside the city" in html
    assert "<b>redistribute</b> care between women and men" in html


def test_slugs_are_ascii_in_every_language(client, case_index):
    # Saved without a slug, the page takes one from its title, transliterated.
    case = CaseStudyPageFactory(parent=case_index, title="Medellín's cable cars", slug="")
    assert case.slug == "medellins-cable-cars"
    # A typed accent is refused with a message, not stored.
    form = edit_form(case, slug="medellín-cable-cars")
    assert "slug" in form.errors
    # The admin's own script is told to transliterate the title as the editor types it.
    client.force_login(SuperUserFactory())
    html = client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    # Django leaves out a False attribute, and the script's allowUnicode defaults to false.
    assert 'name="slug"' in html
    assert "data-w-slug-allow-unicode-value" not in html


def test_the_city_chooser_names_each_city_with_its_country(client, case_index):
    case = CaseStudyPageFactory(parent=case_index, city=City.objects.get(slug="barcelona"))
    client.force_login(SuperUserFactory())
    html = client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    assert "Barcelona, Spain" in html  # the chosen city, on the form
    chooser_url = re.search(r'data-chooser-url="([^"]+city[^"]*)"', html) or re.search(
        r'"modalUrl": "([^"]+city[^"]*)"', html
    )
    modal = client.get(chooser_url.group(1), {"q": "Accra"}).json()["html"]
    assert "Accra, Ghana" in modal


def test_required_fields_are_marked_before_submit(client, case_index):
    case = CaseStudyPageFactory(parent=case_index)
    client.force_login(SuperUserFactory())
    html = client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    marked = {
        re.sub(r"\s+", " ", heading).strip()
        for heading in re.findall(r'<h3 class="w-field__label">([^<]*)<span class="w-required-mark">\*</span>', html)
    }
    assert {"Themes", "Sustainable development goals"} <= marked
    # Still, a topic alone is enough: it brings its theme.
    assert edit_form(case, themes=[], topics=[Topic.objects.get(slug="housing").pk]).is_valid()
