"""Admin additions that belong to no content app: translations kept inside the
review, the submissions waiting for it on the dashboard, and members' unreviewed
documents kept from the public."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import editorial, private_media, translation_views


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
    template_name = "core/waiting_for_review_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        return {
            "states": list(editorial.waiting_for_review()[:20]),
            "total": editorial.waiting_for_review().count(),
            "moderators": list(editorial.moderators()),
        }


@hooks.register("construct_homepage_panels")
def add_waiting_for_review_panel(request, panels):
    panels.append(WaitingForReviewPanel())


@hooks.register("before_serve_document")
def unreviewed_documents_to_their_member_and_the_editors(document, request):
    """/documents/<id>/<name> serves a member's unreviewed document only to those who
    may see its file (core/private_media.py)."""
    if not private_media.may_see(request.user, document, "wagtaildocs.choose_document"):
        raise Http404
