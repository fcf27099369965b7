from django.urls import path

from . import membership_views, messaging_urls, opt_out

app_name = "members"
urlpatterns = [
    path("", membership_views.dashboard, name="dashboard"),
    path("data.json", membership_views.download_data, name="download_data"),
    path("delete/", membership_views.delete_account, name="delete_account"),
    path("not-me/<str:token>/", opt_out.opt_out, name="opt_out"),
    *messaging_urls.urlpatterns,
]
