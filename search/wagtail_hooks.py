from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    """Editors keep the search synonyms themselves; a save applies at once (search/signals.py)."""

    model = SynonymSet
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "updated_at"]
    search_fields = ["terms"]


register_snippet(SynonymSetViewSet)
