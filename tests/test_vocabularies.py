"""The controlled vocabularies: loaded from the project's data files, labelled in
English, French and Spanish, editable in the admin, and safe to load again."""

import pytest
from django.core.management import call_command
from django.utils import translation

from taxonomy.models import (
    Approach,
    CaseStatus,
    City,
    Country,
    Region,
    Spotlight,
    SpotlightFacet,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    Topic,
)
from tests.factories import SuperUserFactory

pytestmark = pytest.mark.django_db


def test_every_vocabulary_is_loaded():
    assert Theme.objects.count() == 5
    assert Topic.objects.count() == 25
    assert SustainableDevelopmentGoal.objects.count() == 17
    assert Region.objects.count() == 6
    assert TargetGroup.objects.count() == 8
    assert Approach.objects.count() == 8
    assert CaseStatus.objects.count() == 3
    assert set(Spotlight.objects.values_list("slug", flat=True)) == {"covid-19", "care"}
    assert City.objects.filter(is_member=True).count() == 141
    assert Country.objects.count() == 60


def test_topics_belong_to_their_theme_and_speak_three_languages():
    housing = Topic.objects.get(slug="housing")
    assert housing.theme.slug == "metropolitan-futures"
    assert housing.labels == {"en": "Housing", "fr": "Logement", "es": "Vivienda"}
    with translation.override("es"):
        assert str(housing) == "Vivienda"


def test_sdgs_carry_number_official_colour_and_labels():
    health = SustainableDevelopmentGoal.objects.get(number=3)
    assert health.colour == "#4C9F38"
    assert health.labels["fr"].startswith("Bonne santé")
    with translation.override("fr"):
        assert str(health).startswith("3. Bonne santé")


def test_cities_know_their_country_region_and_position():
    barcelona = City.objects.get(slug="barcelona")
    assert (barcelona.country.code, barcelona.region.slug) == ("ES", "europe")
    assert barcelona.labels["fr"] == "Barcelone"
    assert float(barcelona.latitude) == pytest.approx(41.3874)
    assert Country.objects.get(code="DE").labels == {"en": "Germany", "fr": "Allemagne", "es": "Alemania"}
    # Inverted ISO names ("Iran, Islamic Republic of") are shortened for facets.
    assert Country.objects.get(code="IR").labels["fr"] == "Iran"


def test_spotlights_have_their_own_facets():
    covid = SpotlightFacet.objects.filter(spotlight__slug="covid-19")
    assert set(covid.values_list("key", flat=True)) == {"response_area", "phase"}
    phase = covid.get(key="phase")
    assert list(phase.values.values_list("slug", flat=True)) == ["emergency", "recovery", "transformation"]
    care = SpotlightFacet.objects.get(spotlight__slug="care", key="care_dimension")
    assert care.values.count() == 5


def test_loading_again_keeps_editors_changes_unless_asked(capsys):
    theme = Theme.objects.get(slug="gender-equality")
    Theme.objects.filter(pk=theme.pk).update(labels={**theme.labels, "en": "Gender"}, sort_order=0)
    City.objects.filter(slug="berlin").update(institution="Senate of Berlin")
    call_command("load_vocabularies", verbosity=0)
    assert "already up to date" in capsys.readouterr().out
    assert Theme.objects.get(slug="gender-equality").labels["en"] == "Gender"
    assert City.objects.get(slug="berlin").institution == "Senate of Berlin"
    assert Theme.objects.count() == 5

    call_command("load_vocabularies", overwrite=True, verbosity=0)
    assert "1 themes updated, 1 cities updated" in capsys.readouterr().out
    assert Theme.objects.get(slug="gender-equality").labels["en"] != "Gender"


def test_an_editor_renames_a_topic_in_the_admin(client):
    client.force_login(SuperUserFactory())
    topic = Topic.objects.get(slug="housing")
    listing = client.get("/admin/snippets/taxonomy/topic/")
    assert listing.status_code == 200
    assert "Housing" in listing.content.decode()

    response = client.post(
        f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/",
        {
            "theme": topic.theme_id,
            "slug": "housing",
            "label_en": "Housing and shelter",
            "label_fr": "Logement",
            "label_es": "Vivienda",
            "sort_order": 3,
        },
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.labels["en"] == "Housing and shelter"


def test_an_editor_finds_a_city_in_the_admin_by_the_start_of_any_languages_label(client):
    client.force_login(SuperUserFactory())
    listing = client.get("/admin/snippets/taxonomy/city/", {"q": "Barcel"})
    assert "Barcelona" in listing.content.decode()
    # Only the French label (not the slug, nor the English one) names Beijing "Pékin".
    found = client.get("/admin/snippets/taxonomy/city/", {"q": "Péki"}).content.decode()
    assert "Beijing" in found and "Barcelona" not in found


def test_the_admin_rejects_a_malformed_sdg_colour(client):
    client.force_login(SuperUserFactory())
    goal = SustainableDevelopmentGoal.objects.get(number=11)
    response = client.post(
        f"/admin/snippets/taxonomy/sustainabledevelopmentgoal/edit/{goal.pk}/",
        {"number": 11, "label_en": "Cities", "label_fr": "Villes", "label_es": "Ciudades", "colour": "orange"},
    )
    assert response.status_code == 200
    assert "Enter a colour such as #4C9F38." in response.content.decode()
    goal.refresh_from_db()
    assert goal.colour == "#FD9D24"
