from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale

from core.limits import save_if_valid
from editorial.workflow import ReviewStatus, submit_for_review, submit_new_draft

from .directory import directory_for
from .models import MemberSettings
from .ownership import own_profile, own_profiles_everywhere
from .profile_forms import ExpertProfileForm


@login_required
def edit_profile(request):
    profile = own_profile(request.user)
    draft = profile.get_latest_revision_as_object() if profile else None
    form = ExpertProfileForm(request.POST or None, request.FILES or None, instance=draft, user=request.user)
    if request.method == "POST" and save_if_valid(
        form, request.user, lambda: save_profile(request, form, is_new=profile is None)
    ):
        return redirect("experts:edit_profile")
    return render(
        request,
        "experts/edit_profile.html",
        {"form": form, "profile": profile, "status": ReviewStatus(profile) if profile else None},
    )


def save_profile(request, form, *, is_new):
    """A new revision on every save; new profiles (and, by the member settings,
    every change) wait for a moderator, the others are published at once."""
    page = form.save()
    if is_new:
        directory = directory_for(Locale.objects.get(language_code=form.cleaned_data["profile_language"]))
        page.owner_account = request.user
        submit_new_draft(directory, page, request.user, fallback_slug="expert")
        messages.success(request, _("Your profile was saved and sent to the moderators for review."))
        return
    revision = page.save_revision(user=request.user, log_action=True)
    if MemberSettings.for_request(request).review_profile_changes:
        submit_for_review(page, request.user)
        messages.success(request, _("Your profile was saved and sent to the moderators for review."))
    else:
        # The member may not publish in the admin; the site setting lets their own profile through.
        revision.publish(user=request.user, skip_permission_checks=True)
        messages.success(request, _("Your profile was saved and published."))


@login_required
@require_POST
def unpublish_profile(request):
    for page in own_profiles_everywhere(request.user).live():
        # Members hold no admin permission: owning the profile is what allows this.
        UnpublishPageAction(page, user=request.user).execute(skip_permission_checks=True)
    messages.success(request, _("Your profile is no longer public. Save it again to send it for review."))
    return redirect("experts:edit_profile")
