from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand

from operations.backups import restore


class Command(BaseCommand):
    help = (
        "Restore a backup archive into the configured (new, empty) database and media folder, "
        "then rebuild the search index and verify it (docs/backup.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by `manage.py backup`.")

    def handle(self, *args, archive, **options):
        manifest = restore(archive, progress=self.stdout.write)
        self.stdout.write("Applying any newer migrations...")
        call_command("migrate", interactive=False, verbosity=0)
        # The cache tables came back with the database: pages, counters and breaker
        # state from the day of the backup. Shared caches elsewhere (Redis) too.
        for cache in caches.all():
            cache.clear()
        self.stdout.write(f"Restored {manifest['pages']} pages and {manifest['media_files']} media file(s).")
        call_command("search_index", "rebuild", verbosity=options["verbosity"], stdout=self.stdout)
        call_command("search_index", "verify", stdout=self.stdout)
