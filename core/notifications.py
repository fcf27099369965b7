"""Notification e-mails: a one-line subject and a plain-text body rendered from two
templates, `<name>_subject.txt` and `<name>_body.txt`, in the recipient's language.

Each address gets its own e-mail from the site's address (DEFAULT_FROM_EMAIL), with
no Reply-To: no member's address ever travels with a notification, and recipients of
the same notice never see each other. The text links back to the site, where the
answer is written.
"""

import logging
import smtplib
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)


def zone(name):
    """The time zone called `name`, or the site's for a blank or unknown name."""
    try:
        return ZoneInfo(name) if name else timezone.get_default_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


def send_notification(template_name, context, recipients, *, language, time_zone=""):
    """E-mail `recipients` (addresses; empty ones are skipped) and return how many were
    sent. Build the links in `context` under `translation.override(language)` too, so
    they open the site in the language the e-mail is written in. Times are written in
    `time_zone` (an IANA name; blank or unknown: the site's TIME_ZONE).

    The event that triggered the notification is already stored when it is sent, and
    the recipient finds it on the site anyway; a mail server failure is therefore
    logged rather than turned into an error page for the member who acted."""
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return 0
    # Rendered without a request, so without the context processors: the site's name
    # is given here.
    context = {"site_name": settings.SITE_NAME, **context}
    with translation.override(language), timezone.override(zone(time_zone)):
        subject = " ".join(render_to_string(f"{template_name}_subject.txt", context).split())
        body = render_to_string(f"{template_name}_body.txt", context)
    emails = [EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    try:
        return get_connection().send_messages(emails)
    except (smtplib.SMTPException, OSError):
        logger.exception("The %s notification to %d recipient(s) could not be sent", template_name, len(emails))
        return 0
