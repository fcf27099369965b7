"""The forms members write to each other with, and the rules every message obeys:
the other side must have an active account and must not have blocked the sender, and
nobody sends more than a member plausibly writes by hand in an hour.

The limits count what is stored, so they hold across processes and restarts without
a shared cache; the views validate and save in one transaction holding the sender's
row (core/limits.py), so parallel sends cannot all pass the count. Over a limit the
form says so and nothing is saved.
"""

from datetime import timedelta

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .accounts import is_unclaimed
from .invitations import Reach
from .models import Block, Conversation, Message, MessageReport

NEW_CONVERSATIONS_PER_HOUR = 5
MESSAGES_PER_HOUR = 30


def one_hour_ago():
    return timezone.now() - timedelta(hours=1)


def has_blocked(blocker, blocked):
    return Block.objects.filter(blocker=blocker, blocked=blocked).exists()


def check_message_limit(sender):
    """Raises the form error a member over the hourly message limit sees (new message or answer alike)."""
    if Message.objects.filter(sender=sender, sent_at__gte=one_hour_ago()).count() >= MESSAGES_PER_HOUR:
        raise forms.ValidationError(
            ngettext(
                "You can send at most %(limit)d message an hour. Nothing was sent: please try again later.",
                "You can send at most %(limit)d messages an hour. Nothing was sent: please try again later.",
                MESSAGES_PER_HOUR,
            )
            % {"limit": MESSAGES_PER_HOUR}
        )


class ContactForm(forms.Form):
    """A member's first message to an expert; it starts a conversation."""

    subject = forms.CharField(label=_("Subject"), max_length=Conversation._meta.get_field("subject").max_length)
    body = forms.CharField(
        label=_("Your message"),
        max_length=Message._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, sender, expert, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender, self.expert = sender, expert

    def clean_subject(self):
        # The subject travels in the notification's Subject header: one line only.
        return " ".join(self.cleaned_data["subject"].split())

    def clean(self):
        cleaned_data = super().clean()
        reach = Reach(self.expert)
        if not reach.can_write:
            raise forms.ValidationError(reach.reason)
        recipient = self.expert.owner_account
        if recipient.pk == self.sender.pk:
            raise forms.ValidationError(_("This is your own profile: you cannot write to yourself."))
        if has_blocked(recipient, self.sender):
            raise forms.ValidationError(_("This expert does not accept messages from you."))
        started = Conversation.objects.filter(starter=self.sender, created_at__gte=one_hour_ago()).count()
        if started >= NEW_CONVERSATIONS_PER_HOUR:
            raise forms.ValidationError(
                ngettext(
                    "You can start at most %(limit)d conversation an hour. Your message was not sent: "
                    "please try again later.",
                    "You can start at most %(limit)d conversations an hour. Your message was not sent: "
                    "please try again later.",
                    NEW_CONVERSATIONS_PER_HOUR,
                )
                % {"limit": NEW_CONVERSATIONS_PER_HOUR}
            )
        check_message_limit(self.sender)
        return cleaned_data

    @transaction.atomic
    def save(self):
        conversation = Conversation.objects.create(
            expert=self.expert,
            starter=self.sender,
            recipient=self.expert.owner_account,
            subject=self.cleaned_data["subject"],
        )
        message = conversation.messages.create(sender=self.sender, body=self.cleaned_data["body"])
        return message


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=Message._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, sender, conversation, other_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender, self.conversation, self.other_name = sender, conversation, other_name
        self.other = conversation.other_party(sender)

    def clean(self):
        cleaned_data = super().clean()
        name = {"name": self.other_name}
        if not self.other.is_active and not is_unclaimed(self.other):
            raise forms.ValidationError(_("%(name)s no longer has an account: your answer cannot be delivered.") % name)
        if has_blocked(self.other, self.sender):
            raise forms.ValidationError(_("%(name)s does not accept messages from you.") % name)
        if has_blocked(self.sender, self.other):
            raise forms.ValidationError(_("You blocked %(name)s. Unblock them to answer.") % name)
        check_message_limit(self.sender)
        return cleaned_data

    @transaction.atomic
    def save(self):
        message = self.conversation.messages.create(sender=self.sender, body=self.cleaned_data["body"])
        # Saving bumps `updated_at`, which orders the inbox.
        self.conversation.save(update_fields=["updated_at"])
        return message


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the moderators look at this message?"),
        max_length=MessageReport._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, reporter, message, **kwargs):
        super().__init__(*args, **kwargs)
        self.reporter, self.message = reporter, message

    def clean(self):
        cleaned_data = super().clean()
        if MessageReport.objects.filter(message=self.message, reporter=self.reporter, resolved=False).exists():
            raise forms.ValidationError(_("You already reported this message; the moderators will look at it."))
        return cleaned_data

    def save(self):
        return MessageReport.objects.create(
            message=self.message, reporter=self.reporter, reason=self.cleaned_data["reason"]
        )
