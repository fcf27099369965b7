from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prints the codes of settings.LANGUAGES, one a line (the Makefile's catalogue targets read them)."
    # A language lacking its labels or analyzer fails the system checks; its catalogue
    # must still be made.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--translated",
            action="store_true",
            help="Only the languages translated from LANGUAGE_CODE, which have a message catalogue.",
        )

    def handle(self, *args, translated=False, **options):
        for code, _name in settings.LANGUAGES:
            if not (translated and code == settings.LANGUAGE_CODE):
                self.stdout.write(code)
