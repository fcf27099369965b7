"""A member's own profile: found through the account, never through an id in the URL,
so no member can reach another member's profile form or draft."""

from .models import ExpertProfilePage


def own_profile(user):
    """The member's profile in the language they created it in, or None."""
    return ExpertProfilePage.objects.filter(owner_account=user).order_by("pk").first()


def own_profiles_everywhere(user):
    """The member's profile and its translations."""
    profile = own_profile(user)
    if profile is None:
        return ExpertProfilePage.objects.none()
    return ExpertProfilePage.objects.filter(translation_key=profile.translation_key)
