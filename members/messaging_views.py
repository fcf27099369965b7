"""Members writing to each other on the site: the contact form on an expert's profile,
the inbox, a thread per conversation, blocking and reporting.

Conversations are only ever looked up among the member's own, so another member's
conversation, message or block answers 404 exactly like one that does not exist.
Nobody's e-mail address is shown: the expert goes by the profile's name, the other
member by their own profile's name, or "a member".
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import public_url
from core.limits import member_lock
from core.notifications import send_notification
from editorial.workflow import MODERATORS
from experts.models import ExpertProfilePage
from experts.ownership import own_profile

from .accounts import is_unclaimed
from .invitations import Reach, invite
from .messaging_forms import ContactForm, ReplyForm, ReportForm, has_blocked
from .models import Block, Conversation, MemberProfile, Message, MessageReport

CONVERSATIONS_PER_PAGE = 25


def member_names(user_ids):
    """The name each member goes by: the title of their own expert profile (the first
    one they created, as in ownership.own_profile), else the name they signed up with."""
    names = dict(MemberProfile.objects.filter(account_id__in=user_ids).values_list("account_id", "name"))
    profiles = ExpertProfilePage.objects.filter(owner_account_id__in=user_ids).order_by("-pk")
    for owner_id, title in profiles.values_list("owner_account_id", "title"):
        names[owner_id] = title
    return names


def participant_name(conversation, user_id, names):
    """The expert of a conversation goes by the profile that was written to."""
    if user_id == conversation.recipient_id:
        return conversation.expert.title
    return names.get(user_id) or _("A member")


@login_required
def inbox(request):
    unread = Count("messages", filter=Q(messages__read_at__isnull=True) & ~Q(messages__sender=request.user))
    # An aggregate drops the model's default ordering: the latest activity first, again.
    conversations = (
        Conversation.objects.involving(request.user)
        .select_related("expert")
        .annotate(unread=unread)
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(conversations, CONVERSATIONS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    names = member_names({conversation.other_party_id(request.user) for conversation in page})
    for conversation in page:
        conversation.other_name = participant_name(conversation, conversation.other_party_id(request.user), names)
    return render(request, "members/inbox.html", {"conversations": page})


@login_required
def contact(request, page_pk):
    expert = get_object_or_404(ExpertProfilePage.objects.live().public().select_related("owner_account"), pk=page_pk)
    form = ContactForm(request.POST or None, sender=request.user, expert=expert)
    message = send(form, request.user) if request.method == "POST" else None
    if message is not None:
        deliver(request, message)
        if is_unclaimed(message.conversation.recipient):
            messages.success(
                request,
                _("Your message is kept and will be delivered when %(name)s joins; we invited them by e-mail.")
                % {"name": expert.title},
            )
        else:
            messages.success(request, _("Your message was sent to %(name)s.") % {"name": expert.title})
        return redirect("members:conversation", pk=message.conversation_id)
    return render(
        request,
        "members/contact.html",
        {
            "expert": expert,
            "form": form,
            "reach": Reach(expert),
            "is_own_profile": expert.owner_account_id == request.user.pk,
        },
    )


@login_required
def conversation(request, pk):
    conversation = get_object_or_404(Conversation.objects.involving(request.user).select_related("expert"), pk=pk)
    form = ReplyForm(
        request.POST or None,
        sender=request.user,
        conversation=conversation,
        other_name=names_in(conversation)[conversation.other_party_id(request.user)],
    )
    message = send(form, request.user) if request.method == "POST" else None
    if message is not None:
        deliver(request, message)
        messages.success(request, _("Your answer was sent."))
        return redirect("members:conversation", pk=conversation.pk)
    return render_conversation(request, conversation, reply_form=form)


def send(form, sender):
    """The message stored, or None if the form refused it. The hourly limits are
    counted in the transaction that stores it, so parallel sends cannot all slip under
    them; the notification goes out once it is committed."""
    with member_lock(sender):
        return form.save() if form.is_valid() else None


@login_required
@require_POST
def block(request, pk):
    """Block (or unblock) the other participant: a blocked member can neither answer
    nor start a new conversation with the member who blocked them."""
    conversation = get_object_or_404(Conversation.objects.involving(request.user).select_related("expert"), pk=pk)
    other = conversation.other_party(request.user)
    name = {"name": names_in(conversation)[other.pk]}
    if request.POST.get("action") == "unblock":
        Block.objects.filter(blocker=request.user, blocked=other).delete()
        messages.success(request, _("You unblocked %(name)s: you can write to each other again.") % name)
    else:
        Block.objects.get_or_create(blocker=request.user, blocked=other)
        messages.success(request, _("You blocked %(name)s: they can no longer write to you.") % name)
    return redirect("members:conversation", pk=conversation.pk)


@login_required
@require_POST
def report(request, pk):
    """Report a message the other participant wrote to the moderators."""
    reportable = Message.objects.filter(conversation__in=Conversation.objects.involving(request.user)).exclude(
        sender=request.user
    )
    message = get_object_or_404(reportable.select_related("conversation__expert"), pk=pk)
    form = ReportForm(request.POST, reporter=request.user, message=message, auto_id=report_form_id(message))
    if form.is_valid():
        notify_moderators(request, form.save())
        messages.success(request, _("Thank you: the moderators will look at this message."))
        return redirect("members:conversation", pk=message.conversation_id)
    return render_conversation(request, message.conversation, failed_report=form)


def names_in(conversation):
    """Both participants' names, by account id."""
    names = member_names(conversation.participants())
    return {user_id: participant_name(conversation, user_id, names) for user_id in conversation.participants()}


