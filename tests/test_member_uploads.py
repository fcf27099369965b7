"""What members upload is bounded, private until published and leaves with them: a
daily quota for photos and documents together, requests over the size limit refused
before they are read, animated images counted frame by frame, the files of a draft or
of a profile change in review seen only by their member and the editors, and every
photo and document of a deleted account gone from the disk and from /media/."""

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import Http404
from django.test import Client, RequestFactory
from django.views.static import serve
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from cases.models import CaseStudyPage
from core.uploads import MEMBER_UPLOAD_QUOTA, store_member_image
from demo.factories import CaseStudyPageFactory
from experts.models import MemberSettings
from tests.factories import UserFactory
from tests.test_case_contributions import contributed, png, send_case
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


def pdf(name="evaluation.pdf", size=0):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + bytes(size) + b"%%EOF\n", content_type="application/pdf")


def case_uploads(**changes):
    return {
        "hero_upload": photo("plot.jpg"),
        "document_upload": pdf(),
        "document_title": "Evaluation 2022",
        "picture_upload": png(),
        "picture_caption": "The first cooperative",
        "picture_alt": "Four-storey wooden building with balconies",
        **changes,
    }


def file_urls(page):
    """Every address of the files the latest version of the page shows: the document's
    page and file, each image's original and a rendition."""
    draft = CaseStudyPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    [document] = [item.document for item in draft.documents.all()]
    [picture] = [block.value["image"] for block in draft.gallery]
    urls = [document.url, document.file.url]
    for image in (draft.hero_image, picture):
        urls += [image.file.url, image.get_rendition("fill-100x100").url]
    return urls


def answers(client, media, url):
    """Whether the address gives its file: /media/ as nginx and `make run` serve it,
    the rest through the site."""
    if url.startswith("/media/"):
        return served(media, media / url.removeprefix("/media/"))
    response = client.get(url)
    return response.status_code == 200 and b"".join(response.streaming_content) != b""


