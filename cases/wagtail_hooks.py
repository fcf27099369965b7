"""Replication links in the admin: editors propose them, moderators approve or reject
them (only those who may change a link see its status, so an editor's link waits)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Replication


class ReplicationViewSet(SnippetViewSet):
    model = Replication
    icon = "redirect"
    menu_label = _("Replications")
    menu_order = 340
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["__str__", "status", "proposed_by", "created_at"]
    list_filter = ["status"]
    panels = [
        FieldRowPanel([FieldPanel("source"), FieldPanel("adopter")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("status", permission="cases.change_replication")]),
        FieldPanel("note"),
    ]


register_snippet(ReplicationViewSet)
