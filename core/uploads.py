"""What may be uploaded: images that Pillow can read, whose every frame counts against
the pixel limit, and from a member no more than a daily quota, photos and documents
together. The request itself is capped before it is read (core/middleware.py). A
member's upload is private until a live page shows it (core/private_media.py)."""

import posixpath
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files import File
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


# Wagtail's own messages, so its catalogs translate them (names, so that makemessages
# does not copy them into ours).
WAGTAIL_LIMITS_TEXT = "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."
WAGTAIL_FORMATS_TEXT = "Not a supported image format. Supported formats: %(supported_formats)s."
WAGTAIL_UNKNOWN_SIZE_TEXT = "This file is too big. Maximum filesize %(max_filesize)s."


def translated(message, **values):
    """Wagtail's `message` with its values, in the language of whoever reads it (a lazy
    value among them is formatted then too)."""
    return lazy(lambda: gettext(message) % values, str)()


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with every frame counted against the pixel limit, a file
    that only starts like an image refused as one the member can understand, and
    every text in the language of whoever reads it.

    Wagtail formats the size limit ("10,0 MB" in Spanish), and translates the help
    text and two error messages, when the field is made; a form's declared fields are
    made when its module is first imported, during the first request a server process
    answers, in that visitor's language: a process whose first visitor read Spanish
    then spoke Spanish to everyone. Here each text is made when it is shown."""

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size_text = lazy(filesizeformat, str)(self.max_upload_size)
        self.error_messages["invalid_image_extension"] = translated(
            WAGTAIL_FORMATS_TEXT, supported_formats=self.supported_formats_text
        )
        self.error_messages["file_too_large_unknown_size"] = translated(
            WAGTAIL_UNKNOWN_SIZE_TEXT, max_filesize=self.max_upload_size_text
        )
        self.explain(help_text)

    def explain(self, own):
        """Sets the help text: the form's own words, then the formats and the size limit."""
        self.help_text = lazy(self.described, str)(own)

    def described(self, own):
        """The form's own words, then the formats and the size limit."""
        limits = translated(
            WAGTAIL_LIMITS_TEXT,
            supported_formats=self.supported_formats_text,
            max_upload_size=self.max_upload_size_text,
        )
        return f"{own} {limits}" if own else str(limits)

    def check_image_pixel_size(self, f):
        """Willow names the format from the first bytes and Pillow reads the rest only
        here: a file that is `GIF89a` and then HTML, or a PNG whose header is damaged,
        is "not an image" rather than an error of the site (wagtail/wagtail#1354)."""
        try:
            super().check_image_pixel_size(f)
            check_every_frame(f, self)
        except (PillowImage.UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE). get_image_form makes its
    file field a WagtailImageField, whatever the base form declares: it is replaced by
    ours here, with the same label, widget and requirement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if field := self.fields.get("file"):
            self.fields["file"] = CheckedImageField(label=field.label, required=field.required, widget=field.widget)


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
