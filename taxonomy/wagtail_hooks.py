from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.snippets.widgets import AdminSnippetChooser

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


class CitiesWithCountries:
    """The city chooser's list and its chosen city read "Accra, Ghana", as the
    members' city selects do: several cities share a name (City.with_country)."""

    @property
    def title_column(self):
        column = super().title_column
        column.accessor = City.with_country
        return column

    def get_display_title(self, instance):
        return instance.with_country()


class CityChooser(CitiesWithCountries, AdminSnippetChooser):
    pass


class CityChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("CityChooseView", (CitiesWithCountries, ChooseView), {})
    choose_results_view_class = type("CityChooseResultsView", (CitiesWithCountries, ChooseResultsView), {})
    chosen_view_class = type("CityChosenView", (CitiesWithCountries, SnippetChosenView), {})
    chosen_multiple_view_class = type("CityChosenMultipleView", (CitiesWithCountries, SnippetChosenMultipleView), {})
    base_widget_class = CityChooser


def term_viewset(term_model, *, icon="tag", columns=("slug", *LABELS), filters=(), **attributes):
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
            **attributes,
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
            chooser_viewset_class=CityChooserViewSet,
        ),
        term_viewset(TargetGroup, icon="group"),
        term_viewset(Approach, icon="cogs"),
        term_viewset(CaseStatus, icon="time"),
        term_viewset(Spotlight, icon="view"),
        term_viewset(SpotlightFacet, columns=("key", *SOURCE_LABEL, "spotlight"), filters=("spotlight",)),
        term_viewset(SpotlightFacetValue, columns=("slug", *SOURCE_LABEL, "facet"), filters=("facet",)),
    )


register_snippet(VocabularyGroup)
