from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.private_media import made_private, unreviewed_public_uploads


class Command(BaseCommand):
    help = (
        "Move members' uploads that no live page uses into the private media folder: those "
        "stored before unreviewed uploads were kept apart (docs/security.md, 'Uploads')."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Name the files without moving them.")

    def handle(self, *args, dry_run, **options):
        # "Used by a live page" is read from Wagtail's reference index: make it whole first.
        call_command("rebuild_references_index", verbosity=0)
        for model, permission in (
            (get_image_model(), "wagtailimages.choose_image"),
            (get_document_model(), "wagtaildocs.choose_document"),
        ):
            with transaction.atomic():
                uploads = list(unreviewed_public_uploads(model, permission))
                for upload in uploads:
                    self.stdout.write(f"{model._meta.verbose_name} {upload.pk}: {upload.file.name}")
                    if not dry_run:
                        made_private(upload)
            verb = "would move" if dry_run else "moved"
            self.stdout.write(f"{verb} {len(uploads)} {model._meta.verbose_name_plural} to the private folder")
