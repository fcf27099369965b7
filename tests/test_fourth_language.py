"""A fourth language is configuration plus a catalogue (docs/languages.md): the site
started with Portuguese added to settings.LANGUAGES (tests/settings_pt.py, with a
catalogue stub in tests/fourth_language/) analyses, searches, labels, announces and
imports Portuguese, and its system checks say what a language still lacks.

The stories (tests/fourth_language/stories.py) need a process started with those
settings, since the language list is read when the site starts: this test starts one
that runs them, on the same OpenSearch node. Their file name keeps the main run from
collecting them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

HERE = Path(__file__).resolve().parent / "fourth_language"
CATALOGUE = HERE / "pt" / "LC_MESSAGES"
STORIES = 3


@pytest.mark.opensearch
def test_the_site_runs_in_a_fourth_language():
    # As `make messages` compiles the catalogues of a configured language.
    subprocess.run(["msgfmt", "--check-format", "-o", CATALOGUE / "django.mo", CATALOGUE / "django.po"], check=True)  # noqa: S603, S607
    command = [
        sys.executable,
        "-m",
        "pytest",
        HERE / "stories.py",
        "--ds=tests.settings_pt",
        "-p",
        "no:cacheprovider",
        "-q",
    ]
    run = subprocess.run(  # noqa: S603
        command,
        cwd=settings.BASE_DIR,
        env={**os.environ, "OPENSEARCH_URL": settings.OPENSEARCH_URL},
        capture_output=True,
        text=True,
        timeout=1200,
    )
    output = run.stdout[-6000:] + run.stderr[-3000:]
    assert run.returncode == 0 and re.search(rf"\b{STORIES} passed", run.stdout), output
