"""Uploaded images are checked before they reach a page: type, size and pixel count."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def upload(file):
    form_class = get_image_form(get_image_model())
    return form_class(data={"title": "Photo"}, files={"file": file}, user=None)


def test_a_normal_photo_is_accepted():
    assert upload(png(800, 600)).is_valid()


def test_a_file_that_is_not_an_image_is_refused():
    form = upload(SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image", content_type="image/png"))
    assert not form.is_valid()
    assert "file" in form.errors


def test_a_decompression_bomb_is_refused():
    # 8,000 x 6,000 = 48 megapixels in a file of a few hundred kilobytes.
    form = upload(png(8000, 6000))
    assert not form.is_valid()
    assert "pixels" in form.errors["file"][0]


def test_a_file_over_ten_megabytes_is_refused():
    # Random pixels do not compress: 2,000 x 2,000 RGB noise makes a PNG of about 12 MB.
    noise = Image.frombytes("RGB", (2000, 2000), os.urandom(2000 * 2000 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG", compress_level=0)
    form = upload(SimpleUploadedFile("noise.png", buffer.getvalue(), content_type="image/png"))
    assert not form.is_valid()
    assert "Maximum filesize 10.0" in form.errors["file"][0]


def test_every_frame_of_an_animation_counts_against_the_pixel_limit():
    # 2,000 x 2,000 x 20 frames = 80 megapixels, which Willow reports as one frame of 4.
    frames = [Image.new("P", (2000, 2000), colour) for colour in range(20)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    form = upload(SimpleUploadedFile("animation.gif", buffer.getvalue(), content_type="image/gif"))
    assert not form.is_valid()
    assert "too many pixels (80000000)" in form.errors["file"][0]
