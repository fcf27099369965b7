"""`import_experts`: an award programme hands over its jury and speakers as JSON Lines."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from experts.directory import directory_for
from experts.models import ExpertProfilePage
from search.models import PendingIndexChange
from taxonomy.models import City, Country
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def expert(external_id, **fields):
    record = {
        "external_id": external_id,
        "name": f"Expert {external_id}",
        "organisation": "City of Accra",
        "position": "Director of public health",
        "city": "Accra",
        "country": "GH",
        "bio": "Twenty years of clinics.\n\nShe built <b>forty</b> of them.",
        "profile_language": "en",
        "languages": ["en", "FR", "tw"],
        "themes": ["cohesive-metropolises"],
        "topics": ["health"],
        "sdgs": [3, 11],
        "expertise_tags": ["primary care", "community health workers"],
    }
    record.update(fields)
    return record


def profile(external_id):
    return ExpertProfilePage.objects.get(external_id=external_id)


def test_good_rows_become_published_profiles_in_the_directory_of_their_language(jsonl, capsys):
    french = expert("lyon-1", name="Claire Martin", profile_language="fr", city=None, country="fr", bio="Urbaniste.")
    call_command("import_experts", jsonl(expert("accra-1", name="Amara Okafor"), "", french), verbosity=0)
    assert "2 created, 0 updated, 0 rejected" in capsys.readouterr().out

    amara = profile("accra-1")
    assert amara.live and amara.title == "Amara Okafor" and amara.slug == "amara-okafor"
    assert amara.get_parent().specific == directory_for(Locale.objects.get(language_code="en"))
    assert (amara.position, amara.organisation) == ("Director of public health", "City of Accra")
    assert (amara.city.slug, amara.country.code, amara.profile_type) == ("accra", "GH", "individual")
    assert amara.biography == "<p>Twenty years of clinics.</p><p>She built &lt;b&gt;forty&lt;/b&gt; of them.</p>"
    assert amara.languages == "en fr tw"
    assert [theme.slug for theme in amara.themes.all()] == ["cohesive-metropolises"]
    assert [topic.slug for topic in amara.topics.all()] == ["health"]
    assert sorted(sdg.number for sdg in amara.sdgs.all()) == [3, 11]
    assert sorted(tag.name for tag in amara.expertise_tags.all()) == ["community health workers", "primary care"]
    assert amara.owner_account is None
    # Publishing queued it for the search index like any other page.
    assert PendingIndexChange.objects.filter(page_id=amara.pk).exists()

    # No city: the country alone places the expert.
    claire = profile("lyon-1")
    assert claire.live and claire.locale.language_code == "fr"
    assert claire.get_parent().specific == directory_for(Locale.objects.get(language_code="fr"))
    assert claire.city is None and claire.country.code == "FR"


def test_importing_again_updates_the_profile_instead_of_duplicating_it(jsonl, capsys):
    call_command("import_experts", jsonl(expert("accra-1")), verbosity=0)
    changed = expert("accra-1", position="Deputy mayor", topics=[], languages=None, expertise_tags=["clinics"])
    call_command("import_experts", jsonl(changed), verbosity=0)
    assert "0 created, 1 updated, 0 rejected" in capsys.readouterr().out
    page = profile("accra-1")
    assert ExpertProfilePage.objects.count() == 1
    assert page.live and page.revisions.count() == 2
    assert (page.position, page.languages, list(page.topics.all())) == ("Deputy mayor", "", [])
    assert [tag.name for tag in page.expertise_tags.all()] == ["clinics"]


def test_a_reimport_keeps_and_reports_what_the_expert_changed_on_the_site(jsonl, capsys):
    call_command("import_experts", jsonl(expert("accra-1", name="Amara Okafor")), verbosity=0)
    page = profile("accra-1")
    # The expert claims the profile and edits it; a moderator approves the change.
    page.organisation = "Ghana Health Service"
    page.biography = "<p>Thirty years of <b>clinics</b>.</p>"
    page.expertise_tags.set(["primary care", "nursing"])
    page.save_revision().publish()
    capsys.readouterr()

    again = expert(
        "accra-1", name="Amara Okafor", organisation="Accra Metropolitan Assembly", position="Chief health officer"
    )
    call_command("import_experts", jsonl(again), verbosity=0)
    output = capsys.readouterr()
    page = profile("accra-1")
    assert page.organisation == "Ghana Health Service"
    assert page.biography == "<p>Thirty years of <b>clinics</b>.</p>"
    assert sorted(page.expertise_tags.names()) == ["nursing", "primary care"]
    assert page.position == "Chief health officer"  # untouched on the site: the file's new value wins
    for field_name in ("organisation", "bio", "expertise_tags"):
        assert f"line 1: {field_name}: 'Amara Okafor' changed it on the site since the last import; kept" in output.err
    assert "position:" not in output.err
    assert "0 created, 1 updated, 0 rejected" in output.out

    # The next import compares with what the file said: the expert's values stay theirs.
    call_command("import_experts", jsonl(again), verbosity=0)
    assert profile("accra-1").organisation == "Ghana Health Service"


def test_bad_rows_are_named_by_line_and_field_and_the_good_ones_imported(jsonl, capsys):
    bad_rows = [
        "{not json",
        expert("bad-theme", themes=["metropolitan-dreams"]),
        expert("bad-topic", topics=["safety-gender-violence"]),
        expert("bad-sdg", sdgs=[18]),
        expert("no-name", name=""),
        expert("no-country", city=None, country=None),
        expert("no-language", profile_language=None),
        expert("bad-spoken", languages=["en", "english"]),
        expert("bad-email", email="amara@"),
        expert("wrong-country", country="FR"),
    ]
    with pytest.raises(CommandError, match="10 row"):
        call_command("import_experts", jsonl(expert("good"), *bad_rows), verbosity=0)
    captured = capsys.readouterr()
    assert "1 created, 0 updated, 10 rejected" in captured.out
    for expected in (
        "line 2: (line): not valid JSON",
        "line 3: themes: unknown theme 'metropolitan-dreams'",
        "line 4: topics: 'safety-gender-violence' not in the given themes",
        "line 5: sdgs: 18 outside 1 to 17",
        "line 6: name: is required",
        "line 7: country: is required",
        "line 8: profile_language: is required",
        "line 9: languages: unknown language code 'english'; use ISO 639-1 codes",
        "line 10: email: 'amara@' is not a valid e-mail address",
        "line 11: country: Accra is in GH, not FR",
    ):
        assert expected in captured.err
    assert list(ExpertProfilePage.objects.values_list("external_id", flat=True)) == ["good"]
    assert not get_user_model().objects.filter(email="amara@").exists()


def test_dry_run_checks_everything_and_writes_nothing(jsonl, capsys):
    rows = [expert("accra-1", email="amara@example.org"), expert("kyiv-1", city="Kyiv", country="UA", region="europe")]
    call_command("import_experts", jsonl(*rows), dry_run=True, verbosity=0)
    assert "2 would be created, 0 would be updated, 0 rejected (dry run" in capsys.readouterr().out
    assert not ExpertProfilePage.objects.exists()
    assert not City.objects.filter(labels__en="Kyiv").exists() and not Country.objects.filter(code="UA").exists()
    assert not get_user_model().objects.filter(email="amara@example.org").exists()


def test_draft_imports_stay_unpublished(jsonl):
    call_command("import_experts", jsonl(expert("draft-1")), draft=True, verbosity=0)
    page = profile("draft-1")
    assert not page.live and page.get_latest_revision() is not None


def test_unknown_places_are_created_and_reported_and_extra_fields_warned(jsonl, capsys):
    rows = [
        expert("kyiv-1", city="Kyiv", country="UA", region="europe", award="Jury"),
        expert("reykjavik-1", city=None, country="IS", region="europe"),
    ]
    call_command("import_experts", jsonl(*rows), verbosity=0)
    err = capsys.readouterr().err
    assert "line 1: city: 'Kyiv' is not in the vocabulary; it is created as a non-member city in UA" in err
    assert "line 1: award: unknown field, ignored" in err
    assert "line 2: country: IS is not in the vocabulary; it is created in europe" in err
    kyiv = profile("kyiv-1").city
    assert (kyiv.labels["en"], kyiv.is_member, kyiv.country.code, kyiv.region.slug) == ("Kyiv", False, "UA", "europe")
    iceland = profile("reykjavik-1").country
    assert (iceland.code, iceland.region.slug, iceland.labels["fr"]) == ("IS", "europe", "Islande")


def test_an_imported_expert_claims_the_account_through_forgot_password(jsonl, client):
    call_command("import_experts", jsonl(expert("accra-1", email="Amara.Okafor@Example.org")), verbosity=0)
    page = profile("accra-1")
    account = page.owner_account
    assert (account.email, account.is_active, account.has_usable_password()) == (
        "amara.okafor@example.org", False, False,
    )  # fmt: skip
    assert account.username.startswith("amara.okafor")
    address = EmailAddress.objects.get(user=account)
    assert (address.email, address.verified, address.primary) == ("amara.okafor@example.org", False, True)
    # The address never reaches the public profile.
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200 and page.title in html
    assert "amara.okafor@example.org" not in html.lower()

    client.post("/en/accounts/password/reset/", {"email": "amara.okafor@example.org"})
    [message] = mail.outbox
    assert message.to == ["amara.okafor@example.org"]
    link = re.search(r"https?://[^/\s]+(/en/accounts/password/reset/key/\S+)", message.body).group(1)
    set_password_url = client.get(link)["Location"]
    response = client.post(
        set_password_url, {"password1": "a-fresh-long-password", "password2": "a-fresh-long-password"}
    )
    assert response.status_code == 302

    account.refresh_from_db()
    assert account.is_active and account.has_usable_password()
    assert EmailAddress.objects.get(user=account).verified
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "amara.okafor@example.org", "password": "a-fresh-long-password"}
    )
    assert response.status_code == 302 and int(client.session["_auth_user_id"]) == account.pk


def test_an_existing_account_with_the_address_takes_the_profile_unless_it_has_one(jsonl, capsys):
    member = UserFactory(email="Jonas.Berg@example.org")
    busy = UserFactory(email="busy@example.org")
    call_command("import_experts", jsonl(expert("busy-1", email="busy@example.org")), verbosity=0)
    rows = [expert("berlin-1", email="jonas.berg@EXAMPLE.org"), expert("busy-2", email="busy@example.org")]
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_experts", jsonl(*rows), verbosity=0)
    err = capsys.readouterr().err
    assert "line 2: email: belongs to an account that already has the expert profile 'Expert busy-1'" in err
    assert profile("berlin-1").owner_account == member and member.is_active
    assert profile("busy-1").owner_account == busy
    assert get_user_model().objects.count() == 2


def test_one_address_gives_one_profile_per_file(jsonl, capsys):
    rows = [expert("a", email="shared@example.org"), expert("b", email="shared@example.org")]
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_experts", jsonl(*rows), verbosity=0)
    assert "line 2: email: already given on line 1" in capsys.readouterr().err
    assert profile("a").owner_account.email == "shared@example.org"


def test_a_changed_address_moves_an_unclaimed_account_but_never_a_claimed_one(jsonl, capsys):
    call_command(
        "import_experts",
        jsonl(expert("unclaimed", email="old@example.org"), expert("claimed", email="member@example.org")),
        verbosity=0,
    )
    unclaimed, claimed = profile("unclaimed").owner_account, profile("claimed").owner_account
    claimed.is_active = True
    claimed.set_password("the-member-chose-this")
    claimed.save()

    rows = [expert("unclaimed", email="corrected@example.org"), expert("claimed", email="other@example.org")]
    call_command("import_experts", jsonl(*rows), verbosity=0)
    assert "line 2: email: the profile belongs to a claimed account" in capsys.readouterr().err
    unclaimed.refresh_from_db()
    claimed.refresh_from_db()
    assert profile("unclaimed").owner_account == unclaimed and unclaimed.email == "corrected@example.org"
    assert list(EmailAddress.objects.filter(user=unclaimed).values_list("email", flat=True)) == [
        "corrected@example.org"
    ]
    assert profile("claimed").owner_account == claimed and claimed.email == "member@example.org"
    # Without an address, a re-import leaves the account as it is.
    call_command("import_experts", jsonl(expert("unclaimed")), verbosity=0)
    assert profile("unclaimed").owner_account == unclaimed


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_experts", str(tmp_path / "missing.jsonl"), verbosity=0)
