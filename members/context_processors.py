"""The member area's tabs: where the member is (aria-current) and how many messages
wait unread in the inbox.

Pages of several apps show the tabs: the members app's own, an expert's profile form,
a member's case contributions, saved searches and allauth's account pages. Those
apps sit below members and may not load its tags, so every page gets the tabs here,
as `member_tabs`, and shows them with the site-wide `includes/member_nav.html`.
"""

from functools import partial

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Message

# (tab, label, URL name, the URL names that belong to the tab)
TABS = [
    ("overview", _("Overview"), "members:dashboard", {"members:dashboard"}),
    ("profile", _("My expert profile"), "experts:edit_profile", {"experts:edit_profile", "experts:unpublish_profile"}),
    ("inbox", _("Inbox"), "members:inbox", {"members:inbox", "members:conversation", "members:contact"}),
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
        {"account_email", "account_change_password", "account_set_password", "members:delete_account"},
    ),
]


def unread_messages(user):
    return (
        Message.objects.filter(read_at__isnull=True)
        .exclude(sender=user)
        .filter(conversation__in=user.started_conversations.all() | user.received_conversations.all())
        .count()
    )


def member_tabs(request):
    match = request.resolver_match
    current = match.view_name if match else ""
    unread = unread_messages(request.user) if request.user.is_authenticated else 0
    return [
        {
            "name": name,
            "label": label,
            "url": reverse(url_name),
            "current": current in names,
            "unread": unread if name == "inbox" else 0,
        }
        for name, label, url_name, names in TABS
    ]


def member_area(request):
    """The tabs as a callable, which a template calls only where it shows them: other
    pages count no unread messages. The header's account menu links to the area."""
    return {"member_tabs": partial(member_tabs, request), "member_area_url": reverse_lazy("members:dashboard")}
