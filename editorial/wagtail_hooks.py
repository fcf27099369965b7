"""The editorial review in the admin: translations kept inside it, the report of
translations to do, and the submissions waiting for it on the dashboard."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import translation_views, workflow


# order=-1: these URLs come before wagtail-localize's, so its "update translations"
# address reaches our guard first (Wagtail joins the hooks' URL lists in hook order).
@hooks.register("register_admin_urls", order=-1)
def translation_review_urls():
    return [
        path(
            "localize/update/<int64:translation_source_id>/",
            translation_views.update_translations,
            name="update_translations_for_review",
        ),
        path(
            "translations/<int64:translation_id>/submit/",
            translation_views.submit_translation_for_review,
            name="submit_translation_for_review",
        ),
        path("reports/translations-to-do/", translation_views.translations_report, name="translations_to_do"),
    ]


@hooks.register("register_reports_menu_item")
def translations_to_do_menu_item():
    return MenuItem(_("Translations to do"), reverse("translations_to_do"), icon_name="site", order=700)


class WaitingForReviewPanel(Component):
    """Every submission waiting for the moderators, and who is told of them: an
    empty Moderators group would leave members waiting unheard."""

    name = "waiting_for_review"
    template_name = "editorial/waiting_for_review_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        return {
            "states": list(workflow.waiting_for_review()[:20]),
            "total": workflow.waiting_for_review().count(),
            "moderators": list(workflow.moderators()),
        }


@hooks.register("construct_homepage_panels")
def add_waiting_for_review_panel(request, panels):
    panels.append(WaitingForReviewPanel())
