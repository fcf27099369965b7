"""The member area's tabs: where the member is (aria-current) and how many messages
wait unread in the inbox."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..models import Message

register = template.Library()

# (tab, label, URL name, the URL names that belong to the tab)
TABS = [
    ("overview", _("Overview"), "experts:dashboard", {"experts:dashboard"}),
    ("profile", _("My expert profile"), "experts:edit_profile", {"experts:edit_profile", "experts:unpublish_profile"}),
    ("inbox", _("Inbox"), "experts:inbox", {"experts:inbox", "experts:conversation", "experts:contact"}),
    (
        "contributions",
        _("My contributions"),
        "contributions:list",
        {"contributions:list", "contributions:edit", "contributions:step"},
    ),
    ("share", _("Share your initiative"), "contributions:submit", {"contributions:submit"}),
    ("saved-searches", _("Saved searches"), "alerts:list", {"alerts:list", "alerts:save"}),
    (
        "account",
        _("Account"),
        "account_email",
        {"account_email", "account_change_password", "account_set_password", "experts:delete_account"},
    ),
]


def unread_messages(user):
    return (
        Message.objects.filter(read_at__isnull=True)
        .exclude(sender=user)
        .filter(conversation__in=user.started_conversations.all() | user.received_conversations.all())
        .count()
    )


@register.inclusion_tag("experts/includes/member_nav.html", takes_context=True)
def member_tabs(context):
    request = context["request"]
    match = request.resolver_match
    current = match.view_name if match else ""
    unread = unread_messages(request.user) if request.user.is_authenticated else 0
    tabs = [
        {
            "name": name,
            "label": label,
            "url": reverse(url_name),
            "current": current in names,
            "unread": unread if name == "inbox" else 0,
        }
        for name, label, url_name, names in TABS
    ]
    return {"tabs": tabs}
