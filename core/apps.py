from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared tools"

    def ready(self):
        from . import review_notifications

        review_notifications.connect()
