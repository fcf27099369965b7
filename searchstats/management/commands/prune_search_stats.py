"""Deletes the search analytics older than SEARCH_ANALYTICS_DAYS days. Run daily by
deploy/systemd/cities-exchange-searchstats.timer (docs/deploy.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from searchstats.recording import prune


class Command(BaseCommand):
    help = "Delete the search analytics older than SEARCH_ANALYTICS_DAYS days (all of them when it is 0)."

    def handle(self, *args, **options):
        deleted = prune()
        if options["verbosity"]:
            self.stdout.write(f"{deleted} daily searches deleted (kept: {settings.SEARCH_ANALYTICS_DAYS} days).")
