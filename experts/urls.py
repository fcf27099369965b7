from django.urls import path

from . import membership_views, messaging_urls, profile_views

app_name = "experts"
urlpatterns = [
    path("", membership_views.dashboard, name="dashboard"),
    path("profile/", profile_views.edit_profile, name="edit_profile"),
    path("profile/unpublish/", profile_views.unpublish_profile, name="unpublish_profile"),
    path("data.json", membership_views.download_data, name="download_data"),
    path("delete/", membership_views.delete_account, name="delete_account"),
    *messaging_urls.urlpatterns,
]
