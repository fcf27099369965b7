import sys

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from alerts.digests import due_searches, send_digests
from alerts.models import PERIODS


class Command(BaseCommand):
    help = (
        "E-mail each member the new practices their saved searches find, for the searches whose daily or "
        "weekly digest is due (run it hourly or daily: what is not due waits). A practice is never announced "
        "twice for one search, even when runs overlap."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[frequency.value for frequency in PERIODS],
            action="append",
            help="Only the searches with this frequency (repeatable; default: every frequency).",
        )

    def handle(self, *args, frequency=None, verbosity=1, **options):
        frequencies = frequency or list(PERIODS)
        members = len(due_searches(timezone.now(), frequencies))
        with tqdm(total=members, desc="Digests", unit="member", disable=verbosity < 1, file=sys.stderr) as bar:
            summary = send_digests(frequencies, progress=lambda member, emailed: bar.update())
        self.stdout.write(
            f"{summary.searches} due saved searches of {summary.members} members: {summary.emails} e-mails "
            f"announcing {summary.practices} new practices, {summary.failures} failed."
        )
        if summary.failures:
            self.stderr.write("Some digests could not be sent (see the log); they are tried again on the next run.")
