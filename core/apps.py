from django.apps import AppConfig
from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.urls import register_converter


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared tools"

    def ready(self):
        from .numbers import Int64Converter

        # Before any URLconf is imported: every number in a path is read through it.
        register_converter(Int64Converter, "int64")

        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from taxonomy.models import VOCABULARY_MODELS

        from .page_cache import content_changed
        from .private_media import publish_uploads

        # What a public page shows changes with these, never with a saved draft.
        page_published.connect(content_changed, dispatch_uid="page-cache-published")
        page_unpublished.connect(content_changed, dispatch_uid="page-cache-unpublished")
        post_page_move.connect(content_changed, dispatch_uid="page-cache-moved")
        post_delete.connect(content_changed, sender=Page, dispatch_uid="page-cache-page-deleted")
        for model in (PageViewRestriction, *VOCABULARY_MODELS):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}-saved")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model._meta.label}-deleted")

        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import SlugInput

        # Page.slug accepts Unicode whatever WAGTAIL_ALLOW_UNICODE_SLUGS says; the admin's
        # slug fields follow the setting, so a typed "medellín" is refused, not stored.
        register_form_field_override(
            models.SlugField,
            override={"widget": SlugInput, "allow_unicode": settings.WAGTAIL_ALLOW_UNICODE_SLUGS},
        )

        # A member's upload becomes public with the first live page that shows it.
        page_published.connect(publish_uploads, dispatch_uid="private-media-published")
