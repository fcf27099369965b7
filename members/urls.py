from django.urls import path

from . import membership_views, messaging_urls

app_name = "members"
urlpatterns = [
    path("", membership_views.dashboard, name="dashboard"),
    path("data.json", membership_views.download_data, name="download_data"),
    path("delete/", membership_views.delete_account, name="delete_account"),
    *messaging_urls.urlpatterns,
]
