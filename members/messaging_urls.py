"""Members' inbox and conversations, under /<language>/members/ in the "members" namespace."""

from django.urls import path

from . import messaging_views

urlpatterns = [
    path("inbox/", messaging_views.inbox, name="inbox"),
    path("inbox/<int64:pk>/", messaging_views.conversation, name="conversation"),
    path("inbox/<int64:pk>/block/", messaging_views.block, name="block"),
    path("messages/<int64:pk>/report/", messaging_views.report, name="report"),
    path("contact/<int64:page_pk>/", messaging_views.contact, name="contact"),
]
