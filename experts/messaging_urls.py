"""Members' inbox and conversations, under /<language>/members/ in the "experts" namespace."""

from django.urls import path

from . import messaging_views

urlpatterns = [
    path("inbox/", messaging_views.inbox, name="inbox"),
    path("inbox/<int:pk>/", messaging_views.conversation, name="conversation"),
    path("inbox/<int:pk>/block/", messaging_views.block, name="block"),
    path("messages/<int:pk>/report/", messaging_views.report, name="report"),
    path("contact/<int:page_pk>/", messaging_views.contact, name="contact"),
]
