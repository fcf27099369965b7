"""A member's own expert profile, in the member area (site/urls.py mounts it under
/<language>/members/ beside the members app's own pages)."""

from django.urls import path

from . import profile_views

app_name = "experts"
urlpatterns = [
    path("profile/", profile_views.edit_profile, name="edit_profile"),
    path("profile/unpublish/", profile_views.unpublish_profile, name="unpublish_profile"),
]
