"""Round trips through the real OpenSearch test node with the site's analyzers."""

import pytest

from search.analysis import analysis_settings, language_text_fields
from search.client import get_client, index_name

pytestmark = pytest.mark.opensearch


@pytest.fixture
def practices(index_prefix):
    client = get_client()
    name = index_name("practices")
    client.indices.create(
        index=name,
        body={
            "settings": {"number_of_shards": 1, "number_of_replicas": 0, **analysis_settings()},
            "mappings": {"properties": {"language": {"type": "keyword"}, **language_text_fields()}},
        },
    )
    documents = [
        ("fr-housing", {"language": "fr", "text_fr": "Des logements abordables pour les familles de Montréal"}),
        ("es-health", {"language": "es", "text_es": "Atención de salud en los barrios de Bogotá"}),
        ("en-cities", {"language": "en", "text_en": "Cities sharing their mobility policies"}),
        ("es-bonds", {"language": "es", "text_es": "Bonos verdes para el agua potable"}),
    ]
    for doc_id, body in documents:
        client.index(index=name, id=doc_id, body=body)
    client.indices.refresh(index=name)
    return name


def hits(index, field, text):
    response = get_client().search(index=index, body={"query": {"match": {field: text}}})
    return {hit["_id"] for hit in response["hits"]["hits"]}


def test_french_plural_is_found_by_its_singular(practices):
    assert hits(practices, "text_fr", "logement") == {"fr-housing"}


def test_accented_words_are_found_without_their_accent(practices):
    assert hits(practices, "text_fr", "montreal") == {"fr-housing"}
    assert hits(practices, "text_es", "atencion bogota") == {"es-health"}


def test_unaccented_text_is_found_with_an_accented_query(practices):
    assert hits(practices, "text_en", "citiés") == {"en-cities"}


def test_english_stemming_matches_singular_and_plural(practices):
    assert hits(practices, "text_en", "city policy") == {"en-cities"}


def test_spanish_short_words_match_singular_and_plural(practices):
    # Four-letter singulars and five-letter plurals stem alike, either way round.
    assert hits(practices, "text_es", "bono") == {"es-bonds"}
    assert hits(practices, "text_es", "aguas") == {"es-bonds"}
