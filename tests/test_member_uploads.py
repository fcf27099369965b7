"""What members upload is bounded and leaves with them: a daily quota, requests over the
size limit refused before they are read, animated images counted frame by frame, and
every photo of a deleted account gone from the disk and from /media/."""

import io
import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.views.static import serve
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Site

from cases.factories import CaseStudyPageFactory
from core.uploads import MEMBER_UPLOAD_QUOTA, store_member_image
from experts.models import MemberSettings
from tests.factories import UserFactory
from tests.test_expert_profiles import moderate, own, profile_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    """An empty media folder for the test alone, so every byte in it is the test's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def member(client):
    user = UserFactory(email="amara.private@example.org")
    client.force_login(user)
    return user


def photo(name="amara.jpg", size=(400, 400), noise=False):
    """A JPEG; with noise it barely compresses (7.5 MB at 2,000 x 2,000)."""
    pixels = os.urandom(size[0] * size[1] * 3) if noise else bytes(size[0] * size[1] * 3)
    image = Image.frombytes("RGB", size, pixels)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=100)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def files_in(folder):
    return {path: path.stat().st_size for path in Path(folder).rglob("*") if path.is_file()}


def served(media_root, path):
    """Whether /media/<path> answers, served as `make run` serves media."""
    relative = path.relative_to(media_root).as_posix()
    try:
        serve(RequestFactory().get(f"/media/{relative}"), relative, document_root=media_root)
    except Http404:
        return False
    return True


def test_deleting_an_account_leaves_not_one_byte_of_the_members_photos(
    client, member, moderator, case_index, media, django_capture_on_commit_callbacks
):
    # Committed as the site commits them: a published photo leaves the private folder.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/members/profile/", profile_form(photo_upload=photo("first.jpg")))
        moderate(own(member), moderator, "approve")
        member_settings = MemberSettings.for_site(Site.objects.get(is_default_site=True))
        member_settings.review_profile_changes = False
        member_settings.save()
        for name in ("second.jpg", "third.jpg"):
            client.post("/en/members/profile/", profile_form(photo_upload=photo(name)))
        assert client.get(own(member).url).status_code == 200  # renders the current photo's rendition
        for image in get_image_model().objects.all():
            image.get_rendition("fill-100x100")
        # A case the member contributed stays published, and its photo with it.
        case_photo = store_member_image(member, "Plot", photo("plot.jpg"))
        CaseStudyPageFactory(parent=case_index, hero_image=case_photo)
    case_photo.refresh_from_db()
    kept = Path(case_photo.file.path)
    before = files_in(media)
    assert sum(1 for path in before if "original_images" in path.parts) == 4
    assert sum(1 for path in before if "images" in path.parts) >= 4  # the renditions

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/members/delete/", {"password": "a-long-test-password"})

    after = files_in(media)
    assert list(after) == [kept]
    assert sum(size for path, size in after.items() if path != kept) == 0
    assert not any(served(media, path) for path in before if path != kept)
    assert served(media, kept)
    assert list(get_image_model().objects.values_list("pk", flat=True)) == [case_photo.pk]


def test_a_member_may_upload_thirty_megabytes_a_day(client, member, media):
    big = photo(size=(2000, 2000), noise=True)
    assert 5 * 1024 * 1024 < big.size < 10 * 1024 * 1024
    accepted = MEMBER_UPLOAD_QUOTA // big.size
    for _ in range(accepted):
        big.seek(0)
        response = client.post("/en/members/profile/", profile_form(photo_upload=big))
        assert response.status_code == 302

    big.seek(0)
    response = client.post("/en/members/profile/", profile_form(photo_upload=big))
    assert response.status_code == 200
    assert "may upload 30.0\xa0MB a day" in response.content.decode()
    assert get_image_model().objects.filter(uploaded_by_user=member).count() == accepted

    # A day later the quota is free again.
    get_image_model().objects.update(created_at=get_image_model().objects.first().created_at.replace(year=2000))
    big.seek(0)
    assert client.post("/en/members/profile/", profile_form(photo_upload=big)).status_code == 302


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anyone reads it."""

    def read(self, size=-1):
        raise AssertionError("the oversize body was read")

    readline = read


@pytest.mark.parametrize("path", ["/en/members/profile/", "/admin/images/multiple/add/", "/api/v1/search/"])
def test_a_request_over_eleven_megabytes_is_refused_before_its_body_is_read(client, member, path):
    response = client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "the site accepts at most 11.0\xa0MB at a time" in response.content.decode()


def test_the_refusal_speaks_the_visitors_language(client):
    response = client.post("/fr/accounts/signup/", b"", content_type="text/plain", CONTENT_LENGTH="20000000")
    assert response.status_code == 413
    assert "Rien n’a été enregistré" in response.content.decode()


def animated_gif(width, height, frames):
    images = [Image.new("P", (width, height), colour) for colour in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:])
    return SimpleUploadedFile("animation.gif", buffer.getvalue(), content_type="image/gif")


def test_every_frame_of_an_animated_photo_counts_against_the_pixel_limit(client, member, media):
    # 2,000 x 2,000 x 20 frames = 80 megapixels in a file of under 100 kB.
    response = client.post("/en/members/profile/", profile_form(photo_upload=animated_gif(2000, 2000, 20)))
    assert response.status_code == 200
    assert "This file has too many pixels (80000000)" in response.content.decode()
    assert not get_image_model().objects.exists()

    response = client.post("/en/members/profile/", profile_form(photo_upload=animated_gif(400, 400, 20)))
    assert response.status_code == 302
