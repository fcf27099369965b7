"""Who hears how a review ended: editors through Wagtail's own e-mails, which link to
the admin; members, who cannot open the admin, through e-mails that link to their
member area and quote the moderator's comment.

Wagtail connects its notifiers in wagtail.admin's ready() with fixed dispatch_uids.
A receiver connected earlier under the same dispatch_uid and sender takes its place
(Django ignores a second connection with a known uid,
https://docs.djangoproject.com/en/5.2/topics/signals/#preventing-duplicate-signals),
and `editorial` comes before wagtail.admin in INSTALLED_APPS: the notifiers below replace
Wagtail's, leaving members out of the admin e-mails.

A page type names the member area page that shows its review status with
`member_area_url_name` (a URL name); pages without one never e-mail members.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from core import public_url
from core.notifications import send_notification


def has_admin_access(user):
    return user.has_perm("wagtailadmin.access_admin")


class StaffApprovalNotifier(WorkflowStateApprovalEmailNotifier):
    def get_recipient_users(self, workflow_state, **kwargs):
        return {user for user in super().get_recipient_users(workflow_state, **kwargs) if has_admin_access(user)}


class StaffRejectionNotifier(WorkflowStateRejectionEmailNotifier):
    def get_recipient_users(self, workflow_state, **kwargs):
        return {user for user in super().get_recipient_users(workflow_state, **kwargs) if has_admin_access(user)}


def last_comment(workflow_state):
    """The comment the moderator gave with the decision that ended the review."""
    task_state = TaskState.objects.filter(workflow_state=workflow_state).order_by("-started_at", "-pk").first()
    return task_state.specific.get_comment() if task_state else ""


def notify_member(workflow_state, user, template_name):
    member = workflow_state.requested_by
    page = workflow_state.content_object.specific
    url_name = getattr(page, "member_area_url_name", None)
    if member is None or member == user or has_admin_access(member) or not url_name:
        return
    language = page.locale.language_code
    with translation.override(language):
        link = public_url.absolute(reverse(url_name))
    revision = page.get_latest_revision_as_object()
    context = {"title": revision.title, "comment": last_comment(workflow_state), "link": link}
    send_notification(template_name, context, [member.email], language=language)


def member_approved(sender, instance, user=None, **kwargs):
    notify_member(instance, user, "editorial/email/review_approved")


def member_changes_requested(sender, instance, user=None, **kwargs):
    notify_member(instance, user, "editorial/email/review_changes_requested")


# Signals keep weak references: the notifiers must live as long as the process.
staff_approval_notifier = StaffApprovalNotifier()
staff_rejection_notifier = StaffRejectionNotifier()


def connect():
    workflow_approved.connect(
        staff_approval_notifier, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
    workflow_rejected.connect(
        staff_rejection_notifier, sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
    workflow_approved.connect(member_approved, sender=WorkflowState, dispatch_uid="member_review_approved")
    workflow_rejected.connect(member_changes_requested, sender=WorkflowState, dispatch_uid="member_review_rejected")
