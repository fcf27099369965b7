"""Every interface string has its French and Spanish translation: running
makemessages over the code as it is leaves no untranslated or fuzzy entry."""

import json
import os
import shutil
import subprocess
import sys

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


# Run in a fresh process: imports every module the URLconf reaches (views, their forms)
# in the language given, as a server process does during its first request, in that
# visitor's language; then prints, in English, every text of every form field.
FORM_TEXTS = """
import json, sys
import django
django.setup()
from django import forms
from django.urls import get_resolver
from django.utils import translation

translation.activate(sys.argv[1])
get_resolver().url_patterns
translation.activate("en")

def every_subclass(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from every_subclass(subclass)

OURS = (
    "alerts.", "cases.", "cities.", "core.", "editorial.", "experts.", "home.", "insights.", "members.", "search.",
    "taxonomy.",
    "allauth.",
)
texts = {}
for form in set(every_subclass(forms.BaseForm)):
    if form.__module__.startswith(OURS):
        for name, field in form.base_fields.items():
            texts[f"{form.__module__}.{form.__qualname__}.{name}"] = [
                str(field.label), str(field.help_text), *(str(message) for message in field.error_messages.values())
            ]
print(json.dumps(texts))
"""


def form_texts(language):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", FORM_TEXTS, language],
        capture_output=True, text=True, check=False,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "usesite.settings.test"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_form_first_loaded_for_a_spanish_visitor_speaks_english_to_an_english_one():
    """A Spanish error message once appeared on an English form in production: Wagtail's
    image field translates two of its messages when it is made, and a form's fields
    are made when its module is imported, during the first request a server process
    answers. Every label, help text and error message must wait for its reader."""
    english, spanish_first = form_texts("en"), form_texts("es")
    assert "experts.profile_forms.ExpertProfileForm.photo_upload" in english
    changed = {name: texts for name, texts in spanish_first.items() if texts != english[name]}
    assert changed == {}
