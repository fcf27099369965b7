from django.urls import path

from . import compare, dossier, views

app_name = "shortlists"

urlpatterns = [
    path("", views.shortlist, name="list"),
    path("add/", views.add, name="add"),
    path("remove/", views.remove, name="remove"),
    path("rename/", views.rename, name="rename"),
    path("share/", views.share, name="share"),
    path("revoke/", views.revoke, name="revoke"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("compare/", compare.compare, name="compare"),
    path("dossier.pdf", dossier.dossier, name="dossier"),
]
