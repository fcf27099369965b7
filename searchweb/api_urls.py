from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("search/", api.search_view, name="search"),
    path("suggest/", api.suggest_view, name="suggest"),
    path("openapi.json", api.schema_view, name="schema"),
]
