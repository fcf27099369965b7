"""Documents attached to a case are found by their words, on the real OpenSearch node:
the index worker reads them, and a file it cannot read tells the editor why."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cases import attachments
from cases.models import DocumentText
from demo.documents import attach_document, encrypted_pdf_bytes, make_document
from demo.factories import CaseStudyPageFactory
from search import sync
from taxonomy.models import City

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

TERMS = [
    "Background of the programme and the city council mandate.",
    "Scope of the services requested from the consultant.",
    "Deliverables and calendar.",
    "The contractor shall run participatory budgeting assemblies in every borough.",
]


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def found(payload):
    """The titles of the results that hold the words (not those the recall tier adds)."""
    return [result["title"] for result in payload["results"] if not result["related"]]


def counts(payload, facet):
    return {item["value"]: item["count"] for item in payload["facets"][facet]}


def file_of(title, data, extension):
    document = get_document_model()(title=title)
    document.file.save(f"{title.replace(' ', '-')}.{extension}", ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def test_the_words_of_a_document_find_its_case_and_say_where(client, case_index, apply_index_changes):
    case = CaseStudyPageFactory(parent=case_index, title="Neighbourhood budgets", summary="Residents decide.")
    other = CaseStudyPageFactory(parent=case_index, title="Tree planting", city=City.objects.get(slug="berlin"))
    attach_document(case, "Consultancy terms", "terms-of-reference", TERMS)
    attach_document(other, "Planting evaluation", "evaluation", ["Trees survived the summer."], "docx")
    attach_document(other, "Planting kit", "toolkit", ["How to water young trees."], "odt")
    apply_index_changes()

    payload = api(client, q="participatory assemblies")
    assert found(payload) == ["Neighbourhood budgets"]
    where = payload["results"][0]["found_in"]
    assert (where["kind"], where["title"], where["page"]) == ("terms-of-reference", "Consultancy terms", 4)
    assert "<mark>participatory</mark>" in where["highlight"]

    html = client.get("/en/search/", {"q": "participatory assemblies"}).content.decode()
    assert "Found in: Terms of reference, p. 4" in html

    # The facet counts what ticking each value gives, with and without words.
    everything = api(client, type="case")
    assert counts(everything, "document_type") == {"terms-of-reference": 1, "evaluation": 1, "toolkit": 1}
    assert found(api(client, document_type="toolkit")) == ["Tree planting"]
    # With words, each count is what ticking it gives (the recall tier of issue 26 may
    # add related cases of other types; those are counted as the page shows them).
    with_words = counts(api(client, q="trees"), "document_type")
    for kind in ("evaluation", "toolkit"):
        assert with_words[kind] == api(client, q="trees", document_type=kind)["total"] == 1
    assert found(api(client, q="water young trees")) == ["Tree planting"]

    french = api(client, q="participatory", lang="fr")
    assert french["results"][0]["found_in"]["page"] == 4


@pytest.mark.parametrize(
    ("data", "extension", "says"),
    [
        (b"%PDF-1.4\n1 0 obj<</Type/Catalog>>\nthis is not a PDF", "pdf", "damaged or is not a real PDF file"),
        (b"PK\x03\x04 broken zip", "docx", "damaged or is not a real DOCX file"),
        (encrypted_pdf_bytes(["Secret words"]), "pdf", "protected by a password"),
    ],
)
def test_a_bad_file_leaves_the_worker_running_and_tells_the_editor(
    admin_client, case_index, apply_index_changes, data, extension, says
):
    bad = CaseStudyPageFactory(parent=case_index, title="Bad file")
    bad.documents.create(document=file_of("Bad", data, extension), kind="ordinance")
    bad.save_revision().publish()
    good = CaseStudyPageFactory(parent=case_index, title="Good file")
    attach_document(good, "Good", "toolkit", ["Compost bins for every courtyard."])
    apply_index_changes()

    assert sync.backlog() == 0
    assert found(api(admin_client, q="compost courtyard")) == ["Good file"]
    text = DocumentText.objects.get(document=bad.documents.get().document)
    assert text.status == DocumentText.Status.FAILED
    edit = admin_client.get(f"/admin/pages/{bad.pk}/edit/").content.decode()
    assert says in edit
    # The case itself is still found, and still counts under its document's type.
    assert "Bad file" in found(api(admin_client, q="bad file"))
    assert counts(api(admin_client, type="case"), "document_type") == {"ordinance": 1, "toolkit": 1}


def test_an_oversized_file_is_refused_and_a_long_one_read_in_part(
    admin_client, case_index, apply_index_changes, monkeypatch
):
    monkeypatch.setattr(attachments, "MAX_BYTES", 2000)
    monkeypatch.setattr(attachments, "MAX_PAGES", 2)
    big = CaseStudyPageFactory(parent=case_index, title="Big file")
    attach_document(big, "Big", "evaluation", ["Lots of words about cycling lanes."] * 30)
    long = CaseStudyPageFactory(parent=case_index, title="Long file")
    attach_document(long, "Long", "evaluation", ["Bus lanes first.", "Bus stops second.", "Funicular stops third."])
    apply_index_changes()

    assert sync.backlog() == 0
    assert found(api(admin_client, q="cycling lanes")) == []
    assert "documents up to 0.0 MB are read" in admin_client.get(f"/admin/pages/{big.pk}/edit/").content.decode()
    assert api(admin_client, q="bus stops")["results"][0]["found_in"]["page"] == 2
    assert found(api(admin_client, q="funicular")) == []
    html = admin_client.get(f"/admin/pages/{long.pk}/edit/").content.decode()
    assert "the first 2 of its 3 pages are read" in html


def test_a_file_that_takes_too_long_is_left_out(case_index, apply_index_changes, monkeypatch):
    monkeypatch.setattr(attachments, "TIMEOUT_SECONDS", 0.001)
    slow = CaseStudyPageFactory(parent=case_index, title="Slow file")
    attach_document(slow, "Slow", "presentation", ["Slides."])
    apply_index_changes()
    text = DocumentText.objects.get()
    assert text.problem == "too-slow"
    assert "took longer than" in text.message()


def test_a_document_is_read_again_only_when_its_file_changes(case_index, apply_index_changes):
    case = CaseStudyPageFactory(parent=case_index, title="Reused file")
    document = attach_document(case, "Ordinance", "ordinance", ["Article one: bicycles."])
    apply_index_changes()
    first = DocumentText.objects.get().extracted_at
    case.save_revision().publish()
    apply_index_changes()
    assert DocumentText.objects.get().extracted_at == first

    replacement = make_document("New ordinance", ["Article one: scooters."])
    document.file = replacement.file
    document._set_document_file_metadata()
    document.save()  # the signal queues the case again
    apply_index_changes()
    assert DocumentText.objects.get(document=document).pages == ["Article one: scooters."]
