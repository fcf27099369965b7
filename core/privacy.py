"""Which pages the public may see."""

from wagtail.models import Page


def private_sections(request):
    """Wagtail's Q of the pages in private sections, read once per request: the menu,
    the translation links and a collection's lists all leave them out."""
    if not hasattr(request, "_private_sections"):
        request._private_sections = Page.objects.private_q()
    return request._private_sections
