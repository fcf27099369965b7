from django.utils.translation import gettext_lazy as _
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


def term_viewset(term_model, *, icon="tag", columns=("slug", "label_en", "label_fr", "label_es"), filters=()):
    """A snippet view set for one vocabulary: searchable, with every language's label."""
    return type(
        f"{term_model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": term_model,
            "icon": icon,
            "list_display": list(columns),
            "list_filter": list(filters),
            "search_fields": ["label_en", "label_fr", "label_es"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        term_viewset(Theme, icon="folder-open-inverse"),
        term_viewset(Topic, columns=("slug", "label_en", "theme"), filters=("theme",)),
        term_viewset(
            SustainableDevelopmentGoal, icon="pick", columns=("number", "label_en", "label_fr", "label_es", "colour")
        ),
        term_viewset(Region, icon="globe"),
        term_viewset(
            Country, icon="globe", columns=("code", "label_en", "label_fr", "label_es", "region"), filters=("region",)
        ),
        term_viewset(
            City,
            icon="site",
            columns=("slug", "label_en", "country", "region", "is_member"),
            filters=("region", "is_member"),
        ),
        term_viewset(TargetGroup, icon="group"),
        term_viewset(Approach, icon="cogs"),
        term_viewset(CaseStatus, icon="time"),
        term_viewset(Spotlight, icon="view"),
        term_viewset(SpotlightFacet, columns=("key", "label_en", "spotlight"), filters=("spotlight",)),
        term_viewset(SpotlightFacetValue, columns=("slug", "label_en", "facet"), filters=("facet",)),
    )


register_snippet(VocabularyGroup)
