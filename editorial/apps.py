from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editorial workflow: who may write and publish, the review every page and
    translation goes through, and who hears how it ended."""

    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from . import review_notifications

        # Before wagtail.admin's ready() (INSTALLED_APPS order): see review_notifications.
        review_notifications.connect()
