"""`import_cases`: a partner network hands over its practices as JSON Lines."""

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from cases.importing import CaseImporter
from cases.models import CaseIndexPage, CaseStudyPage
from taxonomy.models import City

pytestmark = pytest.mark.django_db


def case(external_id, **fields):
    record = {
        "external_id": external_id,
        "language": "en",
        "title": f"Practice {external_id}",
        "summary": "What the city did.",
        "sections": {"context": "First paragraph.\n\nSecond <b>paragraph</b>.", "lessons": "Start small."},
        "city": "barcelona",
        "country": "ES",
        "start_year": 2018,
        "status": "ongoing",
        "themes": ["metropolitan-futures"],
        "topics": ["housing"],
        "sdgs": [11],
        "target_groups": ["older-people"],
        "approaches": ["public-participation"],
        "tags": ["cooperatives", "rent"],
        "organisation": "Ajuntament de Barcelona",
        "website": "https://example.org/housing",
    }
    record.update(fields)
    return record


def test_good_rows_are_imported_and_published(case_index, jsonl, capsys):
    call_command("import_cases", jsonl(case("bcn-1"), "", case("bcn-2", city="Bogota", country="CO")), verbosity=0)
    assert "2 created, 0 updated, 0 rejected" in capsys.readouterr().out
    page = CaseStudyPage.objects.get(external_id="bcn-1")
    assert page.live and page.get_parent().specific == case_index
    assert page.context == "<p>First paragraph.</p><p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>"
    assert [t.slug for t in page.topics.all()] == ["housing"]
    assert sorted(tag.name for tag in page.tags.all()) == ["cooperatives", "rent"]
    assert page.status.slug == "ongoing"
    # A city given by its name, accents and case ignored.
    assert CaseStudyPage.objects.get(external_id="bcn-2").city.slug == "bogota"


def test_bad_rows_are_named_and_nothing_is_half_written(case_index, jsonl, capsys):
    bad_rows = [
        "{not json",
        case("bad-topic", topics=["air-quality-never"]),
        case("bad-theme-topic", topics=["safety-gender-violence"]),
        case("bad-sdg", sdgs=[18]),
        case("no-title", title=""),
        case("long-title", title="x" * 256),
        case("orphan", language="fr", translation_of="nowhere"),
        case("bad-url", website="ftp://example.org"),
        case("bad-year", start_year=1900),
        case("new-city-bad-country", city="Atlantis", country="XX"),
    ]
    with pytest.raises(CommandError, match="10 row"):
        call_command("import_cases", jsonl(case("good"), *bad_rows), verbosity=0)
    captured = capsys.readouterr()
    assert "1 created, 0 updated, 10 rejected" in captured.out
    for expected in (
        "line 2: (line): not valid JSON",
        "line 3: topics: unknown topic 'air-quality-never'",
        "line 4: topics: 'safety-gender-violence' not in the given themes",
        "line 5: sdgs: 18 outside 1 to 17",
        "line 6: title: is required",
        "line 7: title: is 256 characters long; at most 255 are allowed",
        "line 8: translation_of: no case with external_id 'nowhere'",
        "line 9: website: must be an http(s) address",
        "line 10: start_year: must be from 1950",
        "line 11: country: 'XX' is not an ISO 3166-1 alpha-2 code",
    ):
        assert expected in captured.err
    assert list(CaseStudyPage.objects.values_list("external_id", flat=True)) == ["good"]
    assert not City.objects.filter(labels__en="Atlantis").exists()


def test_importing_again_updates_instead_of_duplicating(case_index, jsonl, capsys):
    call_command("import_cases", jsonl(case("bcn-1")), verbosity=0)
    call_command("import_cases", jsonl(case("bcn-1", title="Housing cooperatives, second phase")), verbosity=0)
    assert "0 created, 1 updated, 0 rejected" in capsys.readouterr().out
    page = CaseStudyPage.objects.get(external_id="bcn-1")
    assert page.title == "Housing cooperatives, second phase"
    assert page.live and page.revisions.count() == 2


def test_a_translation_becomes_the_other_languages_version_of_the_same_page(case_index, jsonl):
    french = case("bcn-1-fr", language="fr", translation_of="bcn-1", title="Coopératives de logement")
    # The translation may come before its original in the file.
    call_command("import_cases", jsonl(french, case("bcn-1")), verbosity=0)
    english = CaseStudyPage.objects.get(external_id="bcn-1")
    translation = CaseStudyPage.objects.get(external_id="bcn-1-fr")
    assert translation.translation_key == english.translation_key
    assert translation.locale.language_code == "fr"
    assert english.get_translation(translation.locale) == translation
    # The French case index was made as a translation of the English one.
    assert translation.get_parent().specific.translation_key == case_index.translation_key
    assert CaseIndexPage.objects.filter(locale__language_code="fr").count() == 1


def test_dry_run_checks_everything_and_writes_nothing(case_index, jsonl, capsys):
    call_command(
        "import_cases",
        jsonl(case("bcn-1"), case("new", city="Atlantis", country="GR", region="europe")),
        dry_run=True,
        verbosity=0,
    )
    assert "2 would be created" in capsys.readouterr().out
    assert not CaseStudyPage.objects.exists()
    assert not City.objects.filter(labels__en="Atlantis").exists()


def test_an_unknown_city_is_created_and_reported_and_extra_fields_warned(case_index, jsonl, capsys):
    call_command(
        "import_cases", jsonl(case("kyiv", city="Kyiv", country="UA", region="europe", award="x")), verbosity=0
    )
    err = capsys.readouterr().err
    assert "line 1: city: 'Kyiv' is not in the vocabulary" in err
    assert "line 1: award: unknown field, ignored" in err
    kyiv = City.objects.get(labels__en="Kyiv")
    assert (kyiv.is_member, kyiv.country.code, kyiv.region.slug) == (False, "UA", "europe")
    assert kyiv.country.labels["fr"] == "Ukraine"


def test_draft_imports_stay_unpublished(case_index, jsonl):
    call_command("import_cases", jsonl(case("draft-1")), draft=True, verbosity=0)
    page = CaseStudyPage.objects.get(external_id="draft-1")
    assert not page.live
    assert page.get_latest_revision() is not None


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_cases", str(tmp_path / "missing.jsonl"), verbosity=0)


def test_without_a_case_index_each_row_is_rejected_and_the_translation_names_its_originals_line(jsonl, capsys):
    french = case("bcn-1-fr", language="fr", translation_of="bcn-1")
    with pytest.raises(CommandError, match="2 row"):
        call_command("import_cases", jsonl(case("bcn-1"), french), verbosity=0)
    captured = capsys.readouterr()
    assert "0 created, 0 updated, 2 rejected" in captured.out
    assert "line 1: language: the site has no case index page yet" in captured.err
    assert "line 2: translation_of: points to line 1, which was rejected" in captured.err
    assert not CaseStudyPage.objects.exists()


def test_a_row_the_database_refuses_is_rejected_and_the_import_goes_on(case_index, jsonl, capsys, monkeypatch):
    save = CaseImporter.save

    def locked_for_one_row(importer, record, existing):
        if record.external_id == "locked":
            raise OperationalError("database is locked")
        save(importer, record, existing)

    monkeypatch.setattr(CaseImporter, "save", locked_for_one_row)
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_cases", jsonl(case("locked"), case("fine")), verbosity=0)
    assert "line 1: (line): could not be written: database is locked" in capsys.readouterr().err
    assert list(CaseStudyPage.objects.values_list("external_id", flat=True)) == ["fine"]
