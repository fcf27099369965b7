from django.conf import settings
from django.core.management.base import BaseCommand

from operations.backups import backup


class Command(BaseCommand):
    help = "Back up the database and the media folder into one timestamped archive (docs/backup.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", default=str(settings.VAR_DIR / "backups"), help="Folder of the archive (var/backups)."
        )

    def handle(self, *args, output_dir, **options):
        archive, manifest = backup(output_dir, progress=self.stdout.write)
        size = archive.stat().st_size / 1_000_000
        self.stdout.write(
            f"Backup written: {archive} ({size:.1f} MB; {manifest['pages']} pages, "
            f"{manifest['media_files']} media file(s))."
        )
