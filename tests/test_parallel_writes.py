"""Members acting at the same moment: parallel writes wait for each other instead of
failing ("database is locked" on SQLite), and a limit counted on what is stored holds
exactly, however many requests race for it. Each test runs on the configured database:
CI runs the suite on SQLite (a file in WAL mode, as `make run` uses) and on PostgreSQL.
"""

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from wagtail.models import Site

from experts.models import ExpertProfilePage, MemberSettings
from members.messaging_forms import MESSAGES_PER_HOUR
from members.models import Conversation, Message
from tests.factories import UserFactory
from tests.test_expert_profiles import jpeg, profile_form
from tests.test_messaging import expert_profile

# Requests in other threads use their own database connections, which only see
# committed data: these tests commit, and the database is emptied afterwards.
pytestmark = pytest.mark.django_db(transaction=True)


def at_once(requests):
    """Send every request (a function of no argument) from its own thread, released
    together; the responses in the same order."""
    start = threading.Barrier(len(requests))

    def send(request):
        start.wait()
        try:
            return request()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(send, requests))


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_twenty_members_saving_their_profiles_at_once_all_succeed(site_skeleton):
    member_settings = MemberSettings.for_site(Site.objects.get(is_default_site=True))
    member_settings.review_profile_changes = False
    member_settings.save()
    members = [UserFactory() for _ in range(20)]
    for number, member in enumerate(members):
        expert_profile(member, name=f"Expert {number}")
    clients = [signed_in(member) for member in members]

    responses = at_once(
        [
            lambda client=client, number=number: client.post(
                "/en/members/profile/", profile_form(title=f"Dr Expert {number}", photo_upload=jpeg())
            )
            for number, client in enumerate(clients)
        ]
    )

    assert [response.status_code for response in responses] == [302] * 20
    published = ExpertProfilePage.objects.live().filter(owner_account__in=members)
    assert sorted(published.values_list("title", flat=True)) == sorted(f"Dr Expert {n}" for n in range(20))
    assert all(profile.photo_id for profile in published)


def test_twenty_members_writing_to_an_expert_at_once_are_all_delivered(site_skeleton):
    profile = expert_profile(UserFactory())
    clients = [signed_in(UserFactory()) for _ in range(20)]

    responses = at_once(
        [
            lambda client=client: client.post(
                f"/en/members/contact/{profile.pk}/", {"subject": "Clinics", "body": "How did you staff them?"}
            )
            for client in clients
        ]
    )

    assert [response.status_code for response in responses] == [302] * 20
    assert Conversation.objects.filter(expert=profile).count() == 20
    assert Message.objects.count() == 20


def test_forty_answers_sent_at_once_stop_exactly_at_the_hourly_limit(site_skeleton):
    member = UserFactory()
    client = signed_in(member)
    client.post(f"/en/members/contact/{expert_profile(UserFactory()).pk}/", {"subject": "Clinics", "body": "Hello"})
    conversation = Conversation.objects.get()
    clients = [signed_in(member) for _ in range(40)]

    responses = at_once(
        [
            lambda client=client, number=number: client.post(
                f"/en/members/inbox/{conversation.pk}/", {"body": f"Answer {number}"}
            )
            for number, client in enumerate(clients)
        ]
    )

    statuses = [response.status_code for response in responses]
    assert statuses.count(302) == MESSAGES_PER_HOUR - 1
    assert statuses.count(200) == 40 - (MESSAGES_PER_HOUR - 1)
    assert Message.objects.filter(sender=member).count() == MESSAGES_PER_HOUR


def database_settings_seen_by_the_server(database_url):
    """What a development server makes of DATABASE_URL, asked in a process of its own."""
    code = (
        "from django.db import connection as c; o = c.settings_dict['OPTIONS']; "
        "print(c.vendor, o.get('transaction_mode'), o.get('timeout'), "
        "c.vendor == 'sqlite' and c.cursor().execute('PRAGMA journal_mode').fetchone()[0])"
    )
    # A real server has none of the test run's variables (DJANGO_ALLOW_ASYNC_UNSAFE...).
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "PYTHONPATH") if key in os.environ}
    environment.update(DJANGO_SETTINGS_MODULE="usesite.settings.dev", DATABASE_URL=database_url)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.split()


def test_sqlite_writes_in_wal_mode_with_immediate_transactions_and_postgresql_is_left_alone(tmp_path):
    sqlite = database_settings_seen_by_the_server(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert sqlite == ["sqlite", "IMMEDIATE", "20", "wal"]
    postgresql = database_settings_seen_by_the_server("postgres://cities:secret@db.example.org:5432/cities")
    assert postgresql == ["postgresql", "None", "None", "False"]
