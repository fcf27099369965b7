from django.urls import path

from . import exports, views
from .feeds import SearchFeed

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("export.csv", exports.export_csv, name="export_csv"),
    path("export.json", exports.export_json, name="export_json"),
    path("feed/", SearchFeed(), name="feed"),
]
