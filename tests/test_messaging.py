"""Members write to experts through the site: the expert is told by e-mail and answers
in an inbox; neither side ever sees the other's e-mail address; senders are limited,
can be blocked and reported; nobody reaches a conversation that is not theirs."""

import smtplib
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from experts.models import ExpertDirectoryPage, ExpertProfilePage
from members.messaging_forms import MESSAGES_PER_HOUR, NEW_CONVERSATIONS_PER_HOUR
from members.models import Block, Conversation, Message, MessageReport
from taxonomy.models import Country
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def expert_profile(owner, *, name="Amara Okafor", language="en", slug=None):
    directory = ExpertDirectoryPage.objects.get(locale__language_code=language)
    profile = directory.add_child(
        instance=ExpertProfilePage(
            title=name,
            slug=slug or name.lower().replace(" ", "-"),
            country=Country.objects.get(code="FR"),
            owner_account=owner,
        )
    )
    profile.save_revision().publish()
    return profile


@pytest.fixture
def expert():
    return UserFactory(email="amara.private@example.org")


@pytest.fixture
def profile(expert):
    return expert_profile(expert)


@pytest.fixture
def member(client):
    user = UserFactory(email="jonas.secret@example.org")
    client.force_login(user)
    return user


def write(client, profile, subject="Clinics in Accra", body="How did you staff the clinics?"):
    return client.post(f"/en/members/contact/{profile.pk}/", {"subject": subject, "body": body})


def start_conversation(client, profile, **message):
    response = write(client, profile, **message)
    assert response.status_code == 302, response.content.decode()
    return Conversation.objects.latest("pk")


def test_a_member_writes_to_an_expert_who_is_told_by_e_mail_and_reads_it_in_the_inbox(client, member, expert, profile):
    page = client.get(profile.url).content.decode()
    assert f'action="/en/members/contact/{profile.pk}/"' in page and "csrfmiddlewaretoken" in page

    response = write(client, profile)
    conversation = Conversation.objects.get()
    assert response.url == f"/en/members/inbox/{conversation.pk}/"
    assert (conversation.starter, conversation.recipient, conversation.expert) == (member, expert, profile)

    [email] = mail.outbox
    assert email.to == ["amara.private@example.org"]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL and not email.reply_to
    link = f"http://localhost/en/members/inbox/{conversation.pk}/"
    assert link in email.body and "Clinics in Accra" in email.body
    assert "jonas.secret" not in str(email.message())

    client.force_login(expert)
    inbox = client.get("/en/members/inbox/").content.decode()
    assert "Clinics in Accra" in inbox and "1 unread message" in inbox
    thread = client.get(f"/en/members/inbox/{conversation.pk}/").content.decode()
    assert "How did you staff the clinics?" in thread
    assert "jonas.secret" not in inbox + thread
    assert "unread message" not in client.get("/en/members/inbox/").content.decode()
    assert Message.objects.get().read_at is not None


def test_the_expert_answers_and_the_answer_reaches_the_starter(client, member, expert, profile):
    conversation = start_conversation(client, profile)
    mail.outbox.clear()

    client.force_login(expert)
    response = client.post(f"/en/members/inbox/{conversation.pk}/", {"body": "With community health workers."})
    assert response.status_code == 302

    [email] = mail.outbox
    assert email.to == ["jonas.secret@example.org"]
    assert "Amara Okafor" in email.subject and "amara.private" not in str(email.message())
    assert f"/en/members/inbox/{conversation.pk}/" in email.body

    client.force_login(member)
    assert "1 unread message" in client.get("/en/members/inbox/").content.decode()
    thread = client.get(f"/en/members/inbox/{conversation.pk}/").content.decode()
    assert "With community health workers." in thread and "amara.private" not in thread


def test_the_notification_speaks_the_language_of_the_experts_profile(client, member):
    french_expert = UserFactory()
    profile = expert_profile(french_expert, name="Claire Dubois", language="fr")
    conversation = start_conversation(client, profile)
    [email] = mail.outbox
    assert f"http://localhost/fr/members/inbox/{conversation.pk}/" in email.body


