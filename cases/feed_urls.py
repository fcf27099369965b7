from django.urls import path

from .feeds import NewCasesFeed

app_name = "feeds"

new_cases = NewCasesFeed()
urlpatterns = [
    path("cases/", new_cases, name="cases"),
    path("cases/<slug:theme>/", new_cases, name="cases_theme"),
]
