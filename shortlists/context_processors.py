from django.utils.functional import SimpleLazyObject

from . import store


def shortlist(request):
    """The ids on the visitor's shortlist, read only by a page that shows an "add"
    button: an anonymous visitor without a session costs nothing (and stays cacheable)."""
    return {"shortlisted": SimpleLazyObject(lambda: set(store.page_ids(request)))}
