"""Saved searches and their e-mail digests: a member receives, in their language, the
practices published since the last digest that their search finds, never twice, and
stops the alerts from the e-mail without signing in."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from alerts import digests
from alerts.models import Frequency, SavedSearch, SentAlert
from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage
from tests.factories import UserFactory

PUBLIC = "https://cities.example.org"
LINK = re.compile(r"https?://\S+")


def saved(user, query, *, language="en", frequency=Frequency.DAILY, name="My search"):
    """A search saved now, last checked two days ago: its digest is due."""
    return SavedSearch.objects.create(
        user=user,
        query=query,
        language=language,
        frequency=frequency,
        name=name,
        checked_at=timezone.now() - timedelta(days=2),
    )


@pytest.fixture
def newsroom(db, apply_index_changes, settings):
    """A housing case published before the search was saved, then new cases: two on
    housing (one translated to French) and one on water."""
    settings.PUBLIC_BASE_URL = PUBLIC
    call_command("setup_site", no_admin=True, verbosity=0)
    index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    french = Locale.objects.get(language_code="fr")
    index.copy_for_translation(french).save_revision().publish()
    old = CaseStudyPageFactory(parent=index, title="Old housing fund", taxonomy__topic="housing")
    old.first_published_at = timezone.now() - timedelta(days=30)
    old.save()
    member = UserFactory(email="ines@example.org")
    search = saved(member, "topic=housing", language="fr", name="Logement")

    def publish_news():
        cases = {
            "cooperatives": CaseStudyPageFactory(parent=index, title="Housing cooperatives", taxonomy__topic="housing"),
            "rent": CaseStudyPageFactory(parent=index, title="Rent guarantee", taxonomy__topic="housing"),
            "water": CaseStudyPageFactory(parent=index, title="Rainwater gardens", taxonomy__topic="water"),
        }
        translation = cases["cooperatives"].copy_for_translation(french)
        translation.title = "Coopératives de logements"
        translation.save_revision().publish()
        cases["cooperatives_fr"] = translation
        apply_index_changes()
        return cases

    return member, search, publish_news


def links(text):
    return LINK.findall(text)


@pytest.mark.opensearch
def test_a_digest_lists_only_the_new_matching_practices_in_the_members_language_once(newsroom, capsys):
    _member, search, publish_news = newsroom
    cases = publish_news()
    call_command("send_search_alerts", verbosity=0)
    (email,) = mail.outbox
    assert email.to == ["ines@example.org"]
    assert email.subject == "[Cities Exchange] 2 nouvelles pratiques pour vos recherches enregistrées"
    assert "Coopératives de logements" in email.body and "Rent guarantee" in email.body
    for absent in ("Old housing fund", "Rainwater gardens", "Housing cooperatives"):
        assert absent not in email.body
    assert f"{PUBLIC}{cases['cooperatives_fr'].url}" in email.body
    assert f"{PUBLIC}{cases['rent'].url}" in email.body
    assert all(link.startswith(PUBLIC) for link in links(email.body)), links(email.body)
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert f'<a href="{PUBLIC}{cases["cooperatives_fr"].url}">Coopératives de logements</a>' in html
    assert '<html lang="fr">' in html
    assert SentAlert.objects.filter(saved_search=search).count() == 2

    # Due again (as if a day had passed) and run twice: nothing new, nothing sent.
    SavedSearch.objects.update(checked_at=timezone.now() - timedelta(days=2))
    call_command("send_search_alerts", verbosity=0)
    call_command("send_search_alerts", verbosity=0)
    assert len(mail.outbox) == 1
    assert "1 due saved searches of 1 members: 0 e-mails announcing 0 new practices" in capsys.readouterr().out


@pytest.mark.opensearch
def test_only_due_searches_of_the_chosen_frequency_get_a_digest(newsroom):
    member, _search, publish_news = newsroom
    weekly = saved(UserFactory(), "topic=housing", frequency=Frequency.WEEKLY)
    weekly.checked_at = timezone.now() - timedelta(days=8)
    weekly.save()
    not_due = saved(UserFactory(), "topic=housing")
    not_due.checked_at = timezone.now() - timedelta(hours=3)
    not_due.save()
    saved(UserFactory(), "topic=housing", frequency=Frequency.NONE)
    publish_news()
    call_command("send_search_alerts", frequency=["weekly"], verbosity=0)
    assert [email.to for email in mail.outbox] == [[weekly.user.email]]
    call_command("send_search_alerts", verbosity=0)
    assert [email.to for email in mail.outbox][1:] == [[member.email]]


@pytest.mark.opensearch
def test_one_member_gets_one_email_for_all_their_due_searches(newsroom):
    member, _search, publish_news = newsroom
    saved(member, "topic=water", language="fr", name="Eau")
    publish_news()
    call_command("send_search_alerts", verbosity=0)
    (email,) = mail.outbox
    assert "== Logement ==" in email.body and "== Eau ==" in email.body
    assert "Rainwater gardens" in email.body


@pytest.mark.opensearch
def test_the_link_of_the_email_stops_the_alerts_without_signing_in(newsroom):
    _member, search, publish_news = newsroom
    publish_news()
    call_command("send_search_alerts", verbosity=0)
    (email,) = mail.outbox
    stop = next(link for link in links(email.body) if "/unsubscribe/" in link)
    visitor = Client()
    page = visitor.get(stop.removeprefix(PUBLIC))
    assert page.status_code == 200
    assert "Logement" in page.content.decode()
    search.refresh_from_db()
    assert search.frequency == Frequency.DAILY  # opening the link alone stops nothing
    done = visitor.post(stop.removeprefix(PUBLIC))
    assert "Vous ne recevrez plus d’alertes pour cette recherche." in done.content.decode()
    search.refresh_from_db()
    assert search.frequency == Frequency.NONE


@pytest.mark.opensearch
def test_a_mail_client_unsubscribes_in_one_click_from_the_headers(newsroom):
    _member, search, publish_news = newsroom
    publish_news()
    call_command("send_search_alerts", verbosity=0)
    (email,) = mail.outbox
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = email.extra_headers["List-Unsubscribe"]
    assert header.startswith(f"<{PUBLIC}/fr/members/saved-searches/unsubscribe/") and header.endswith(">")
    # RFC 8058: a POST with this body, without cookies or CSRF token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(header[1:-1].removeprefix(PUBLIC), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    search.refresh_from_db()
    assert search.frequency == Frequency.NONE


@pytest.mark.django_db
def test_an_altered_or_foreign_token_shows_a_friendly_page(client):
    search = saved(UserFactory(), "topic=housing")
    for token in ("nonsense", "W1dd:1abc:xyz", "a" * 300):
        for method in (client.get, client.post):
            response = method(f"/en/members/saved-searches/unsubscribe/{token}/")
            assert response.status_code == 400
            assert "This link is not valid any more" in response.content.decode()
    search.refresh_from_db()
    assert search.frequency == Frequency.DAILY


@pytest.mark.opensearch
def test_a_digest_the_mail_server_refused_is_sent_on_the_next_run(newsroom, monkeypatch, capsys):
    _member, search, publish_news = newsroom
    publish_news()

    def refuse(email, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("gone")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", refuse)
        call_command("send_search_alerts", verbosity=0)
    assert mail.outbox == [] and not SentAlert.objects.exists()
    assert "1 failed" in capsys.readouterr().out
    call_command("send_search_alerts", verbosity=0)
    (email,) = mail.outbox
    assert "Rent guarantee" in email.body
    assert SentAlert.objects.filter(saved_search=search).count() == 2


@pytest.mark.opensearch
def test_a_run_overlapping_another_leaves_out_what_the_other_announced(newsroom, monkeypatch):
    """Two runs at once (a timer firing while a slow run still sends): what the other
    run recorded between this run's search and its sending is not announced again."""
    _member, search, publish_news = newsroom
    cases = publish_news()
    find = digests.new_practices

    def found_while_the_other_run_sends(saved_search):
        hits = find(saved_search)
        the_other_runs = next(hit for hit in hits if hit["title"] == "Rent guarantee")
        SentAlert.objects.create(saved_search=saved_search, translation_key=the_other_runs["translation_key"])
        return hits

    monkeypatch.setattr(digests, "new_practices", found_while_the_other_run_sends)
    call_command("send_search_alerts", verbosity=0)
    (email,) = mail.outbox
    assert "Coopératives de logements" in email.body and "Rent guarantee" not in email.body
    assert set(SentAlert.objects.filter(saved_search=search).values_list("translation_key", flat=True)) == {
        cases["rent"].translation_key,
        cases["cooperatives"].translation_key,
    }
