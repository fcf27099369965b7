"""Every interface string has its French and Spanish translation: running
makemessages over the code as it is leaves no untranslated or fuzzy entry."""

import shutil
import subprocess

from django.core.management import call_command

LANGUAGES = ["fr", "es"]


def entries(po_file, selection):
    """The msgids msgattrib selects (e.g. --untranslated), without the header."""
    command = ["msgattrib", selection, "--no-obsolete", "--no-wrap", str(po_file)]
    # gettext's tools are on the PATH, as makemessages itself needs them.
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    lines = output.splitlines()
    return [line[len('msgid "') : -1] for line in lines if line.startswith('msgid "') and line != 'msgid ""']


def test_makemessages_leaves_no_untranslated_or_fuzzy_entry(settings, tmp_path, monkeypatch):
    # makemessages rewrites the catalogs beside the code it reads: it runs in a mirror
    # of the project (links to the code, copies of the catalogs).
    for entry in settings.BASE_DIR.iterdir():
        if entry.name not in ("locale", ".git", ".venv", "var", "node_modules"):
            (tmp_path / entry.name).symlink_to(entry)
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=LANGUAGES, symlinks=True, no_obsolete=True, no_location=True, verbosity=0)
    for language in LANGUAGES:
        po_file = tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"
        assert entries(po_file, "--untranslated") == [], f"untranslated in {language}"
        assert entries(po_file, "--only-fuzzy") == [], f"fuzzy in {language}"
