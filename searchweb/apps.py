from django.apps import AppConfig


class SearchWebConfig(AppConfig):
    """The pages of search: the search page, its API and OpenAPI schema, exports and
    feeds, and how any page draws a search's results (page_context.py)."""

    name = "searchweb"
    verbose_name = "Search pages"

    def ready(self):
        from django.urls import reverse

        from core import links
        from search import service

        from .page_context import scoped_search_context

        # Lower apps link to the search page and its feed without naming this app's URLs.
        links.register("search", lambda: reverse("search:search"))
        links.register("search_feed", lambda: reverse("search:feed"))

        # A spotlight page or the expert directory (below this app) show their search through the service.
        service.serve_page_search(scoped_search_context)
