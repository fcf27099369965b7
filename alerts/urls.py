from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("", views.saved_searches, name="list"),
    path("new/", views.save_search, name="save"),
    path("<int64:pk>/frequency/", views.change_frequency, name="frequency"),
    path("<int64:pk>/delete/", views.delete_search, name="delete"),
    # Opened from an e-mail, signed in or not.
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