def report_form_id(message):
    return f"report-{message.pk}-%s"


def render_conversation(request, conversation, *, reply_form=None, failed_report=None):
    """The thread; opening it marks the other participant's messages read."""
    user = request.user
    other = conversation.other_party(user)
    other_name = names_in(conversation)[other.pk]
    thread = list(conversation.messages.all())
    unread = [message for message in thread if message.sender_id != user.pk and message.read_at is None]
    Message.objects.filter(pk__in=[message.pk for message in unread]).update(read_at=timezone.now())
    reported = set(
        MessageReport.objects.filter(reporter=user, message__conversation=conversation, resolved=False).values_list(
            "message_id", flat=True
        )
    )
    for message in thread:
        message.from_me = message.sender_id == user.pk
        message.is_new = message in unread
        message.reported = message.pk in reported
        if failed_report is not None and failed_report.message.pk == message.pk:
            message.report_form = failed_report
        elif not message.from_me and not message.reported:
            message.report_form = ReportForm(reporter=user, message=message, auto_id=report_form_id(message))
    if reply_form is None:
        reply_form = ReplyForm(sender=user, conversation=conversation, other_name=other_name)
    return render(
        request,
        "members/conversation.html",
        {
            "conversation": conversation,
            "thread": thread,
            "other_name": other_name,
            "reply_form": reply_form,
            "blocked_by_me": has_blocked(user, other),
            "blocked_me": has_blocked(other, user),
            "other_not_joined": is_unclaimed(other),
        },
    )


def notification_language(user, conversation):
    """A member reads notifications in the language of their own expert profile; a
    member without one in the language of the profile they wrote to."""
    profile = own_profile(user) or conversation.expert
    return profile.locale.language_code


def deliver(request, message):
    """Tell the other side of a new message: a member by a notification, an imported
    expert who has not joined yet by the (rate-limited) invitation to join."""
    conversation = message.conversation
    if is_unclaimed(conversation.other_party(message.sender)):
        invite(message, names_in(conversation)[message.sender_id])
    else:
        notify_of_message(request, message)


def notify_of_message(request, message):
    conversation = message.conversation
    recipient = conversation.other_party(message.sender)
    names = names_in(conversation)
    language = notification_language(recipient, conversation)
    with translation.override(language):
        link = public_url.absolute(reverse("members:conversation", args=[conversation.pk]))
    # Greet by name only a recipient who has one on the site, not as "a member".
    if recipient.pk == conversation.recipient_id:
        greeting_name = conversation.expert.title
    else:
        greeting_name = member_names([recipient.pk]).get(recipient.pk, "")
    context = {
        "recipient_name": greeting_name,
        "sender_name": names[message.sender_id],
        "subject": conversation.subject,
        "sent_at": message.sent_at,
        "link": link,
    }
    send_notification(
        "members/email/new_message", context, [recipient.email], language=language, time_zone=time_zone_of(recipient)
    )


def time_zone_of(user):
    """The member's time zone (MemberProfile), blank for the site's."""
    return MemberProfile.objects.filter(account=user).values_list("time_zone", flat=True).first() or ""


def notify_moderators(request, report):
    moderators = get_user_model().objects.filter(groups__name=MODERATORS, is_active=True).exclude(email="")
    link = public_url.absolute(reverse(MessageReport.snippet_viewset.get_url_name("edit"), args=[report.pk]))
    send_notification(
        "members/email/message_report",
        {"reason": report.reason, "link": link},
        moderators.values_list("email", flat=True),
        language=settings.LANGUAGE_CODE,
    )
