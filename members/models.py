"""Members writing to experts without either side seeing the other's e-mail address.

A conversation joins the member who started it and the expert's account; each
message is stored here and announced by e-mail with a link back to the inbox.

These models began in the experts app: each keeps its table (`db_table`), so moving
them changed no data (migrations/0001_initial.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConversationQuerySet(models.QuerySet):
    def involving(self, user):
        return self.filter(models.Q(starter=user) | models.Q(recipient=user))


class Conversation(models.Model):
    expert = models.ForeignKey(
        "experts.ExpertProfilePage", on_delete=models.CASCADE, related_name="conversations", verbose_name=_("expert")
    )
    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="started_conversations"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="received_conversations"
    )
    subject = models.CharField(_("subject"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        db_table = "experts_conversation"
        ordering = ["-updated_at"]
        verbose_name = _("conversation")

    def __str__(self):
        return self.subject

    def participants(self):
        return {self.starter_id, self.recipient_id}

    def other_party_id(self, user):
        return self.recipient_id if user.pk == self.starter_id else self.starter_id

    def other_party(self, user):
        return self.recipient if user.pk == self.starter_id else self.starter


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_messages")
    body = models.TextField(_("message"), max_length=5000)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "experts_message"
        ordering = ["sent_at"]
        verbose_name = _("message")

    def __str__(self):
        return self.body[:60]


class Block(models.Model):
    """An expert (or any member) refusing further messages from one sender."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "experts_block"
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")]

    def __str__(self):
        return f"{self.blocker} blocks {self.blocked}"


class MessageReport(models.Model):
    """A message a recipient flagged for the moderators."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports", verbose_name=_("message"))
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        db_table = "experts_messagereport"
        ordering = ["resolved", "-created_at"]
        verbose_name = _("message report")
        verbose_name_plural = _("message reports")

    def __str__(self):
        return f"{self.reason[:60]}"


class ExpertInvitation(models.Model):
    """When an imported expert who has not joined yet was last invited by e-mail to
    read a message: one invitation per expert within members.invitations.INTERVAL,
    however many members write meanwhile."""

    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation")
    sent_at = models.DateTimeField()

    class Meta:
        db_table = "experts_expertinvitation"
        verbose_name = _("expert invitation")

    def __str__(self):
        return f"{self.account} ({self.sent_at:%Y-%m-%d})"


class MemberProfile(models.Model):
    """What other members see of a member (asked at sign-up) and the member's own
    settings: their name instead of "a member", and the time zone their e-mails'
    times are written in."""

    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile")
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    city = models.ForeignKey(
        "taxonomy.City", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("city")
    )
    # An IANA name ("Europe/Paris"), read from the browser at sign-up; blank is the site's.
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("member profile")

    def __str__(self):
        return self.name
