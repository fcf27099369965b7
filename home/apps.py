from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using, **kwargs):
    """The shared cache lives in a database table (settings: CACHES) that no model
    declares; creating it with every `migrate` means no installation can forget it.
    The command leaves an existing table alone."""
    call_command("createcachetable", database=using, verbosity=0)


def home_paths():
    from django.conf import settings

    return [f"/{code}/" for code, _name in settings.LANGUAGES]


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home page"

    def ready(self):
        from django.urls import reverse

        from core import links, page_cache

        post_migrate.connect(create_cache_table, sender=self)
        # The home page of every language is rendered again right after each change.
        page_cache.keep_warm(home_paths)
        # The language switcher (core) sends a page without a translation here.
        links.register("nearest_translation", lambda page_id: reverse("nearest_translation", args=[page_id]))
