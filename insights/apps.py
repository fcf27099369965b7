from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights"

    def ready(self):
        from django.urls import reverse

        from core import links

        # The main menu (core) links here without naming this app's URLs.
        links.register("insights", lambda: reverse("insights:insights"))
