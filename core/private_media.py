"""Uploads nobody has reviewed yet: the photos and documents of a member's draft case
or of a profile change waiting for the moderators stay out of the public media folder
until a live page shows them.

A member's upload is stored under a name that starts with UNREVIEWED (core/uploads.py),
and the media storage keeps every such name, and the renditions Wagtail names after
it, under `private/` in MEDIA_ROOT. Nothing serves that folder directly (nginx marks it
internal, `make run` refuses it): its files are reached at /private-media/<path>, whose
view lets only the member who uploaded the file and the editors and moderators (who
may choose images and documents for pages) see it, and Wagtail's own /documents/ view
asks the same question (core/wagtail_hooks.py). When a page that uses the file is
published, the file moves to the public folder, its renditions are remade there, and
it is served as before (docs/decisions.md, "Hardening, second pass (issue 28): uploads").
"""

import posixpath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

PRIVATE = "private/"
# Starts the file name of every member upload, so that the renditions Wagtail names
# after the original ("<name>.fill-100x100.jpg") are recognised as private too.
UNREVIEWED = "unreviewed-"


def is_private(name):
    return name.startswith(PRIVATE)


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT, with the files of unreviewed uploads in its `private/` folder and
    their URLs pointing to the view that checks who asks."""

    def generate_filename(self, filename):
        filename = super().generate_filename(filename)
        if not is_private(filename) and posixpath.basename(filename).startswith(UNREVIEWED):
            filename = PRIVATE + filename
        return filename

    def url(self, name):
        if name and is_private(name):
            return reverse("private_media", args=[name.removeprefix(PRIVATE)])
        return super().url(name)


def owner_of(name):
    """(the upload a private file belongs to, the permission that shows it to an
    editor), or None when no upload has that file."""
    image_model, document_model = get_image_model(), get_document_model()
    image = image_model.objects.filter(file=name).first()
    if image is None:
        rendition = image_model.get_rendition_model().objects.filter(file=name).select_related("image").first()
        image = rendition.image if rendition else None
    if image is not None:
        return image, "wagtailimages.choose_image"
    document = document_model.objects.filter(file=name).first()
    return (document, "wagtaildocs.choose_document") if document else None


def may_see(user, upload, permission):
    """The member who uploaded it, and the editors and moderators who review it."""
    if not is_private(upload.file.name):
        return True
    return user.is_authenticated and (upload.uploaded_by_user_id == user.pk or user.has_perm(permission))


@cache_control(private=True)
def serve(request, path):
    """A private file, to those who may see it; everyone else finds nothing there.
    In production nginx sends the file (X-Accel-Redirect, settings SENDFILE_*)."""
    # File names are at most 100 characters (Wagtail's file fields); PostgreSQL refuses
    # a NUL in a query: neither can name a file, and neither must reach the database.
    if len(path) > 255 or "\x00" in path:
        raise Http404
    found = owner_of(PRIVATE + path)
    if found is None or not may_see(request.user, *found):
        raise Http404
    upload = found[0]
    # As Wagtail's document view does: a SENDFILE_BACKEND if one is set, else streamed.
    backend = None if hasattr(settings, "SENDFILE_BACKEND") else sendfile_streaming_backend.sendfile
    response = sendfile(request, default_storage.path(PRIVATE + path), backend=backend)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if isinstance(upload, get_document_model()):
        response["Content-Disposition"] = upload.content_disposition
    return response


def refuse(request, path):
    """`make run` serves MEDIA_ROOT as it is: not its private folder."""
    raise Http404


def made_public(upload):
    """Moves the upload's file to the public folder under the name it had before it
    was marked unreviewed."""
    folder, name = posixpath.split(upload.file.name.removeprefix(PRIVATE))
    move(upload, posixpath.join(folder, name.removeprefix(UNREVIEWED)))


def made_private(upload):
    """Moves the file of an upload made before unreviewed uploads were kept apart
    into the private folder, marked so that its renditions follow it."""
    folder, name = posixpath.split(upload.file.name)
    move(upload, PRIVATE + posixpath.join(folder, UNREVIEWED + name))


def move(upload, new_name):
    """Copies the file to `new_name` (the storage's save does not route names) and
    drops the renditions, which are remade beside it. The old file goes once the
    transaction commits, so a rollback leaves the upload's file in place."""
    storage = upload.file.storage
    old = upload.file.name
    with storage.open(old) as content:
        upload.file.name = storage.save(new_name, content)
    upload.save(update_fields=["file"])
    if hasattr(upload, "renditions"):
        # Wagtail deletes their files and forgets them in its cache (post_delete).
        for rendition in upload.renditions.all():
            rendition.delete()
    transaction.on_commit(lambda: storage.delete(old))


def unreviewed_public_uploads(model, permission):
    """Uploads of members (users who may not choose them for pages) that are still
    in the public folder although no live page uses them: those stored before
    unreviewed uploads were kept apart."""
    uploads = model.objects.filter(uploaded_by_user__isnull=False).exclude(file__startswith=PRIVATE)
    members = {
        user.pk
        for user in get_user_model().objects.filter(pk__in=uploads.values("uploaded_by_user"))
        if not user.has_perm(permission)
    }
    candidates = set(uploads.filter(uploaded_by_user__in=members).values_list("pk", flat=True))
    return model.objects.filter(pk__in=candidates - used_by_live_pages(model, candidates))


def private_uploads(model):
    return model.objects.filter(file__startswith=PRIVATE)


def publish_uploads(sender, instance, **kwargs):
    """page_published: the files the live page now shows become public."""
    models = [model for model in (get_image_model(), get_document_model()) if private_uploads(model).exists()]
    if not models:
        return  # most publishes (imports, the demo, editors' pages): nothing to look up
    with transaction.atomic():
        # The index is built from the page's row, which now holds the live content.
        ReferenceIndex.create_or_update_for_object(instance)
        references = ReferenceIndex.get_references_for_object(instance)
        for model in models:
            shown = references.filter(to_content_type=ContentType.objects.get_for_model(model))
            ids = [int(pk) for pk in shown.values_list("to_object_id", flat=True)]
            for upload in private_uploads(model).filter(pk__in=ids):
                made_public(upload)


def used_by_live_pages(model, ids):
    """The ids, among `ids`, of the uploads that a live page uses (in any field, block
    or inline), after Wagtail's reference index, which is built from the pages' rows:
    for a live page, its live content."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=[str(pk) for pk in ids],
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    # Both ids are text in the index: compared as numbers in Python, not across types in SQL.
    pages = {int(pk) for pk in references.values_list("object_id", flat=True)}
    live = Page.objects.live().filter(pk__in=pages).values_list("pk", flat=True)
    used = references.filter(object_id__in=[str(pk) for pk in live]).values_list("to_object_id", flat=True)
    return {int(pk) for pk in used}