def visitors(member, moderator):
    editor = UserFactory(email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    clients = {}
    for name, user in (("anonymous", None), ("another member", UserFactory()), ("owner", member)):
        clients[name] = Client()
        if user:
            clients[name].force_login(user)
    for name, user in (("editor", editor), ("moderator", moderator)):
        clients[name] = Client()
        clients[name].force_login(user)
    return clients


@pytest.mark.opensearch  # the published page asks for similar cases
def test_the_files_of_a_case_in_review_reach_only_their_member_and_the_editors_until_it_is_published(
    client, member, moderator, case_index, media, django_capture_on_commit_callbacks
):
    send_case(client, **case_uploads())
    page = contributed(member).page
    urls = file_urls(page)
    assert len(urls) == 6
    # Not one of its files lies where /media/ serves them, under any name: all are in
    # the private folder, which the site never serves as it is (nginx: internal).
    stored = [path.relative_to(media).as_posix() for path in files_in(media)]
    assert len(stored) == 5 and all(name.startswith("private/") for name in stored)
    assert {Client().get(f"/media/{name}").status_code for name in stored} == {404}

    reached = {
        name: [answers(visitor, media, url) for url in urls] for name, visitor in visitors(member, moderator).items()
    }
    assert reached == {
        "anonymous": [False] * 6,
        "another member": [False] * 6,
        "owner": [True] * 6,
        "editor": [True] * 6,
        "moderator": [True] * 6,
    }

    with django_capture_on_commit_callbacks(execute=True):
        moderate(page, moderator, "approve")
    public = file_urls(page)
    assert all(url.startswith(("/documents/", "/media/")) for url in public)
    assert [answers(Client(), media, url) for url in public] == [True] * 6
    assert not (media / "private").exists() or not files_in(media / "private")
    html = Client().get(CaseStudyPage.objects.get(pk=page.pk).url).content.decode()
    assert "private" not in html and "unreviewed" not in html


def test_a_profile_photo_waiting_for_review_is_seen_only_by_its_member_and_the_moderators(
    client, member, moderator, media, django_capture_on_commit_callbacks
):
    client.post("/en/members/profile/", profile_form(photo_upload=photo("portrait.jpg")))
    photo_of = own(member).get_latest_revision_as_object().photo
    urls = [photo_of.file.url, photo_of.get_rendition("fill-100x100").url]
    reached = {
        name: [answers(visitor, media, url) for url in urls] for name, visitor in visitors(member, moderator).items()
    }
    assert reached == {
        "anonymous": [False, False],
        "another member": [False, False],
        "owner": [True, True],
        "editor": [True, True],
        "moderator": [True, True],
    }

    with django_capture_on_commit_callbacks(execute=True):
        moderate(own(member), moderator, "approve")
    photo_of.refresh_from_db()
    public = [photo_of.file.url, photo_of.get_rendition("fill-100x100").url]
    assert all(url.startswith("/media/") for url in public)
    assert [answers(Client(), media, url) for url in public] == [True, True]


def test_deleting_an_account_removes_its_documents_from_the_disk_except_those_of_a_published_case(
    client, member, moderator, case_index, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published = case_uploads(hero_upload=None, document_upload=pdf("kept.pdf"), document_title="Kept")
        send_case(client, title="Published cooperatives", **published)
        moderate(contributed(member).page, moderator, "approve")
        send_case(client, title="Draft cooperatives", **case_uploads(document_upload=pdf("draft.pdf", 1000)))
    documents = {document.title: document for document in get_document_model().objects.all()}
    kept, draft = documents["Kept"], documents["Evaluation 2022"]
    kept_path, draft_path = Path(kept.file.path), Path(draft.file.path)
    assert draft_path.stat().st_size > 1000
    # The published case's gallery picture, shown through a block rather than a field.
    [picture] = [block.value["image"] for block in CaseStudyPage.objects.live().get().gallery]
    picture_path = Path(picture.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/members/delete/", {"password": "a-long-test-password"})

    assert sorted(files_in(media)) == sorted([kept_path, picture_path])
    assert not draft_path.exists()
    assert [document.title for document in get_document_model().objects.all()] == ["Kept"]
    assert list(get_image_model().objects.all()) == [picture]
    editor = Client()
    editor.force_login(moderator)
    assert editor.get(draft.url).status_code == 404
    assert Client().get(kept.url).status_code == 200


def test_documents_count_against_the_same_daily_quota_as_photos(client, member, case_index, media):
    big = 9_500_000
    for number in range(3):
        response = send_case(
            client, title=f"Cooperatives {number}", document_upload=pdf(size=big), document_title="Report"
        )
        assert response.status_code == 302
    response = send_case(client, title="Cooperatives 4", document_upload=pdf(size=big), document_title="Report")
    assert response.status_code == 200
    assert "may upload 30.0\xa0MB a day" in response.content.decode()
    assert get_document_model().objects.filter(uploaded_by_user=member).count() == 3

    # Photos share what the documents left: 1.5 MB.
    response = client.post("/en/members/profile/", profile_form(photo_upload=photo(size=(2000, 2000), noise=True)))
    assert response.status_code == 200
    assert "may upload 30.0\xa0MB a day" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_in_production_nginx_sends_a_private_file_once_the_app_has_let_the_member_in(client, member, media, settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_ROOT = str(media)
    settings.SENDFILE_URL = "/media"
    image = store_member_image(member, "Portrait", photo("portrait.jpg"))
    response = client.get(image.file.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/media/private/original_images/unreviewed-portrait.jpg"
    assert Client().get(image.file.url).status_code == 404


@pytest.mark.parametrize("path", ["%00.jpg", "images/a%01b.jpg", "1" * 5000, "../../db.sqlite3"])
def test_an_odd_private_address_is_not_found(client, member, path):
    # Without a dot, Django's LocaleMiddleware first tries the address under /en/.
    assert client.get(f"/private-media/{path}", follow=True).status_code == 404


def test_uploads_stored_before_they_were_kept_apart_are_hidden_by_a_command(
    member, moderator, case_index, media, django_capture_on_commit_callbacks
):
    image_model = get_image_model()
    old_draft_photo = image_model.objects.create(title="Draft", file=photo("draft.jpg"), uploaded_by_user=member)
    old_document = get_document_model().objects.create(title="Report", file=pdf("report.pdf"), uploaded_by_user=member)
    live_photo = image_model.objects.create(title="Live", file=photo("live.jpg"), uploaded_by_user=member)
    library_photo = image_model.objects.create(title="Library", file=photo("library.jpg"), uploaded_by_user=moderator)
    CaseStudyPageFactory(parent=case_index, hero_image=live_photo)
    draft_rendition = old_draft_photo.get_rendition("fill-100x100")
    assert served(media, Path(old_draft_photo.file.path)) and served(media, Path(draft_rendition.file.path))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("hide_unreviewed_uploads", stdout=io.StringIO())

    for upload in (old_draft_photo, old_document, live_photo, library_photo):
        upload.refresh_from_db()
    assert old_draft_photo.file.name == "private/original_images/unreviewed-draft.jpg"
    assert old_document.file.name == "private/documents/unreviewed-report.pdf"
    assert not Path(media / "original_images" / "draft.jpg").exists()
    assert not Path(draft_rendition.file.path).exists()
    assert Client().get(old_draft_photo.file.url).status_code == 404
    assert Client().get(old_draft_photo.get_rendition("fill-100x100").url).status_code == 404
    assert Client().get(old_document.url).status_code == 404
    assert [image.file.name for image in (live_photo, library_photo)] == [
        "original_images/live.jpg",
        "original_images/library.jpg",
    ]