def test_html_in_a_message_is_shown_as_text(client, member, expert, profile):
    conversation = start_conversation(client, profile, subject="<b>Hi</b>", body="<script>alert(1)</script>")
    client.force_login(expert)
    for url in ("/en/members/inbox/", f"/en/members/inbox/{conversation.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html and "<b>Hi</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Hi&lt;/b&gt;" in html


def test_a_sixth_conversation_within_an_hour_is_refused_with_a_clear_message(client, member):
    profiles = [expert_profile(UserFactory(), name=f"Expert {n}") for n in range(NEW_CONVERSATIONS_PER_HOUR + 1)]
    for profile in profiles[:-1]:
        start_conversation(client, profile)

    response = write(client, profiles[-1])
    assert response.status_code == 200
    assert f"You can start at most {NEW_CONVERSATIONS_PER_HOUR} conversations an hour" in response.content.decode()
    assert Conversation.objects.count() == NEW_CONVERSATIONS_PER_HOUR
    assert len(mail.outbox) == NEW_CONVERSATIONS_PER_HOUR

    Conversation.objects.update(created_at=Conversation.objects.first().created_at - timedelta(hours=2))
    start_conversation(client, profiles[-1])


def test_answers_are_limited_too(client, member, profile):
    conversation = start_conversation(client, profile)
    Message.objects.bulk_create(
        Message(conversation=conversation, sender=member, body="again") for _ in range(MESSAGES_PER_HOUR - 1)
    )
    response = client.post(f"/en/members/inbox/{conversation.pk}/", {"body": "One more"})
    assert response.status_code == 200
    assert f"You can send at most {MESSAGES_PER_HOUR} messages an hour" in response.content.decode()
    assert not Message.objects.filter(body="One more").exists()


def test_a_blocked_member_can_neither_answer_nor_start_again(client, member, expert, profile):
    conversation = start_conversation(client, profile)
    client.force_login(expert)
    assert client.post(f"/en/members/inbox/{conversation.pk}/block/").status_code == 302
    assert Block.objects.filter(blocker=expert, blocked=member).exists()
    mail.outbox.clear()

    client.force_login(member)
    response = client.post(f"/en/members/inbox/{conversation.pk}/", {"body": "Please answer"})
    assert (
        response.status_code == 200 and "Amara Okafor does not accept messages from you." in response.content.decode()
    )
    response = write(client, profile, subject="Again")
    assert response.status_code == 200 and "This expert does not accept messages from you." in response.content.decode()
    assert Message.objects.count() == 1 and Conversation.objects.count() == 1 and not mail.outbox

    client.force_login(expert)
    client.post(f"/en/members/inbox/{conversation.pk}/block/", {"action": "unblock"})
    client.force_login(member)
    assert client.post(f"/en/members/inbox/{conversation.pk}/", {"body": "Thank you"}).status_code == 302


def test_a_reported_message_reaches_the_moderators_who_resolve_it_in_the_admin(
    client, member, expert, profile, moderator
):
    start_conversation(client, profile, body="Buy cheap watches")
    message = Message.objects.get()
    mail.outbox.clear()

    client.force_login(expert)
    response = client.post(f"/en/members/messages/{message.pk}/report/", {"reason": "Spam"})
    assert response.status_code == 302
    report = MessageReport.objects.get()
    assert (report.message, report.reporter, report.reason, report.resolved) == (message, expert, "Spam", False)
    [email] = mail.outbox
    assert email.to == ["moderator@example.org"]
    assert (
        "Spam" in email.body
        and f"http://localhost/admin/snippets/members/messagereport/edit/{report.pk}/" in email.body
    )
    assert "jonas.secret" not in email.body and "amara.private" not in email.body

    client.force_login(moderator)
    listing = client.get("/admin/snippets/members/messagereport/")
    assert listing.status_code == 200 and "Spam" in listing.content.decode()
    edit_url = f"/admin/snippets/members/messagereport/edit/{report.pk}/"
    assert "Buy cheap watches" in client.get(edit_url).content.decode()
    client.post(edit_url, {"resolved": "on"})
    report.refresh_from_db()
    assert report.resolved and report.reason == "Spam"


def test_an_empty_report_is_refused_on_the_thread(client, member, expert, profile):
    conversation = start_conversation(client, profile)
    client.force_login(expert)
    response = client.post(f"/en/members/messages/{conversation.messages.get().pk}/report/", {"reason": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not MessageReport.objects.exists()


def test_experts_without_an_address_or_with_a_closed_account_say_why_and_oneself_cannot_be_contacted(client, member):
    closed = expert_profile(UserFactory(is_active=False), name="Closed Expert")
    nobody = expert_profile(None, name="Imported Expert")
    nobody.organisation, nobody.website = "UN-Habitat", "https://unhabitat.org/"
    nobody.save_revision().publish()
    own = expert_profile(member, name="Jonas Berg")

    assert "This expert&#x27;s account is closed" in client.get(closed.url).content.decode()
    page = client.get(nobody.url).content.decode()
    assert "We have no e-mail address for this expert" in page
    assert '<a href="https://unhabitat.org/" rel="noopener">' in page and "Contact them through UN-Habitat" in page
    for profile in (closed, nobody):
        assert write(client, profile).status_code == 200
    page = client.get(own.url).content.decode()
    assert "This is your own profile" in page and reverse("members:contact", args=[own.pk]) not in page
    assert "This is your own profile" in write(client, own).content.decode()
    assert not Conversation.objects.exists() and not mail.outbox


def test_anonymous_visitors_are_asked_to_sign_in(client, profile):
    page = client.get(profile.url).content.decode()
    assert f'href="/en/accounts/login/?next={profile.url}"' in page
    assert "csrfmiddlewaretoken" not in page


def test_only_the_two_participants_reach_a_conversation(client, member, expert, profile):
    conversation = start_conversation(client, profile)
    message = conversation.messages.get()
    urls = {
        "get": [f"/en/members/inbox/{conversation.pk}/"],
        "post": [
            f"/en/members/inbox/{conversation.pk}/",
            f"/en/members/inbox/{conversation.pk}/block/",
            f"/en/members/messages/{message.pk}/report/",
        ],
    }
    data = {"body": "Intrusion", "reason": "Intrusion"}

    client.force_login(UserFactory())
    assert "Clinics in Accra" not in client.get("/en/members/inbox/").content.decode()
    for url in urls["get"]:
        assert client.get(url).status_code == 404
    for url in urls["post"]:
        assert client.post(url, data).status_code == 404

    client.logout()
    for url in [*urls["get"], "/en/members/inbox/", f"/en/members/contact/{profile.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/en/accounts/login/?next=")
    for url in urls["post"]:
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith("/en/accounts/login/?next=")

    # The starter cannot report their own message; state changes answer only to POST.
    client.force_login(member)
    assert client.post(f"/en/members/messages/{message.pk}/report/", data).status_code == 404
    assert client.get(f"/en/members/inbox/{conversation.pk}/block/").status_code == 405
    assert not Block.objects.exists() and not MessageReport.objects.exists()
    assert Message.objects.count() == 1


def test_every_form_is_protected_against_cross_site_requests(member, profile):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(member)
    assert write(csrf_client, profile).status_code == 403
    assert not Conversation.objects.exists()


def test_a_mail_server_failure_is_logged_and_the_message_still_arrives(client, member, profile, monkeypatch, caplog):
    class BrokenConnection:
        def send_messages(self, messages):
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("core.notifications.get_connection", BrokenConnection)
    conversation = start_conversation(client, profile)
    assert conversation.messages.count() == 1
    assert "members/email/new_message notification to 1 recipient(s) could not be sent" in caplog.text
