"""The editorial set-up: who may write, who may publish, and the review every page
goes through before it is public.

Editors write and submit; Moderators review, publish and keep the vocabularies. The
"Editorial review" workflow is assigned to each language's home page, so it covers
cases, spotlights, articles and expert profiles in every language.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from core.slugs import free_slug
from taxonomy.models import VOCABULARY_MODELS

WORKFLOW_NAME = "Editorial review"
APPROVAL_TASK_NAME = "Moderator approval"
MODERATORS = "Moderators"

GROUP_PAGE_PERMISSIONS = {
    "Editors": ("add_page", "change_page"),
    MODERATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
MEDIA_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def translation_permission():
    """wagtail-localize creates its "Translate" permission, and grants it, only in a data
    migration: a database emptied since (a flushed test database) or groups made later
    would lack it, so the editorial set-up makes sure of it as that migration does."""
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    return permission


def vocabulary_permissions(*actions):
    return [
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in VOCABULARY_MODELS
        for action in actions
    ]


def permissions(pairs):
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


@transaction.atomic
def ensure_editorial_workflow():
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_PAGE_PERMISSIONS}
    groups["Editors"].permissions.add(
        translation_permission(), *permissions(MEDIA_PERMISSIONS + vocabulary_permissions("view"))
    )
    groups[MODERATORS].permissions.add(
        translation_permission(), *permissions(MEDIA_PERMISSIONS + vocabulary_permissions("view", "add", "change"))
    )

    root = Page.get_first_root_node()
    for name, codenames in GROUP_PAGE_PERMISSIONS.items():
        for permission in permissions(("wagtailcore", codename) for codename in codenames):
            GroupPagePermission.objects.get_or_create(group=groups[name], page=root, permission=permission)

    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(groups[MODERATORS])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # Each language's home page is a child of the tree's root: the workflow covers all below.
    for home in root.get_children():
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def grant_moderators(pairs):
    """Give the Moderators group more (app_label, codename) permissions: a content
    app adds what its own moderation needs (experts: resolving message reports)."""
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(*permissions(pairs))


class ReviewStatus:
    """Where a member's page stands, in words the member understands."""

    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"

    def __init__(self, page):
        self.code, self.comment = self.UNPUBLISHED, ""
        state = page.current_workflow_state
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            self.code, self.comment = self.CHANGES_REQUESTED, state.current_task_state.specific.get_comment()
        elif state:
            self.code = self.IN_REVIEW
        elif page.live:
            self.code = self.PUBLISHED

    @property
    def label(self):
        return {
            self.IN_REVIEW: _("In review"),
            self.CHANGES_REQUESTED: _("Changes requested"),
            self.PUBLISHED: _("Published"),
            self.UNPUBLISHED: _("Not published"),
        }[self.code]


def add_new_draft(parent, page, member, fallback_slug):
    """A member's new page: a draft under `parent`, owned by them, not yet reviewed."""
    page.slug = free_slug(parent, slugify(page.title)[:80] or fallback_slug)
    page.owner, page.live = member, False
    parent.add_child(instance=page)
    page.save_revision(user=member, log_action=True)


def submit_new_draft(parent, page, member, fallback_slug):
    """A member's new page, a draft sent to the moderators at once."""
    add_new_draft(parent, page, member, fallback_slug)
    submit_for_review(page, member)


def submit_for_review(page, user):
    """Send the page's latest revision to the moderators: a new review, or the
    resumed one after they asked for changes; a review under way sees the new
    revision anyway."""
    state = page.current_workflow_state
    if state is None:
        page.get_workflow().start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)


def ensure_someone_moderates():
    """Nobody hears of a submission while the Moderators group is empty: the first
    administrator joins it. Returns the user added, or None."""
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    if group.user_set.filter(is_active=True).exists():
        return None
    first_admin = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("date_joined").first()
    if first_admin is not None:
        first_admin.groups.add(group)
    return first_admin


def waiting_for_review():
    """Pages in review, oldest first, with who submitted them."""
    return (
        WorkflowState.objects.active()
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("requested_by")
        .prefetch_related("content_object")
        .order_by("created_at")
    )


def moderators():
    return get_user_model().objects.filter(groups__name=MODERATORS, is_active=True).order_by("username")
