from django.urls import path

from . import contribution_views

app_name = "contributions"
urlpatterns = [
    path("", contribution_views.contribution_list, name="list"),
    path("new/", contribution_views.submit_case, name="submit"),
    path("<int:pk>/", contribution_views.edit_contribution, name="edit"),
    path("<int:pk>/step/<int:number>/", contribution_views.edit_contribution, name="step"),
]
