"""Backing up the site (database and uploaded media) into one archive, and restoring
it into a fresh database and media folder (docs/backup.md).

The database is copied with its own tools: PostgreSQL's `pg_dump` in its custom
format (compressed, restored by `pg_restore`), SQLite's online backup API (a
consistent copy while the site keeps running). The search index is not backed up:
it is rebuilt from the restored database, then verified.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


def supported_database():
    if connection.vendor not in DUMPS:
        raise CommandError(f"Backups cover PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def postgres_command(program, *arguments):
    """A PostgreSQL client program pointed at the configured database; the password
    goes through the environment, never the command line."""
    db = connection.settings_dict
    command = [program, "--dbname", db["NAME"], "--no-owner", "--no-acl", *arguments]
    for option, value in (("--host", db["HOST"]), ("--port", db["PORT"]), ("--username", db["USER"])):
        if value:
            command += [option, str(value)]
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise CommandError(f"{program} failed: {result.stderr.strip()}")


def dump_database(target):
    if supported_database() == "postgresql":
        postgres_command("pg_dump", "--format=custom", "--file", str(target))
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def backup(directory, progress=print):
    """Writes `cities-backup-<UTC time>.tar.gz` into `directory`; returns its path."""
    vendor = supported_database()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    archive = directory / f"cities-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
    files = media_files()
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": vendor,
        "pages": Page.objects.count(),
        "media_files": len(files),
    }
    with tempfile.TemporaryDirectory() as staging:
        dump = Path(staging) / DUMPS[vendor]
        progress(f"Dumping the {vendor} database...")
        dump_database(dump)
        (Path(staging) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        # Written under a temporary name: a half-written archive never looks like a backup.
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(Path(staging) / MANIFEST, arcname=MANIFEST)
            tar.add(dump, arcname=dump.name)
            progress(f"Adding {len(files)} media file(s)...")
            for path in files:
                tar.add(path, arcname=f"media/{path.relative_to(settings.MEDIA_ROOT)}")
        partial.rename(archive)
    return archive, manifest


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError as error:
        raise CommandError(f"{tar.name} is not a site backup: it holds no {MANIFEST}.") from error
    if manifest.get("format") != FORMAT:
        raise CommandError(f"{tar.name}: unknown backup format {manifest.get('format')!r}.")
    if manifest.get("database") != connection.vendor:
        raise CommandError(
            f"{tar.name} holds a {manifest.get('database')} database; the configured one is {connection.vendor}."
        )
    return manifest


def ensure_fresh():
    """Restoring merges nothing: the database has no table yet, the media folder no file."""
    tables = connection.introspection.table_names()
    if tables:
        raise CommandError(
            f"The database {connection.settings_dict['NAME']} already has {len(tables)} table(s); "
            "restore into a new, empty database (see docs/backup.md)."
        )
    if media_files():
        raise CommandError(f"The media folder {settings.MEDIA_ROOT} is not empty; restore into a new folder.")


def restore_database(dump):
    if connection.vendor == "postgresql":
        postgres_command("pg_restore", "--exit-on-error", str(dump))
        return
    connection.close()
    with sqlite3.connect(dump) as source, sqlite3.connect(connection.settings_dict["NAME"]) as target:
        source.backup(target)
    source.close()
    target.close()


def open_archive(archive):
    try:
        return tarfile.open(archive, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"{archive} cannot be read as a backup archive: {error}") from error


def restore(archive, progress=print):
    """Restores the database and media of `archive` into the configured, empty ones;
    returns the archive's manifest."""
    supported_database()
    with open_archive(archive) as tar, tempfile.TemporaryDirectory() as staging:
        manifest = read_manifest(tar)
        ensure_fresh()
        dump_name = DUMPS[manifest["database"]]
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        tar.extract(dump_name, staging, filter="data")
        progress(f"Restoring the {manifest['database']} database...")
        restore_database(Path(staging) / dump_name)
        media = [member for member in tar.getmembers() if member.name.startswith("media/")]
        progress(f"Restoring {len(media)} media file(s) into {settings.MEDIA_ROOT}...")
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        for member in media:
            member.name = member.name.removeprefix("media/")
            tar.extract(member, settings.MEDIA_ROOT, filter="data")
    return manifest
