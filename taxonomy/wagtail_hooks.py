from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    Approach,
    CaseStatus,
    City,
    Country,
    Region,
    Spotlight,
    SpotlightFacet,
    SpotlightFacetValue,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    Topic,
)


def label_column(code, name):
    return Column(
        f"label_{code}",
        label=format_lazy("{} ({})", _("label"), name),
        accessor=f"labels.{code}",
        sort_key=f"labels__{code}",
    )


# A column per configured language, or the source language's alone where space is short.
LABELS = tuple(label_column(code, name) for code, name in settings.LANGUAGES)
SOURCE_LABEL = (label_column(settings.LANGUAGE_CODE, dict(settings.LANGUAGES)[settings.LANGUAGE_CODE]),)


def term_viewset(term_model, *, icon="tag", columns=("slug", *LABELS), filters=()):
    """A snippet view set for one vocabulary, with every language's label, searched
    through the model's search fields (every language's label, Labelled.label_text)."""
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "icon": icon,
            "list_display": list(columns),
            "list_filter": list(filters),
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        term_viewset(Theme, icon="folder-open-inverse"),
        term_viewset(Topic, columns=("slug", *SOURCE_LABEL, "theme"), filters=("theme",)),
        term_viewset(SustainableDevelopmentGoal, icon="pick", columns=("number", *LABELS, "colour")),
        term_viewset(Region, icon="globe"),
        term_viewset(Country, icon="globe", columns=("code", *LABELS, "region"), filters=("region",)),
        term_viewset(
            City,
            icon="site",
            columns=("slug", *SOURCE_LABEL, "country", "region", "is_member"),
            filters=("region", "is_member"),
        ),
        term_viewset(TargetGroup, icon="group"),
        term_viewset(Approach, icon="cogs"),
        term_viewset(CaseStatus, icon="time"),
        term_viewset(Spotlight, icon="view"),
        term_viewset(SpotlightFacet, columns=("key", *SOURCE_LABEL, "spotlight"), filters=("spotlight",)),
        term_viewset(SpotlightFacetValue, columns=("slug", *SOURCE_LABEL, "facet"), filters=("facet",)),
    )


register_snippet(VocabularyGroup)
