import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from taxonomy.loader import VocabularyLoader, count_terms, read_members, read_taxonomy


class Command(BaseCommand):
    help = "Load the controlled vocabularies and member cities from taxonomy/data/ (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Reset terms edited in the admin (labels, order, colours, positions) to the data files.",
        )

    def handle(self, *args, overwrite=False, **options):
        taxonomy, members = read_taxonomy(), read_members()
        with tqdm(
            total=count_terms(taxonomy, members),
            desc="Vocabularies",
            unit="term",
            disable=options["verbosity"] < 1,
            file=sys.stderr,
        ) as bar:
            loader = VocabularyLoader(overwrite=overwrite, progress=lambda: bar.update(1))
            report = loader.load(taxonomy, members)
        self.stdout.write(report.summary())
