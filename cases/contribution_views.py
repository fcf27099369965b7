"""Cases that members send from the site, written in steps (contribution_forms.STEPS),
each step saved as a draft revision of an unpublished page the member owns. A
contribution is always looked up among the signed-in member's own, so another
member's id in the URL finds nothing (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.limits import save_if_valid
from editorial.workflow import ReviewStatus, add_new_draft, submit_for_review

from .contribution_forms import STEPS, CaseContributionForm
from .models import CaseContribution

EDITABLE = (ReviewStatus.IN_REVIEW, ReviewStatus.CHANGES_REQUESTED)
SAVE, NEXT, SEND = "save", "next", "send"


def can_edit(contribution, status):
    """The member may change their case until it is first published; from then on
    the editors look after it. A page a moderator has locked waits for them."""
    page = contribution.page
    writing = contribution.draft_step is not None or status.code in EDITABLE
    return page.first_published_at is None and writing and not page.locked


@login_required
def contribution_list(request):
    contributions = list(CaseContribution.objects.filter(member=request.user).select_related("page__locale"))
    for contribution in contributions:
        # What the member last wrote, which the page row only shows once published.
        contribution.draft = contribution.page.get_latest_revision_as_object()
        contribution.status = ReviewStatus(contribution.page)
        contribution.editable = can_edit(contribution, contribution.status)
    return render(request, "cases/contributions/list.html", {"contributions": contributions})


def step_context(form, number, contribution=None, status=None):
    return {
        "form": form,
        "steps": STEPS,
        "number": number,
        "last": number == len(STEPS),
        "contribution": contribution,
        "status": status,
    }


@login_required
def submit_case(request):
    """The first step of a new case; saving it makes the draft the member comes back to."""
    form = CaseContributionForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and save_if_valid(
        form, request.user, lambda: create_case(request.user, form, request.POST)
    ):
        return after_step(request, CaseContribution.objects.get(page=form.instance), 1)
    return render(request, "cases/contributions/form.html", step_context(form, 1))


def create_case(member, form, data):
    """A draft case under the case index of its language, not yet in review."""
    index = form.case_index
    page = form.save()
    page.locale = index.locale
    add_new_draft(index, page, member, fallback_slug="case")
    return CaseContribution.objects.create(page=page, member=member, draft_step=next_step(1, data))


def next_step(number, data):
    return min(number + 1, len(STEPS)) if data.get("action") == NEXT else number


def save_step(member, contribution, form, number, data):
    draft = form.save()
    draft.save_revision(user=member, log_action=True)
    if data.get("action") == SEND:
        submit_for_review(draft, member)
        contribution.draft_step = None
    elif contribution.draft_step is not None:
        # The furthest step reached: going back to correct an earlier step keeps it.
        contribution.draft_step = max(contribution.draft_step, next_step(number, data))
    contribution.save(update_fields=["draft_step"])
    return contribution


def after_step(request, contribution, number):
    action = request.POST.get("action")
    if action == SEND:
        messages.success(request, _("Thank you! Your case was sent to the moderators for review."))
    elif action == NEXT and number < len(STEPS):
        return redirect("contributions:step", contribution.pk, number + 1)
    else:
        messages.success(request, _("Your draft is saved. You can come back to it from My contributions."))
    return redirect("contributions:list")


@login_required
def edit_contribution(request, pk, number=None):
    contribution = get_object_or_404(CaseContribution.objects.select_related("page"), pk=pk, member=request.user)
    status = ReviewStatus(contribution.page)
    if not can_edit(contribution, status):
        messages.info(request, _("This case can no longer be changed here; please write to the editors."))
        return redirect("contributions:list")
    if number is None:
        # The member resumes where they left the draft.
        return redirect("contributions:step", pk, contribution.draft_step or 1)
    if not 1 <= number <= len(STEPS):
        raise Http404
    if contribution.draft_step is not None and number > contribution.draft_step:
        # Steps are done in order, so no draft is sent with its themes step skipped.
        return redirect("contributions:step", pk, contribution.draft_step)
    form = CaseContributionForm(
        request.POST or None,
        request.FILES or None,
        instance=contribution.page.get_latest_revision_as_object(),
        user=request.user,
        step=STEPS[number - 1],
    )
    if request.method == "POST" and save_if_valid(
        form, request.user, lambda: save_step(request.user, contribution, form, number, request.POST)
    ):
        return after_step(request, contribution, number)
    return render(request, "cases/contributions/form.html", step_context(form, number, contribution, status))
