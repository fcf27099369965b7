"""A member saves a search from the search page, names it, chooses its alerts and
manages it in the member area; only what the search page understands is kept."""

import re
import uuid
from urllib.parse import unquote

import pytest

from alerts.models import MAX_SAVED_SEARCHES, Frequency, SavedSearch, SentAlert
from taxonomy.models import City
from tests.factories import UserFactory

SAVE = "/en/members/saved-searches/new/"


@pytest.fixture
def member(client, db):
    user = UserFactory()
    client.force_login(user)
    return user


def test_a_visitor_is_asked_to_sign_in_and_comes_back_to_the_same_search(client, db):
    response = client.get(f"{SAVE}?q=housing&topic=housing")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")
    assert unquote(response.url).endswith("next=/en/members/saved-searches/new/?q=housing&topic=housing")


def test_a_member_saves_the_words_and_filters_the_search_page_understood(client, member):
    url = f"{SAVE}?q=housing++coops&topic=housing&theme=no-such-theme&sort=newest&page=3&bogus=1&year_from=2019"
    form = client.get(url).content.decode()
    assert 'value="“housing coops” · Housing · 2019"' in form
    assert 'name="query" value="q=housing+coops&amp;topic=housing&amp;year_from=2019"' in form
    response = client.post(
        SAVE,
        {"query": "q=housing+coops&topic=housing&year_from=2019&city=nowhere", "name": "Co-ops", "frequency": "daily"},
    )
    assert response.status_code == 302 and response.url == "/en/members/saved-searches/"
    saved = SavedSearch.objects.get(user=member)
    assert (saved.name, saved.query, saved.language, saved.frequency) == (
        "Co-ops",
        "q=housing+coops&topic=housing&year_from=2019",
        "en",
        Frequency.DAILY,
    )
    listing = client.get("/en/members/saved-searches/").content.decode()
    assert '<a href="/en/search/?q=housing+coops&amp;topic=housing&amp;year_from=2019">Co-ops</a>' in listing
    assert re.search(r'aria-current="page">\s*Saved searches\s*<', listing)


def test_a_french_member_saves_a_search_whose_digest_comes_in_french(client, member):
    client.post(
        "/fr/members/saved-searches/new/", {"query": "topic=housing", "name": "Logement", "frequency": "weekly"}
    )
    assert SavedSearch.objects.get(user=member).language == "fr"


def test_a_member_changes_the_frequency_and_deletes_only_their_own_searches(client, member):
    mine = SavedSearch.objects.create(user=member, name="Mine", query="topic=housing", language="en")
    theirs = SavedSearch.objects.create(user=UserFactory(), name="Theirs", query="topic=water", language="en")
    client.post(f"/en/members/saved-searches/{mine.pk}/frequency/", {f"search-{mine.pk}-frequency": "none"})
    mine.refresh_from_db()
    assert mine.frequency == Frequency.NONE
    bad = client.post(f"/en/members/saved-searches/{mine.pk}/frequency/", {f"search-{mine.pk}-frequency": "hourly"})
    assert bad.status_code == 302
    assert client.post(f"/en/members/saved-searches/{theirs.pk}/delete/").status_code == 404
    assert client.post(f"/en/members/saved-searches/{theirs.pk}/frequency/").status_code == 404
    assert client.get(f"/en/members/saved-searches/{mine.pk}/delete/").status_code == 405
    client.post(f"/en/members/saved-searches/{mine.pk}/delete/")
    assert list(SavedSearch.objects.values_list("name", flat=True)) == ["Theirs"]


def test_a_member_keeps_a_limited_number_of_searches_of_a_limited_length(client, member):
    # The longest words the search keeps (500 characters) in every city.
    every_city = "&".join(f"city={slug}" for slug in City.objects.values_list("slug", flat=True))
    longest = f"q={'cities ' * 80}&{every_city}"
    too_long = client.post(SAVE, {"query": longest, "name": "Everywhere", "frequency": "daily"})
    assert too_long.status_code == 400
    assert "This search is too long to be saved" in too_long.content.decode()
    SavedSearch.objects.bulk_create(
        SavedSearch(user=member, name=f"Search {n}", query=f"q={n}", language="en") for n in range(MAX_SAVED_SEARCHES)
    )
    full = client.post(SAVE, {"query": "topic=water", "name": "One more", "frequency": "daily"})
    assert full.status_code == 400
    assert f"You already have {MAX_SAVED_SEARCHES} saved searches" in full.content.decode()
    assert SavedSearch.objects.filter(user=member).count() == MAX_SAVED_SEARCHES


def test_a_search_without_a_name_is_not_saved(client, member):
    response = client.post(SAVE, {"query": "topic=water", "name": "", "frequency": "daily"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_a_members_data_download_holds_their_saved_searches(client, member):
    search = SavedSearch.objects.create(
        user=member, name="Water in Africa", query="q=water&region=africa", language="fr"
    )
    SentAlert.objects.create(saved_search=search, translation_key=uuid.uuid4())
    SavedSearch.objects.create(user=UserFactory(), name="Not hers", query="q=housing", language="en")

    data = client.get("/en/members/data.json").json()
    assert [
        (s["name"], s["search"], s["language"], s["alerts"], s["practices_announced"]) for s in data["saved_searches"]
    ] == [("Water in Africa", "q=water&region=africa", "fr", "weekly", 1)]


def test_the_confirmation_names_the_search_without_doubling_its_quotes(client, member):
    response = client.post(
        SAVE, {"query": "q=housing+coops&topic=housing", "name": "“housing coops” · Housing", "frequency": "daily"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "Search saved: “housing coops” · Housing." in page
    assert "““" not in page and "””" not in page
