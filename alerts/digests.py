"""The e-mail digests of saved searches: for each member whose searches are due, the
practices published since the last digest that each search finds now, found by the
search service itself (OpenSearch, or the database while it is unreachable), in one
e-mail in the member's language.

Each practice is recorded (SentAlert) in the same transaction that sends the e-mail,
before it leaves: a re-run, or a run overlapping this one, finds it recorded and
leaves it out; a failed sending rolls the records back, and the next run tries again.
"""

import logging
import smtplib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from core import links, public_url
from search import service

from .models import SavedSearch, SentAlert
from .tokens import unsubscribe_token

logger = logging.getLogger(__name__)

# The practices a digest lists per search; more are counted and linked to the search page.
SHOWN = 20
# Pages of newest matches read per search, 50 at a time: beyond 200 new practices a
# period, a digest stops being read anyway.
PAGE_SIZE = 50
PAGES = 4
# How late a practice may reach the index after its publication and still be announced.
LATE_INDEXING = timedelta(days=1)


@dataclass
class Section:
    saved_search: SavedSearch
    practices: list = field(default_factory=list)

    @property
    def shown(self):
        return self.practices[:SHOWN]

    @property
    def more(self):
        return max(0, len(self.practices) - SHOWN)


def published(hit):
    value = hit.get("first_published_at")
    return parse_datetime(value) if isinstance(value, str) else value


def new_practices(saved_search):
    """The hits the search finds now, published since it was last checked, that its
    digests have not announced yet, newest first, as the search finds them in the
    active language (the member's).

    It looks back a day before the last check too: a practice published just before
    a run may reach the index (through the outbox) only after it."""
    since = max(saved_search.created_at, saved_search.checked_at - LATE_INDEXING)
    search, _problems = service.read_criteria(saved_search.query, ui_language=translation.get_language())
    search = replace(search, page_size=PAGE_SIZE, counts=False)
    announced = {str(key) for key in saved_search.sent.values_list("translation_key", flat=True)}
    found = []
    for page in range(1, PAGES + 1):
        results = service.search(replace(search, page=page))
        recent = [hit for hit in results.hits if published(hit) and published(hit) > since]
        found += [hit for hit in recent if hit["translation_key"] not in announced]
        if len(recent) < len(results.hits) or page * PAGE_SIZE >= results.total:
            break
    return found


def claimed(saved_search, hits):
    """The hits no other run has announced for this search, now recorded as announced."""
    mine = []
    for hit in hits:
        try:
            with transaction.atomic():
                SentAlert.objects.create(saved_search=saved_search, translation_key=hit["translation_key"])
        except IntegrityError:
            continue
        mine.append(hit)
    return mine


def member_language(searches):
    """The language of the search the member saved last: the one they use the site in."""
    return max(searches, key=lambda saved: saved.created_at).language


def absolute(base, path):
    return urljoin(base + "/", path)


def digest_email(user, sections, base):
    """The e-mail of one member's digest (plain text and HTML), with the one-click
    unsubscribe headers of RFC 8058 for every search it covers. Call in the member's language."""
    everything = reverse("alerts:unsubscribe", args=[unsubscribe_token([s.saved_search.pk for s in sections])])
    for section in sections:
        saved = section.saved_search
        section.search_url = absolute(base, links.link("search", query=saved.query))
        section.unsubscribe_url = absolute(base, reverse("alerts:unsubscribe", args=[unsubscribe_token([saved.pk])]))
        for hit in section.practices:
            hit["absolute_url"] = absolute(base, hit["url"])
    context = {
        "sections": sections,
        "count": sum(len(section.practices) for section in sections),
        "site_name": settings.SITE_NAME,
        "language": translation.get_language(),
        "base_url": base,
        "manage_url": absolute(base, reverse("alerts:list")),
        "unsubscribe_url": absolute(base, everything),
    }
    subject = " ".join(render_to_string("alerts/email/digest_subject.txt", context).split())
    email = EmailMultiAlternatives(
        subject,
        render_to_string("alerts/email/digest.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.attach_alternative(render_to_string("alerts/email/digest.html", context), "text/html")
    return email


@dataclass
class RunSummary:
    members: int = 0
    searches: int = 0
    emails: int = 0
    practices: int = 0
    failures: int = 0


def due_searches(now, frequencies):
    """{member: [their due searches]} of the members with an address."""
    due = {}
    searches = SavedSearch.objects.filter(frequency__in=frequencies).exclude(user__email="").select_related("user")
    for saved in searches.order_by("user_id", "pk"):
        if saved.is_due(now):
            due.setdefault(saved.user, []).append(saved)
    return due


def send_digests(frequencies, progress=lambda member, emailed: None):
    """Send the digests due now; `progress` is told of each member done."""
    now = timezone.now()
    summary = RunSummary()
    base = public_url.base_url()
    for user, searches in due_searches(now, frequencies).items():
        summary.members += 1
        summary.searches += len(searches)
        with translation.override(member_language(searches)):
            emailed = send_member_digest(user, searches, base, now, summary)
        progress(user, emailed)
    return summary


def send_member_digest(user, searches, base, now, summary):
    try:
        with transaction.atomic():
            sections = [Section(saved, claimed(saved, new_practices(saved))) for saved in searches]
            sections = [section for section in sections if section.practices]
            if sections:
                digest_email(user, sections, base).send()
            SavedSearch.objects.filter(pk__in=[saved.pk for saved in searches]).update(checked_at=now)
    except (smtplib.SMTPException, OSError):
        # Rolled back: the practices stay unannounced and the searches due.
        logger.exception("The search digest to member %s could not be sent", user.pk)
        summary.failures += 1
        return False
    if sections:
        summary.emails += 1
        summary.practices += sum(len(section.practices) for section in sections)
    return bool(sections)
