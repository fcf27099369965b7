import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cases.importing import CaseImporter


class Command(BaseCommand):
    help = "Import case studies from a JSON Lines file (see docs/import-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines file, one case per line")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and write nothing.")
        parser.add_argument("--draft", action="store_true", help="Leave imported pages as drafts.")

    def handle(self, *args, file, dry_run=False, draft=False, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                total = sum(1 for text in handle if text.strip())
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        with tqdm(total=total, desc="Cases", unit="case", disable=options["verbosity"] < 1, file=sys.stderr) as bar:
            report = CaseImporter(draft=draft, dry_run=dry_run, progress=lambda: bar.update(1)).run(file)
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        for problem in report.rejected:
            self.stderr.write(self.style.ERROR(f"rejected: {problem}"))
        verb = "would be " if dry_run else ""
        self.stdout.write(
            f"{report.created} {verb}created, {report.updated} {verb}updated, {len(report.rejected)} rejected"
            + (" (dry run: nothing written)" if dry_run else "")
        )
        if report.rejected:
            raise CommandError(f"{len(report.rejected)} row(s) rejected; see the lines above.")
