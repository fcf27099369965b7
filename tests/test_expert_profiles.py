"""Members keep their own expert profile from the site; moderators review it; the
directory and the search find it; members can take their data away or erase it."""

import json
import re
from io import BytesIO, StringIO

import pytest
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image
from wagtail.models import Site

from experts.models import ExpertDirectoryPage, ExpertProfilePage, MemberSettings
from search.client import get_client
from search.index import alias_name
from taxonomy.models import City, Country, SustainableDevelopmentGoal, Topic
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def profile_form(**changes):
    theme = Topic.objects.get(slug="health").theme
    data = {
        "profile_language": "en",
        "title": "Amara Okafor",
        "profile_type": "individual",
        "position": "Director of public health",
        "organisation": "City of Accra",
        "city": City.objects.get(slug="accra").pk,
        "country": Country.objects.get(code="GH").pk,
        "biography": "Twenty years of <b>neighbourhood clinics</b>.<script>alert(1)</script>",
        "spoken_languages": ["en", "fr", "tw"],
        "themes": [theme.pk],
        "topics": [Topic.objects.get(slug="health").pk],
        "sdgs": [SustainableDevelopmentGoal.objects.get(number=3).pk],
        "expertise_tags": "primary care, community health workers",
        "website": "https://example.org/amara",
        "orcid": "0000-0002-1825-0097",
        "mentoring": "on",
        "study_visits": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def member(client):
    user = UserFactory(email="amara.private@example.org")
    client.force_login(user)
    return user


def moderate(profile, moderator, action, comment=""):
    task_state = profile.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, action, comment=comment)


def own(user):
    return ExpertProfilePage.objects.get(owner_account=user)


@pytest.mark.opensearch
def test_a_new_profile_waits_for_review_then_appears_in_the_directory_and_search(
    client, member, moderator, apply_index_changes
):
    response = client.post("/en/members/profile/", profile_form(), follow=True)
    html = response.content.decode()
    assert "sent to the moderators for review" in html and "In review" in html
    profile = own(member)
    assert not profile.live and profile.get_parent().specific_class is ExpertDirectoryPage
    assert profile.locale.language_code == "en"
    # Nobody sees a profile in review.
    assert client.get("/en/experts/amara-okafor/").status_code == 404

    moderate(profile, moderator, "approve")
    apply_index_changes()
    profile.refresh_from_db()
    assert profile.live
    assert "Published" in client.get("/en/members/").content.decode()

    page = client.get(profile.url).content.decode()
    assert "Amara Okafor" in page and "Director of public health" in page
    assert "<b>neighbourhood clinics</b>" in page and "<script>" not in page and "alert(1)" not in page
    assert "Mentoring" in page and "Study visits" in page and "Twi" in page
    assert "amara.private@example.org" not in page

    directory = client.get("/en/experts/", {"availability": "mentoring", "speaks": "fr"}).content.decode()
    assert "Amara Okafor" in directory and "1 result" in directory
    assert "Start year" not in directory  # experts have no start year
    card = directory.split('class="result"')[1].split("</li>")[0]
    assert "Accra, Ghana" in card and "Mentoring" in card and "Study visits" in card
    found = client.get("/api/v1/search/", {"q": "clinics", "type": "expert"}).json()
    assert [hit["title"] for hit in found["results"]] == ["Amara Okafor"]
    assert found["results"][0]["country"] == "GH"


@pytest.mark.opensearch
def test_changes_are_reviewed_by_default_and_published_at_once_when_the_setting_allows(
    client, member, moderator, apply_index_changes
):
    client.post("/en/members/profile/", profile_form())
    moderate(own(member), moderator, "approve")

    client.post("/en/members/profile/", profile_form(position="Chief medical officer"))
    profile = own(member)
    assert profile.position == "Director of public health"  # the public page is unchanged
    assert "In review" in client.get("/en/members/profile/").content.decode()
    moderate(profile, moderator, "approve")
    assert own(member).position == "Chief medical officer"

    settings = MemberSettings.for_site(Site.objects.get(is_default_site=True))
    settings.review_profile_changes = False
    settings.save()
    response = client.post("/en/members/profile/", profile_form(position="Adviser"), follow=True)
    assert "saved and published" in response.content.decode()
    assert own(member).position == "Adviser"


def test_the_member_sees_the_moderators_request_for_changes_and_can_resubmit(client, member, moderator):
    client.post("/en/members/profile/", profile_form())
    moderate(own(member), moderator, "reject", comment="Please add your organisation's website.")
    html = client.get("/en/members/profile/").content.decode()
    assert "Changes requested" in html and "Please add your organisation&#x27;s website." in html
    # The form shows the member's draft, not an empty profile.
    assert 'value="Amara Okafor"' in html

    client.post("/en/members/profile/", profile_form(website="https://accra.example.org"))
    assert "In review" in client.get("/en/members/").content.decode()


@pytest.mark.opensearch
def test_a_member_can_unpublish_their_profile(client, member, moderator, apply_index_changes):
    client.post("/en/members/profile/", profile_form())
    moderate(own(member), moderator, "approve")
    apply_index_changes()
    client.post("/en/members/profile/unpublish/")
    apply_index_changes()
    assert not own(member).live
    assert client.get("/api/v1/search/", {"type": "expert"}).json()["total"] == 0


