"""The shortlist: add and remove (any visitor), rename and share by a private link
(members), and the shared list itself (anyone with the link, until it is revoked)."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import store
from .models import Shortlist, new_token


def same_origin(request):
    """The case and expert pages are cached for anonymous visitors, so their "add"
    button carries no CSRF token (one would set a cookie and make every page
    uncacheable). Browsers send `Origin` with every form POST: a request from
    another site is refused on it, as Django's CSRF check does before the token."""
    origin = request.headers.get("Origin")
    return origin is not None and urlsplit(origin).netloc == request.get_host()


def back(request, fallback="shortlists:list"):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def read_page(request):
    try:
        return Page.objects.get(pk=int(request.POST.get("page", "")))
    except (ValueError, Page.DoesNotExist):
        raise Http404 from None


def listed_pages(ids):
    """The live, public practices and experts among `ids`, in the list's order."""
    pages = Page.objects.live().public().filter(pk__in=ids).specific()
    by_id = {page.pk: page for page in pages if isinstance(page, store.LISTED_TYPES)}
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    cases = [page for page in ordered if isinstance(page, store.CaseStudyPage)]
    experts = [page for page in ordered if isinstance(page, store.ExpertProfilePage)]
    return cases, experts


@csrf_exempt
@require_POST
def add(request):
    if not same_origin(request):
        raise PermissionDenied
    page = read_page(request)
    if not store.listable(page):
        raise Http404
    if store.add(request, page):
        messages.success(request, _("“%(title)s” is on your shortlist.") % {"title": page.title})
    else:
        messages.error(request, _("Your shortlist is full: remove something first."))
    return back(request)


@require_POST
def remove(request):
    store.remove(request, read_page(request).pk)
    return back(request)


def shortlist(request):
    cases, experts = listed_pages(store.page_ids(request))
    owned = store.member_list(request.user) if request.user.is_authenticated else None
    share_url = (
        request.build_absolute_uri(redirect("shortlists:shared", owned.share_token).url)
        if owned and owned.share_token
        else None
    )
    return render(
        request,
        "shortlists/shortlist.html",
        {"cases": cases, "experts": experts, "shortlist": owned, "share_url": share_url, "editable": True},
    )


@login_required
@require_POST
def rename(request):
    owned = store.member_list(request.user)
    name = " ".join(request.POST.get("name", "").split())[: Shortlist._meta.get_field("name").max_length]
    if name:
        owned.name = name
        owned.save(update_fields=["name", "updated_at"])
    return redirect("shortlists:list")


@login_required
@require_POST
def share(request):
    """A new private link; the one before it stops working."""
    owned = store.member_list(request.user)
    owned.share_token = new_token()
    owned.save(update_fields=["share_token", "updated_at"])
    messages.success(request, _("Anyone with the link can now see your shortlist."))
    return redirect("shortlists:list")


@login_required
@require_POST
def revoke(request):
    owned = store.member_list(request.user)
    owned.share_token = ""
    owned.save(update_fields=["share_token", "updated_at"])
    messages.success(request, _("The link no longer works."))
    return redirect("shortlists:list")


def shared(request, token):
    owned = get_object_or_404(Shortlist.objects.exclude(share_token=""), share_token=token)
    cases, experts = listed_pages(list(owned.items.values_list("page_id", flat=True)))
    response = render(
        request,
        "shortlists/shortlist.html",
        {"cases": cases, "experts": experts, "shortlist": owned, "shared": True, "editable": False},
    )
    # A private link: never in a search engine, never in a shared cache.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
