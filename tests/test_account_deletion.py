"""A member who is an expert in two languages and has written and received messages
deletes their account: their personal data goes, everyone else's pages keep working."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from search.client import get_client
from search.index import alias_name
from tests.factories import UserFactory
from tests.test_messaging import expert_profile, start_conversation

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db]

PASSWORD = "a-long-test-password"


def indexed_titles():
    client = get_client()
    client.indices.refresh(index=alias_name())
    found = client.search(index=alias_name(), body={"size": 100, "query": {"match_all": {}}})
    return sorted(hit["_source"]["title"] for hit in found["hits"]["hits"])


def everything_stored():
    dump = StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=dump)
    return dump.getvalue()


def test_an_expert_with_conversations_and_a_translated_profile_deletes_the_account(client, apply_index_changes):
    amara = UserFactory(email="amara.private@example.org")
    english = expert_profile(amara, name="Amara Okafor")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.position = "Directrice de la santé publique"
    french.save_revision().publish()
    jonas = UserFactory(email="jonas.secret@example.org")
    kofi = UserFactory(email="kofi.mensah@example.org")
    kofi_profile = expert_profile(kofi, name="Kofi Mensah")

    # Jonas writes to Amara, who answers; Amara writes to Kofi, who answers.
    client.force_login(jonas)
    received = start_conversation(client, english, subject="Clinics in Accra", body="How did you staff them?")
    client.force_login(amara)
    assert client.post(f"/en/members/inbox/{received.pk}/", {"body": "With nurses from Tamale."}).status_code == 302
    started = start_conversation(client, kofi_profile, subject="Surveillance in Kumasi", body="Which sentinel sites?")
    client.force_login(kofi)
    assert client.post(f"/en/members/inbox/{started.pk}/", {"body": "Twelve clinics."}).status_code == 302
    apply_index_changes()
    assert indexed_titles() == ["Amara Okafor", "Amara Okafor", "Kofi Mensah"]
    urls = {"en": english.url, "fr": french.url}

    client.force_login(amara)
    response = client.post("/en/members/delete/", {"password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "Your account and your personal data have been deleted." in response.content.decode()
    apply_index_changes()

    # Her account, both language versions of her profile and what she wrote are gone.
    stored = everything_stored()
    for personal in ("amara.private@example.org", "Amara Okafor", "Directrice de la santé publique",
                     "With nurses from Tamale.", "Which sentinel sites?"):  # fmt: skip
        assert personal not in stored, personal
    for url in urls.values():
        assert client.get(url).status_code == 404
    assert indexed_titles() == ["Kofi Mensah"]
    assert client.get("/en/members/").status_code == 302  # signed out

    # The other side: inboxes, threads and data downloads answer, without her.
    for user, conversation in ((jonas, received), (kofi, started)):
        client.force_login(user)
        inbox = client.get("/en/members/inbox/")
        assert inbox.status_code == 200
        assert conversation.subject not in inbox.content.decode() and "unread" not in inbox.content.decode()
        assert client.get(f"/en/members/inbox/{conversation.pk}/").status_code == 404
        data = client.get("/en/members/data.json")
        assert data.status_code == 200 and "Amara" not in data.content.decode()
    assert client.get(kofi_profile.url).status_code == 200
    # Kofi can still be written to, and Jonas can still write.
    client.force_login(jonas)
    assert start_conversation(client, kofi_profile, subject="Clinics", body="A question.").recipient == kofi
