from django.urls import path

from . import exports, views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("export.csv", exports.export_csv, name="export_csv"),
    path("export.json", exports.export_json, name="export_json"),
]
