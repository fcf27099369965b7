from django.apps import AppConfig


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = "Cities"

    def ready(self):
        from django.urls import reverse

        from core import links

        # A case names its city, and a search result its place, with a link here.
        links.register("city", lambda slug: reverse("cities:city", args=[slug]))
