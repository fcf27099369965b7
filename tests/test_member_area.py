"""The member area: tabs that say where the member is and what waits in the inbox, and
a call to share an initiative where cases are shown."""

import re

import pytest

from members.models import Conversation

from .factories import UserFactory
from .test_messaging import expert_profile

pytestmark = pytest.mark.django_db


def current_tab(html):
    return re.search(r'<a href="([^"]+)"\s+class="member-nav__tab[^"]*"\s+aria-current="page">\s*([^<]+?)\s*<', html)


def test_the_tabs_mark_where_the_member_is_and_count_unread_messages(client):
    member = UserFactory()
    client.force_login(member)
    tab = current_tab(client.get("/en/members/contributions/").content.decode())
    assert tab.groups() == ("/en/members/contributions/", "My contributions")
    assert current_tab(client.get("/en/members/").content.decode()).group(2) == "Overview"
    assert current_tab(client.get("/en/accounts/email/").content.decode()).group(2) == "Account"

    other = UserFactory()
    conversation = Conversation.objects.create(
        expert=expert_profile(member, name="Ada Member"), starter=other, recipient=member, subject="Hello"
    )
    conversation.messages.create(sender=other, body="Are you there?")
    conversation.messages.create(sender=other, body="Please answer.")
    inbox = client.get("/en/members/inbox/").content.decode()
    assert current_tab(inbox).group(2) == "Inbox"
    assert '<span class="member-nav__count">2 unread</span>' in inbox
    client.get(f"/en/members/inbox/{conversation.pk}/")
    assert "member-nav__count" not in client.get("/en/members/inbox/").content.decode()


def test_share_your_initiative_is_offered_on_the_home_page(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/members/contributions/new/">Share your initiative</a>' in html
