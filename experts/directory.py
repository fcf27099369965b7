"""The expert directory every installation needs: members' profiles are created under
it, in the language the member writes in."""

from django.db import transaction
from wagtail.models import Page

from .models import ExpertDirectoryPage

DIRECTORY_CONTENT = {
    "en": {"title": "Experts", "slug": "experts", "intro": "People and organisations cities can learn from directly."},
    "fr": {
        "title": "Experts",
        "slug": "experts",
        "intro": "Des personnes et des organisations dont les villes peuvent apprendre directement.",
    },
    "es": {
        "title": "Expertos",
        "slug": "expertos",
        "intro": "Personas y organizaciones de las que las ciudades pueden aprender directamente.",
    },
}


@transaction.atomic
def ensure_expert_directories():
    """One published directory under each language's home page (the children of the
    tree's root), translations of the first."""
    source = ExpertDirectoryPage.objects.first()
    for home in Page.get_first_root_node().get_children().select_related("locale"):
        code = home.locale.language_code
        if ExpertDirectoryPage.objects.child_of(home).exists():
            continue
        if source is None:
            source = home.add_child(instance=ExpertDirectoryPage(**DIRECTORY_CONTENT[code]))
            source.save_revision().publish()
            continue
        translation = source.copy_for_translation(home.locale)
        # A language without texts here keeps the first directory's, for an editor to translate.
        for name, value in DIRECTORY_CONTENT.get(code, {}).items():
            setattr(translation, name, value)
        translation.save_revision().publish()


def directory_for(locale):
    return ExpertDirectoryPage.objects.get(locale=locale)
