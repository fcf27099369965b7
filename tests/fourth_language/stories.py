"""The fourth language's stories, run by tests/test_fourth_language.py in a process
started with Portuguese configured (tests/settings_pt.py)."""

import pytest
from django.core.management import CommandError, call_command

from search.checks import language_analyzers
from taxonomy.checks import vocabulary_labels
from taxonomy.models import City, Country, Theme, Topic
from tests.test_seo import head


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def record(external_id, **fields):
    return {
        "external_id": external_id,
        "language": "en",
        "title": "Community gardens",
        "summary": "Neighbours grow vegetables on empty plots.",
        "sections": {"context": "Empty plots waited for buyers for years."},
        "city": "barcelona",
        "country": "ES",
        "themes": ["metropolitan-futures"],
        "topics": ["housing"],
        "sdgs": [11],
        **fields,
    }


@pytest.mark.opensearch
@pytest.mark.django_db
def test_a_portuguese_practice_is_imported_found_and_announced_in_portuguese(
    client, case_index, jsonl, apply_index_changes
):
    housing = Topic.objects.get(slug="housing")
    housing.labels["pt"] = "Habitação"
    housing.save()
    portuguese = record(
        "bcn-gardens-pt",
        language="pt",
        translation_of="bcn-gardens",
        title="Quintais de bairro",
        summary="Os vizinhos cultivam hortas comunitárias em terrenos vazios.",
        sections={"context": "Os terrenos vazios esperavam compradores há anos."},
    )
    # The import accepts the configured language like the others.
    call_command("import_cases", jsonl(record("bcn-gardens"), portuguese), verbosity=0)
    apply_index_changes()

    # A Portuguese visitor's singular finds the plural of the Portuguese text: only the
    # Portuguese analyzer's stemming joins them (the folded fields keep words whole).
    found = search(client, q="horta comunitária", ui_language="pt")
    assert [(result["title"], result["language"]) for result in found["results"]] == [("Quintais de bairro", "pt")]
    # Facets are labelled in Portuguese, and a label not yet translated falls back to English.
    assert {item["value"]: item["label"] for item in found["facets"]["topic"]} == {"housing": "Habitação"}
    assert [item["label"] for item in found["facets"]["theme"]] == ["Metropolitan futures"]

    # The page speaks Portuguese: its language, its OpenGraph locale, the interface
    # catalogue's strings, and the other language's version as an alternate.
    url = found["results"][0]["url"]
    page = client.get(url).content.decode()
    assert '<html lang="pt">' in page and "Pesquisar" in page
    meta = head(client, url)
    assert meta.first("og:locale") == "pt_PT"
    assert meta.meta["og:locale:alternate"] == ["en_GB"]
    assert {code for code, _href in meta.alternates} >= {"en", "pt"}


@pytest.mark.django_db
def test_an_import_in_an_unconfigured_language_is_refused(case_index, jsonl, capsys):
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_cases", jsonl(record("bcn-gardens-de", language="de")), verbosity=0)
    assert "line 1: language: must be one of en, fr, es, pt, not 'de'" in capsys.readouterr().err


@pytest.mark.django_db
def test_the_system_checks_say_what_a_language_still_lacks(settings):
    assert language_analyzers() == []
    # The vocabularies were loaded with Portuguese configured: countries got their
    # ISO 3166 names in it, cities (the member list has no Portuguese names) did not.
    lacking = {warning.obj: warning for warning in vocabulary_labels()}
    assert {warning.id for warning in lacking.values()} == {"taxonomy.W001"}
    assert City in lacking and Country not in lacking and "Português (pt)" in lacking[City].msg
    assert Country.objects.get(code="DE").labels["pt"] == "Alemanha"
    for theme in Theme.objects.all():
        theme.labels["pt"] = f"{theme.labels['en']} (pt)"
        theme.save()
    assert Theme in lacking and Theme not in {warning.obj for warning in vocabulary_labels()}

    # A language OpenSearch has no stop list and stemmer for stops start-up.
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES, ("tlh", "tlhIngan Hol")]
    assert [(error.id, error.level) for error in language_analyzers()] == [("search.E001", 40)]
