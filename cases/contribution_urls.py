from django.urls import path

from . import contribution_views, replication_views

app_name = "contributions"
urlpatterns = [
    path("", contribution_views.contribution_list, name="list"),
    path("new/", contribution_views.submit_case, name="submit"),
    path("<int64:pk>/", contribution_views.edit_contribution, name="edit"),
    path("<int64:pk>/step/<int64:number>/", contribution_views.edit_contribution, name="step"),
    path("replication/<int64:page_id>/", replication_views.propose, name="propose_replication"),
]
