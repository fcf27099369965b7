"""Search synonyms editors keep in the admin: a set of terms in any language that a
search treats as one, applied to the live index within the save, no rebuild."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from demo.factories import CaseStudyPageFactory
from search import service
from search.models import SynonymSet
from search.query import SearchRequest
from tests.factories import SuperUserFactory

pytestmark = pytest.mark.django_db


def found(text, ui_language="en"):
    results = service.search(SearchRequest(text=text, ui_language=ui_language))
    assert results.engine == "opensearch"
    return {hit["title"] for hit in results.hits}


@pytest.fixture
def editor_client(client):
    client.force_login(SuperUserFactory())
    return client


def add_set(editor_client, terms):
    return editor_client.post(reverse("wagtailsnippets_search_synonymset:add"), {"terms": terms})


@pytest.fixture
def micro_forests(case_indexes, apply_index_changes):
    """A Spanish and a French case, each naming a tiny forest in its own words only (the
    summaries are fixed: random filler words would give "did you mean" something to offer)."""
    spanish, french = case_indexes["es"], case_indexes["fr"]
    CaseStudyPageFactory(
        parent=spanish,
        title="Microbosques en los patios escolares",
        summary="Plantaciones densas de especies nativas en las escuelas.",
        taxonomy__topic="nature-based-solutions",
    )
    CaseStudyPageFactory(
        parent=french,
        title="Des micro-forêts au pied des immeubles",
        summary="Des plantations denses d'essences locales dans les quartiers.",
        taxonomy__topic="nature-based-solutions",
    )
    apply_index_changes()


@pytest.mark.opensearch
def test_a_set_an_editor_saves_finds_the_other_terms_at_once_and_survives_a_rebuild(
    editor_client, micro_forests, apply_index_changes, django_capture_on_commit_callbacks
):
    cases = {"Microbosques en los patios escolares", "Des micro-forêts au pied des immeubles"}
    assert found("tiny forest") & cases == set()
    with django_capture_on_commit_callbacks(execute=True):
        response = add_set(editor_client, "tiny forest\nmicro-forêt\nmicrobosque")
    assert response.status_code == 302
    # The next search already knows: no rebuild, in English and without accents too.
    assert found("tiny forest") >= cases
    assert found("micro foret", ui_language="fr") >= cases
    assert "Microbosques en los patios escolares" in found("micro-forêt", ui_language="fr")

    call_command("search_index", "rebuild", verbosity=0)
    assert found("tiny forest") >= cases

    with django_capture_on_commit_callbacks(execute=True):
        SynonymSet.objects.get(terms__startswith="tiny forest").delete()
    assert found("tiny forest") & cases == set()


@pytest.mark.opensearch
def test_the_starter_sets_join_a_concept_across_languages(case_index, apply_index_changes):
    french = case_index.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    CaseStudyPageFactory(
        parent=french, title="Une banque alimentaire de quartier", taxonomy__topic="poverty-inequality"
    )
    CaseStudyPageFactory(parent=case_index, title="Cycle lanes for schools", taxonomy__topic="sustainable-mobility")
    apply_index_changes()
    assert SynonymSet.objects.count() >= 100
    assert found("food pantry") == {"Une banque alimentaire de quartier"}
    assert found("banco de alimentos", ui_language="es") == {"Une banque alimentaire de quartier"}


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("", "This field is required."),
        ("food bank", "A set needs at least two different terms."),
        ("food bank\nFood Bank\n\n", "A set needs at least two different terms."),
        ("food bank, food pantry", "Line 1 (&quot;food bank, food pantry&quot;): put each term on a line of its own"),
        ("food bank\n=> pantry", "Line 2"),
        ("food bank\n---", "Line 2: a term needs at least one letter or digit."),
        ("food bank\n" + "very " * 20 + "long", "Line 2: a term has at most 6 words and 80 characters."),
        ("\n".join(f"term {number}" for number in range(21)), "A set has at most 20 terms (this one has 21)"),
    ],
)
def test_the_form_explains_what_is_wrong_with_a_set(editor_client, terms, message):
    before = SynonymSet.objects.count()
    response = add_set(editor_client, terms)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SynonymSet.objects.count() == before


def test_a_saved_set_keeps_one_tidy_term_per_line(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        add_set(editor_client, "  swap   shop \n\nzone de gratuité\nZone de Gratuité\ntienda de trueque\n")
    saved = SynonymSet.objects.get(terms__startswith="swap shop")
    assert saved.term_list() == ["swap shop", "zone de gratuité", "tienda de trueque"]
    assert str(saved) == "swap shop, zone de gratuité, tienda de trueque"
