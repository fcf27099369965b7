from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import SynonymSet


class SynonymSetCreateView(CreateView):
    """?terms=... starts the form with those terms: the searches report's "Add
    synonyms" button (searchstats/) opens it with the query that found nothing."""

    def get_initial(self):
        return {**super().get_initial(), "terms": self.request.GET.get("terms", "")[:200]}


class SynonymSetViewSet(SnippetViewSet):
    """Editors keep the search synonyms themselves; a save applies at once (search/signals.py)."""

    model = SynonymSet
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    menu_order = 310
    add_to_admin_menu = True
    add_view_class = SynonymSetCreateView
    list_display = ["__str__", "updated_at"]
    search_fields = ["terms"]


register_snippet(SynonymSetViewSet)
