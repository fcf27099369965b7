"""Where a visitor's shortlist lives: the session for an anonymous visitor, the
database for a member; on sign-in the session's list joins the member's."""

from wagtail.models import Page

from cases.models import CaseStudyPage
from experts.models import ExpertProfilePage

from .models import MAX_ITEMS, Shortlist, ShortlistItem

SESSION_KEY = "shortlist"
LISTED_TYPES = (CaseStudyPage, ExpertProfilePage)


def member_list(user):
    return Shortlist.objects.get_or_create(owner=user)[0]


def page_ids(request):
    if request.user.is_authenticated:
        return list(ShortlistItem.objects.filter(shortlist__owner=request.user).values_list("page_id", flat=True))
    return list(request.session.get(SESSION_KEY, []))


def listable(page):
    """Only what a visitor can see and a council would weigh: live, public practices and experts."""
    specific = page.specific
    return isinstance(specific, LISTED_TYPES) and page.live and not page.get_view_restrictions().exists()


def add(request, page):
    """False when the list is full."""
    ids = page_ids(request)
    if page.pk in ids:
        return True
    if len(ids) >= MAX_ITEMS:
        return False
    if request.user.is_authenticated:
        ShortlistItem.objects.get_or_create(shortlist=member_list(request.user), page=page)
    else:
        request.session[SESSION_KEY] = [*ids, page.pk]
    return True


def remove(request, page_id):
    if request.user.is_authenticated:
        ShortlistItem.objects.filter(shortlist__owner=request.user, page_id=page_id).delete()
    else:
        request.session[SESSION_KEY] = [pk for pk in page_ids(request) if pk != page_id]


def merge_on_sign_in(sender, request, user, **kwargs):
    """allauth's `user_logged_in`: what the visitor gathered before signing in joins
    their kept list (after what it held, without repeats, up to MAX_ITEMS)."""
    gathered = request.session.pop(SESSION_KEY, [])
    if not gathered:
        return
    shortlist = member_list(user)
    kept = set(shortlist.items.values_list("page_id", flat=True))
    room = MAX_ITEMS - len(kept)
    candidates = [pk for pk in dict.fromkeys(gathered) if pk not in kept]
    # A page deleted since it was added is left out.
    existing = set(Page.objects.filter(pk__in=candidates).values_list("pk", flat=True))
    new = [pk for pk in candidates if pk in existing][: max(room, 0)]
    ShortlistItem.objects.bulk_create([ShortlistItem(shortlist=shortlist, page_id=pk) for pk in new])