def test_bad_input_is_explained_on_the_field(client, member):
    bad = profile_form(
        title="", orcid="1234", website="not a url", topics=[Topic.objects.get(slug="water").pk],
        country=Country.objects.get(code="FR").pk,
        photo_upload=SimpleUploadedFile("cv.jpg", b"not an image", content_type="image/jpeg"),
    )  # fmt: skip
    response = client.post("/en/members/profile/", bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    assert "Enter an ORCID iD" in html
    assert "Accra is in Ghana." in html
    assert "Upload a valid image" in html or "Not a supported image format" in html
    assert not ExpertProfilePage.objects.filter(owner_account=member).exists()


def test_every_member_page_sends_anonymous_visitors_to_sign_in(client):
    for url in ("/en/members/", "/en/members/profile/", "/en/members/data.json", "/en/members/delete/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_member_only_ever_reaches_their_own_profile(client, member, moderator):
    client.post("/en/members/profile/", profile_form())
    other = UserFactory()
    client.force_login(other)
    html = client.get("/en/members/profile/").content.decode()
    assert 'value="Amara Okafor"' not in html
    data = client.get("/en/members/data.json").json()
    assert data["profile"] is None and data["account"]["email"] == other.email
    # Unpublishing from another account leaves the profile alone.
    moderate(own(member), moderator, "approve")
    client.post("/en/members/profile/unpublish/")
    assert own(member).live


def jpeg():
    buffer = BytesIO()
    Image.new("RGB", (400, 400), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile("amara.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.opensearch
def test_members_download_their_data_and_deleting_the_account_leaves_nothing_behind(
    client, member, moderator, apply_index_changes
):
    client.post("/en/members/profile/", profile_form(photo_upload=jpeg()))
    moderate(own(member), moderator, "approve")
    apply_index_changes()
    assert own(member).photo is not None

    response = client.get("/en/members/data.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "amara.private@example.org"
    assert data["profile"]["name"] == "Amara Okafor" and data["profile"]["languages"] == ["en", "fr", "tw"]

    refused = client.post("/en/members/delete/", {"password": "wrong"})
    assert "This is not your password." in refused.content.decode()
    response = client.post("/en/members/delete/", {"password": "a-long-test-password"}, follow=True)
    assert "Your account and your personal data have been deleted." in response.content.decode()
    apply_index_changes()

    dump = StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=dump)
    assert "Amara Okafor" not in dump.getvalue()
    assert "amara.private@example.org" not in dump.getvalue()
    hits = get_client().search(index=alias_name(), body={"query": {"match": {"title": "Amara"}}})
    assert hits["hits"]["total"]["value"] == 0


def published_expert(title, topic, tags=(), **fields):
    """A live expert profile in Accra, expert in `topic` (and its theme) and SDG 3."""
    directory = ExpertDirectoryPage.objects.get(locale__language_code="en")
    profile = ExpertProfilePage(
        title=title,
        city=City.objects.get(slug="accra"),
        themes=[topic.theme],
        topics=[topic],
        sdgs=[SustainableDevelopmentGoal.objects.get(number=3)],
        **fields,
    )
    directory.add_child(instance=profile)
    profile.expertise_tags.set(list(tags))
    profile.save_revision().publish()
    return profile


def visible_text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_an_expert_page_leads_to_the_search_by_expertise_to_the_contact_form_and_to_similar_experts(client):
    health = Topic.objects.get(slug="health")
    amara = published_expert(
        "Amara Okafor",
        health,
        tags=["primary care"],
        position="Director of public health",
        organisation="City of Accra",
        photo=wagtail_factories.ImageFactory(),
        owner_account=UserFactory(email="amara.private@example.org"),
    )
    kofi = published_expert("Kofi Mensah", health, position="Epidemiologist")
    published_expert("Lena Wasser", Topic.objects.get(slug="water"))

    html = client.get(amara.url).content.decode()
    assert "Director of public health, City of Accra" in visible_text(html)
    assert 'alt="Portrait of Amara Okafor"' in html
    # Each area of expertise is a link to the search filtered by it.
    for query in (f"theme={health.theme.slug}", "topic=health", "sdg=3", "q=primary%20care"):
        assert f'href="/en/search/?{query}"' in html, query
    assert "3. Good health and well-being" in html and "3. 3." not in html
    # The contact button leads to the form; the expert's address is nowhere.
    assert 'href="#contact-expert-heading"' in html
    assert "amara.private@example.org" not in html
    similar = html.split("Similar experts")[1]
    assert "Kofi Mensah" in similar and "Epidemiologist" in similar and "Lena Wasser" not in similar

    # Nobody can write to an expert without an account: no button leads to a dead end.
    assert 'href="#contact-expert-heading"' not in client.get(kofi.url).content.decode()


def test_the_profile_form_comes_in_steps_with_its_requirements_stated_first(client, member):
    page = client.get("/en/members/profile/").content.decode()
    legends = re.findall(r"<legend>\s*(Step \d of \d: [^<]+?)\s*</legend>", page)
    assert legends == [
        "Step 1 of 4: About you", "Step 2 of 4: Where you work",
        "Step 3 of 4: What you know", "Step 4 of 4: Links and availability",
    ]  # fmt: skip
    required = re.search(r"Required: ([^.]+)\. Everything else is optional", page)
    assert required.group(1) == "Name, Profile type, Language of this profile, your city or your country"
    assert required.start() < page.index('<form method="post" enctype="multipart/form-data"')
    # The languages are checkboxes with a search box the script adds over them.
    assert 'data-choice-filter="Find a language"' in page and "js/choice-filter.js" in page
    assert 'id="city-countries"' in page and "js/profile-form.js" in page


def test_a_city_is_enough_its_country_follows(client, member):
    response = client.post("/en/members/profile/", profile_form(country=""))
    assert response.status_code == 302, response.context["form"].errors
    assert own(member).get_latest_revision_as_object().country.code == "GH"
    # Without a city the country is needed, and the message says so.
    refused = client.post("/en/members/profile/", profile_form(city="", country="", title="Someone else"))
    assert "Choose your city, or your country if your city is not listed." in refused.content.decode()
