"""Upload access audit (issue 28): who reaches the files of a member's unpublished case,
and what is left on disk once the member deletes the account.

1. A member sends a case through the member forms (the four steps) with a main
   photo, a PDF and a gallery picture; it waits for review. Every address of those
   files (the document's page and file, each original, renditions, and the public
   /media/ names an attacker would guess) is asked for by an anonymous visitor,
   another member, the owner, an editor and a moderator. Target: 0 answers to anyone
   but the owner and the editors.
2. The moderator approves the case: the same files are public, at their new addresses.
3. The member sends a second case (a draft with a PDF and photos) and deletes the
   account. Target: 0 bytes of the member's uploads left on disk, documents included,
   except the files the published case shows.
4. The daily quota: 9.5 MB PDFs until one is refused, then a photo.

Runs in one process with the development settings (DEBUG: /media/ served as `make
run` serves it) on a throwaway SQLite database and media folder. nginx's side is
tested in tests/test_deploy_files.py. Figures, not assertions.

    .venv/bin/python bench/upload_audit.py
"""

import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")
WORK = Path(tempfile.mkdtemp(prefix="upload-audit-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
# Nothing listens here: what reads the index falls back to the database at once.
os.environ.setdefault("OPENSEARCH_URL", "http://127.0.0.1:9")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.template.defaultfilters import filesizeformat  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from PIL import Image  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Page  # noqa: E402

from cases.contribution_forms import STEPS  # noqa: E402
from cases.models import CaseContribution, CaseStudyPage  # noqa: E402
from core.uploads import MEMBER_UPLOAD_QUOTA  # noqa: E402
from demo.factories import CaseIndexPageFactory  # noqa: E402
from tests.test_case_contributions import case_form  # noqa: E402

PASSWORD = "an-audit-long-password"  # noqa: S105 - a throwaway account
MEDIA = Path(settings.MEDIA_ROOT)
RENDITIONS = ("fill-100x100", "max-800x600")


def photo(name, size=(800, 600)):
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf(name, size=20_000):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + bytes(size) + b"%%EOF\n", content_type="application/pdf")


def send_case(client, title, **uploads):
    """The four steps of the member's form, the uploads at the last; the refusal, if any."""
    data = case_form(title=title)
    contribution = None
    for number in range(1, len(STEPS) + 1):
        last = number == len(STEPS)
        url = (
            f"/{settings.LANGUAGE_CODE}/members/contributions/new/"
            if contribution is None
            else f"/{settings.LANGUAGE_CODE}/members/contributions/{contribution.pk}/step/{number}/"
        )
        response = client.post(url, {**data, **(uploads if last else {}), "action": "send" if last else "next"})
        if response.status_code != 302:
            return response
        contribution = contribution or CaseContribution.objects.latest("pk")
    return None


def addresses(page):
    """The addresses of the files the page's latest version shows, as the site gives
    them (the document's page and file, each original, renditions), and the /media/
    names someone who knows the uploaded file names would try."""
    draft = CaseStudyPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    given, guessed = set(), set()
    for item in draft.documents.all():
        document = item.document
        given |= {document.url, document.file.url}
        guessed |= {f"/media/{document.file.name}", f"/media/documents/{public_name(document.file.name)}"}
    images = [draft.hero_image, *(block.value["image"] for block in draft.gallery)]
    files = [image.file for image in images]
    files += [image.get_rendition(spec).file for image in images for spec in RENDITIONS]
    for file in files:
        given.add(file.url)
        folder = "original_images" if "original_images" in file.name else "images"
        guessed |= {f"/media/{file.name}", f"/media/{folder}/{public_name(file.name)}"}
    return sorted(given), sorted(guessed - given)


def public_name(name):
    return Path(name).name.removeprefix("unreviewed-")


def reaches(client, url):
    response = client.get(url)
    if response.status_code != 200:
        return False
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return bool(body)


def signed_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def audit(urls, visitors):
    reached = {name: sum(reaches(client, url) for url in urls) for name, client in visitors.items()}
    for name, count in reached.items():
        print(f"   {name:<15} {count:3d} of {len(urls)}")
    return reached


def shown_files(page):
    """Paths on disk of the files the live page shows, renditions included."""
    images = [page.hero_image, *(block.value["image"] for block in page.gallery)]
    paths = {MEDIA / image.file.name for image in images}
    paths |= {MEDIA / rendition.file.name for image in images for rendition in image.renditions.all()}
    return paths | {MEDIA / item.document.file.name for item in page.documents.all()}


def member_files(user):
    """Paths on disk of every file the member uploaded, renditions included."""
    paths = set()
    for image in get_image_model().objects.filter(uploaded_by_user=user):
        paths.add(MEDIA / image.file.name)
        paths |= {MEDIA / rendition.file.name for rendition in image.renditions.all()}
    paths |= {MEDIA / document.file.name for document in get_document_model().objects.filter(uploaded_by_user=user)}
    return paths


def main():
    call_command("migrate", verbosity=0)
    call_command("setup_site", no_admin=True, verbosity=0)
    CaseIndexPageFactory(parent=Page.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE))
    users = {}
    for name in ("owner", "another member", "editor", "moderator"):
        users[name] = get_user_model().objects.create_user(name.replace(" ", "-"), f"{name[:5]}@example.org", PASSWORD)
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    users["moderator"].groups.add(Group.objects.get(name="Moderators"))
    visitors = {"anonymous": signed_in(None), **{name: signed_in(user) for name, user in users.items()}}
    owner = visitors["owner"]
    print(f"Throwaway database and media in {WORK}")

    refused = send_case(
        owner,
        "Housing cooperatives on public land",
        hero_upload=photo("plot.jpg"),
        document_upload=pdf("evaluation.pdf"),
        document_title="Evaluation 2022",
        picture_upload=photo("building.jpg"),
        picture_caption="The first cooperative",
        picture_alt="A wooden building",
    )
    if refused is not None:
        raise SystemExit(f"The case was refused: {refused.content.decode()[:500]}")
    page = CaseContribution.objects.latest("pk").page
    given, guessed = addresses(page)
    print(
        f"\n1. A case in review: its 3 files and {len(RENDITIONS)} renditions of each photo, {len(visitors)} visitors"
    )
    print(f"   {len(given)} addresses the site gives (document page and file, originals, renditions):")
    reached = audit(given, visitors)
    print(f"   {len(guessed)} /media/ addresses tried around the site's checks:")
    reached_around = audit(guessed, visitors)
    others = sum(reached[name] + reached_around[name] for name in ("anonymous", "another member"))
    attempts = 2 * (len(given) + len(guessed))
    print(f"   => reached by others than the owner and the editors: {others} of {attempts} attempts (target 0)")
    missing = sum(len(given) - reached[name] for name in ("owner", "editor", "moderator"))
    print(f"   => given addresses refused to the owner and the editors: {missing} (target 0)")

    state = page.current_workflow_task_state
    state.task.specific.on_action(state, users["moderator"], "approve")
    public, _guessed = addresses(page)
    answered = sum(reaches(visitors["anonymous"], url) for url in public)
    print(f"\n2. Published: {answered} of {len(public)} of its file addresses answer an anonymous visitor")
    private_left = sum(1 for path in (MEDIA / "private").rglob("*") if path.is_file())
    print(f"   files left in the private folder: {private_left}")

    send_case(
        owner,
        "Draft cooperatives",
        hero_upload=photo("draft-plot.jpg"),
        document_upload=pdf("draft-report.pdf", 5_000_000),
        document_title="Draft report",
        picture_upload=photo("draft-building.jpg"),
        picture_caption="Draft picture",
        picture_alt="A building",
    )
    draft_page = CaseContribution.objects.latest("pk").page
    addresses(draft_page)  # its renditions, as the owner's and the editors' screens make them
    files = member_files(users["owner"])
    live_files = shown_files(CaseStudyPage.objects.get(pk=page.pk))
    before = sum(path.stat().st_size for path in files)
    owner.post(f"/{settings.LANGUAGE_CODE}/members/delete/", {"password": PASSWORD})
    left = {path for path in files if path.exists()}
    unused_left = left - live_files
    kept = left & live_files
    print(f"\n3. Account deleted: {len(files)} files of the member ({before:,} bytes) before")
    print(f"   kept for the published case: {len(kept)} files, {sum(path.stat().st_size for path in kept):,} bytes")
    left_bytes = sum(path.stat().st_size for path in unused_left)
    print(f"   => left on disk otherwise: {len(unused_left)} files, {left_bytes:,} bytes (target 0)")
    documents_left = [path for path in unused_left if "documents" in path.parts]
    print(f"   of which documents: {len(documents_left)}")

    quota_member = get_user_model().objects.create_user("quota", "quota@example.org", PASSWORD)
    client = signed_in(quota_member)
    accepted, bound = 0, 6
    for number in range(bound):  # bounded, whether or not the quota stops it at the fourth
        if send_case(client, f"Quota {number}", document_upload=pdf("big.pdf", 9_500_000), document_title="Big"):
            break
        accepted += 1
    photo_refused = send_case(client, "Quota photo", hero_upload=photo("big.jpg", (2000, 2000))) is not None
    fourth = "then one refused" if accepted < bound else "none refused"
    print(f"\n4. Quota of {filesizeformat(MEMBER_UPLOAD_QUOTA)} a day: {accepted} PDFs of 9.5 MB accepted, {fourth};")
    print(f"   a photo after them {'refused' if photo_refused else 'ACCEPTED'}")


if __name__ == "__main__":
    with override_settings(ALLOWED_HOSTS=["testserver"], EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        main()
