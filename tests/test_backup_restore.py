"""The restore drill, end to end: back up the site (database and media) while it
runs, restore the archive into a new database and media folder in another process,
as an operator on a new server would, rebuild the index and find it without drift.
Runs on the configured database (CI: SQLite, then PostgreSQL)."""

import os
import re
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
import wagtail_factories
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from demo.factories import CaseIndexPageFactory, CaseStudyPageFactory
from home.models import HomePage

pytestmark = [pytest.mark.opensearch, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of a new, empty database of the configured kind; dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"{db['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{db['HOST']}:{db['PORT']}/{quote(name)}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def restore_elsewhere(archive, database_url, var_dir, index_prefix):
    """`manage.py restore` in a process of its own, on the new database and folder."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "usesite.settings.test",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(var_dir),
        "OPENSEARCH_URL": settings.OPENSEARCH_URL,
        "OPENSEARCH_INDEX_PREFIX": f"{index_prefix}-restored",
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def test_a_backup_restored_on_a_new_server_has_every_page_and_picture_and_an_index_without_drift(
    site_skeleton, index_prefix, fresh_database, tmp_path
):
    case_index = CaseIndexPageFactory(parent=HomePage.objects.get(locale__language_code="en"))
    picture = wagtail_factories.ImageFactory()
    for number in range(5):
        CaseStudyPageFactory(parent=case_index, title=f"Case {number}", hero_image=picture)
    out = StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=out)
    archive = next((tmp_path / "backups").glob("cities-backup-*.tar.gz"))
    pages, media = re.search(r"(\d+) pages, (\d+) media file", out.getvalue()).groups()
    assert int(pages) == Page.objects.count() and int(media) >= 1

    var_dir = tmp_path / "new-server"
    result = restore_elsewhere(archive, fresh_database, var_dir, index_prefix)

    assert result.returncode == 0, result.stderr[-3000:]
    assert f"Restored {pages} pages and {media} media file(s)." in result.stdout
    assert "missing: 0, stale: 0, extra: 0" in result.stdout
    restored = var_dir / "test-media" / picture.file.name
    assert restored.read_bytes() == Path(picture.file.path).read_bytes()
    # Restoring twice would merge two sites: the second attempt is refused.
    again = restore_elsewhere(archive, fresh_database, var_dir, index_prefix)
    assert again.returncode == 1
    assert "restore into a new, empty database" in again.stderr


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "photos.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as tar:
        tar.add(__file__, arcname="notes.py")
    with pytest.raises(CommandError, match="is not a site backup"):
        call_command("restore", str(not_a_backup))
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_text("not an archive")
    with pytest.raises(CommandError, match="cannot be read as a backup archive"):
        call_command("restore", str(garbage))
