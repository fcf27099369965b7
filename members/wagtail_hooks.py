"""What messaging adds to Wagtail: the contact form on an expert's profile page, and
the messages members reported, for the moderators to read and resolve in the admin.

Moderators may only change a report (its "resolved" box); reports are created by
members from their inbox, never in the admin.
"""

from django.template.defaultfilters import linebreaksbr
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .invitations import Reach
from .messaging_forms import ContactForm
from .models import MessageReport


@hooks.register("expert_profile_context")
def offer_contact_form(request, expert, context):
    """The form that writes to the expert, at the foot of their profile; it posts to
    messaging_views.contact."""
    context["contact_form"] = ContactForm(sender=request.user, expert=expert)
    context["reach"] = Reach(expert)
    context["contact_template"] = "members/includes/contact_expert.html"


class ReportedMessagePanel(FieldPanel):
    """The whole reported message, read-only, with when it was sent and in which conversation."""

    def format_value_for_display(self, value):
        return format_html(
            "<p><strong>{}</strong> · {}</p>{}",
            value.conversation.subject,
            date_format(localtime(value.sent_at), "DATETIME_FORMAT"),
            linebreaksbr(value.body, autoescape=True),
        )


class MessageReportViewSet(SnippetViewSet):
    model = MessageReport
    icon = "warning"
    menu_label = _("Message reports")
    menu_order = 350
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["__str__", "message", "created_at", "resolved"]
    list_filter = ["resolved"]
    panels = [
        ReportedMessagePanel("message", read_only=True),
        FieldPanel("reason", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("resolved"),
    ]


register_snippet(MessageReportViewSet)
