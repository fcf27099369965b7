"""Cases that members send from the site. A contribution is always looked up among
the signed-in member's own, so another member's id in the URL finds nothing (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.editorial import ReviewStatus, submit_for_review, submit_new_draft
from core.limits import save_if_valid

from .contribution_forms import CaseContributionForm
from .models import CaseContribution

EDITABLE = (ReviewStatus.IN_REVIEW, ReviewStatus.CHANGES_REQUESTED)


def can_edit(page, status):
    """The member may change their case until it is first published; from then on
    the editors look after it. A page a moderator has locked waits for them."""
    return page.first_published_at is None and status.code in EDITABLE and not page.locked


@login_required
def contribution_list(request):
    contributions = list(CaseContribution.objects.filter(member=request.user).select_related("page__locale"))
    for contribution in contributions:
        # What the member last wrote, which the page row only shows once published.
        contribution.draft = contribution.page.get_latest_revision_as_object()
        contribution.status = ReviewStatus(contribution.page)
        contribution.editable = can_edit(contribution.page, contribution.status)
    return render(request, "cases/contributions/list.html", {"contributions": contributions})


@login_required
def submit_case(request):
    form = CaseContributionForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and save_if_valid(form, request.user, lambda: create_case(request.user, form)):
        messages.success(request, _("Thank you! Your case was sent to the moderators for review."))
        return redirect("contributions:list")
    return render(request, "cases/contributions/form.html", {"form": form})


def create_case(member, form):
    """A draft case under the case index of its language, in the editorial review."""
    index = form.case_index
    page = form.save()
    page.locale = index.locale
    submit_new_draft(index, page, member, fallback_slug="case")
    CaseContribution.objects.create(page=page, member=member)
    return page


def resubmit(member, form):
    draft = form.save()
    draft.save_revision(user=member, log_action=True)
    submit_for_review(draft, member)


@login_required
def edit_contribution(request, pk):
    contribution = get_object_or_404(CaseContribution.objects.select_related("page"), pk=pk, member=request.user)
    page = contribution.page
    status = ReviewStatus(page)
    if not can_edit(page, status):
        messages.info(request, _("This case can no longer be changed here; please write to the editors."))
        return redirect("contributions:list")
    form = CaseContributionForm(
        request.POST or None, request.FILES or None, instance=page.get_latest_revision_as_object(), user=request.user
    )
    if request.method == "POST" and save_if_valid(form, request.user, lambda: resubmit(request.user, form)):
        messages.success(request, _("Your changes were saved and sent to the moderators for review."))
        return redirect("contributions:list")
    return render(
        request, "cases/contributions/form.html", {"form": form, "contribution": contribution, "status": status}
    )
