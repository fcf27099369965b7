"""System check: every vocabulary term has a label in every configured language.

A warning, not an error: labels are data that editors add in the running admin (or
`load_vocabularies` from the data files) after the language is configured, and an
error would stop the very server and commands that add them. Meanwhile a missing
label shows the source language's (Labelled.label_in), so no page breaks.
`manage.py check --fail-level WARNING` makes it fatal where a deployment wants that.
"""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.db.models import Q

from .models import VOCABULARY_MODELS


def missing_label(code):
    return ~Q(labels__has_key=code) | Q(**{f"labels__{code}": ""})


def vocabulary_labels(app_configs=None, **kwargs):
    problems = []
    for code, name in settings.LANGUAGES:
        for model in VOCABULARY_MODELS:
            try:
                missing = model.objects.filter(missing_label(code)).count()
            except DatabaseError:
                # Not migrated yet (`migrate` itself runs the checks first) or unreachable:
                # nothing to check, and the database's own errors say what is wrong.
                return problems
            if missing:
                problems.append(
                    checks.Warning(
                        f"{missing} {model._meta.verbose_name_plural} have no label in {name} ({code}); "
                        f"visitors see the {settings.LANGUAGE_CODE} label instead.",
                        hint="Add the labels in the admin (Vocabularies) or in taxonomy/data/ and run "
                        "`manage.py load_vocabularies --overwrite` (docs/languages.md).",
                        obj=model,
                        id="taxonomy.W001",
                    )
                )
    return problems
