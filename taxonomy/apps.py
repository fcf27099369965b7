from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_delete, post_save


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Vocabularies"

    def ready(self):
        from .cache import forget_vocabularies
        from .checks import vocabulary_labels
        from .models import VOCABULARY_MODELS

        for model in VOCABULARY_MODELS:
            post_save.connect(forget_vocabularies, sender=model, dispatch_uid=f"forget-{model._meta.label}-saved")
            post_delete.connect(forget_vocabularies, sender=model, dispatch_uid=f"forget-{model._meta.label}-deleted")
        checks.register(vocabulary_labels)
