"""What may be uploaded: images whose every frame counts against the pixel limit, and
from a member no more than a daily quota, photos and documents together. The request
itself is capped before it is read (core/middleware.py). A member's upload is private
until a live page shows it (core/private_media.py)."""

import posixpath
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .private_media import UNREVIEWED

# Three files at the largest size accepted (WAGTAILIMAGES_MAX_UPLOAD_SIZE,
# WAGTAILDOCS_MAX_UPLOAD_SIZE) a day, photos and PDFs together: a profile photo, a
# case's photos and its report, with room to try again, while a member saving a form
# in a loop cannot fill the disk (docs/security.md).
MEMBER_UPLOAD_QUOTA = 30 * 1024 * 1024
QUOTA_PERIOD = timedelta(hours=24)


def check_every_frame(file, field):
    """Willow's Pillow plugin reports one frame for any image, so Wagtail's pixel limit
    lets a 2000 x 2000 GIF of 20 frames through: count the pixels of all of them."""
    file.seek(0)
    with PillowImage.open(file) as image:
        pixels = image.width * image.height * getattr(image, "n_frames", 1)
    file.seek(0)
    if pixels > field.max_image_pixels:
        raise ValidationError(
            field.error_messages["file_too_many_pixels"]
            % {"num_pixels": pixels, "max_pixels_count": field.max_image_pixels},
            code="file_too_many_pixels",
        )


# Wagtail's own message, so its catalogs translate it (a name, so that makemessages
# does not copy it into ours).
WAGTAIL_LIMITS_TEXT = "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."


class MemberImageField(WagtailImageField):
    """The image field of the members' forms."""

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.explain(help_text)

    def explain(self, own):
        """The help text: the form's own words, then the formats and the size limit, in
        the visitor's language. Wagtail writes its own instead, translated once when
        the form class is defined, so always in English."""
        self.help_text = lazy(self.described, str)(own)

    def described(self, own):
        limits = gettext(WAGTAIL_LIMITS_TEXT) % {
            "supported_formats": self.supported_formats_text,
            "max_upload_size": self.max_upload_size_text,
        }
        return f"{own} {limits}" if own else limits

    def check_image_pixel_size(self, f):
        super().check_image_pixel_size(f)
        check_every_frame(f, self)


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), frames counted too."""

    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):
            check_every_frame(file, self.fields["file"])
        return file


def uploaded_since(user, since):
    """Bytes the member stored since then, images and documents."""
    return sum(
        model.objects.filter(uploaded_by_user=user, created_at__gte=since).aggregate(total=Sum("file_size"))["total"]
        or 0
        for model in (get_image_model(), get_document_model())
    )


def check_upload_quota(user, file, *alongside):
    """Refuses the upload if it takes the member past the daily quota, counting what
    they stored and the files `alongside` it in the same form. Call it in the
    transaction that stores them (core/limits.py)."""
    used = uploaded_since(user, timezone.now() - QUOTA_PERIOD)
    if used + file.size + sum(other.size for other in alongside) > MEMBER_UPLOAD_QUOTA:
        raise ValidationError(
            _(
                "You have uploaded %(used)s in the last 24 hours and may upload %(quota)s a day: "
                "this file would go over. Please try again tomorrow, or choose a smaller file."
            )
            % {"used": filesizeformat(used), "quota": filesizeformat(MEMBER_UPLOAD_QUOTA)},
            code="upload_quota",
        )


def unreviewed(file):
    """The file, named so that it is stored privately (core/private_media.py)."""
    return File(file, name=UNREVIEWED + posixpath.basename(file.name))


def store_member_image(user, title, file):
    """The image, private until a live page shows it, with the size the quota counts."""
    return get_image_model().objects.create(
        title=title, file=unreviewed(file), uploaded_by_user=user, file_size=file.size
    )


def store_member_document(user, title, file):
    """The document, private until a live page links it, with the size and hash
    Wagtail's own upload form records."""
    document = get_document_model().objects.create(
        title=title, file=unreviewed(file), uploaded_by_user=user, file_size=file.size
    )
    document.get_file_hash()
    return document
