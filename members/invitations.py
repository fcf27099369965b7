"""Reaching every expert with an address, also one who has not joined yet.

An imported expert's account is inactive until they claim it (members/accounts.py).
A member may still write to them: the message is kept, and the expert gets one
invitation e-mail whose link is allauth's own password-reset link (setting the
password claims the account and proves the address), followed by the conversation.
Further messages within INTERVAL send no new invitation, so nobody is flooded by a
site they never joined.
"""

from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core import public_url
from core.notifications import send_notification

from .accounts import is_unclaimed
from .models import ExpertInvitation
from .opt_out import opt_out_link

INTERVAL = timedelta(days=7)


class Reach:
    """Whether and how messages reach the expert behind a profile, in words for the visitor."""

    ACTIVE = "active"  # a member: messages arrive in their inbox
    INVITABLE = "invitable"  # imported, not joined yet: messages wait, an invitation goes out
    NO_ADDRESS = "no_address"  # imported without an e-mail address
    CLOSED = "closed"  # an account an administrator disabled, or that has no address any more

    def __init__(self, expert):
        account = expert.owner_account if expert.owner_account_id else None
        if account is None or not account.email:
            self.code = self.NO_ADDRESS
        elif account.is_active:
            self.code = self.ACTIVE
        elif is_unclaimed(account):
            self.code = self.INVITABLE
        else:
            self.code = self.CLOSED

    @property
    def can_write(self):
        return self.code in (self.ACTIVE, self.INVITABLE)

    @property
    def invitable(self):
        return self.code == self.INVITABLE

    @property
    def reason(self):
        return {
            self.NO_ADDRESS: _("We have no e-mail address for this expert, so messages cannot reach them."),
            self.CLOSED: _("This expert's account is closed, so messages cannot reach them."),
        }.get(self.code, "")


def claim_link(account, conversation):
    """allauth's set-a-password link for the account, then the conversation."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(account), "key": default_token_generator.make_token(account)},
    )
    next_path = reverse("members:conversation", args=[conversation.pk])
    return public_url.absolute(f"{path}?{urlencode({'next': next_path})}")


def take_invitation_turn(account):
    """True if the account may be invited now, recording it; a single UPDATE decides,
    so two messages sent at once still make one invitation."""
    now = timezone.now()
    invitation, created = ExpertInvitation.objects.get_or_create(account=account, defaults={"sent_at": now})
    if created:
        return True
    return ExpertInvitation.objects.filter(pk=invitation.pk, sent_at__lt=now - INTERVAL).update(sent_at=now) == 1


def invite(message, sender_name):
    """E-mail the expert of `message`'s conversation an invitation to join and read it,
    unless they were invited within INTERVAL. Returns whether an e-mail was sent."""
    conversation = message.conversation
    account = conversation.recipient
    if not take_invitation_turn(account):
        return False
    language = conversation.expert.locale.language_code
    with translation.override(language):
        link = claim_link(account, conversation)
    context = {
        "expert_name": conversation.expert.title,
        "sender_name": sender_name,
        "subject": conversation.subject,
        "link": link,
        "email": account.email,
        "opt_out_link": opt_out_link(account),
    }
    return send_notification("members/email/invitation", context, [account.email], language=language) == 1
