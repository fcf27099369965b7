"""Saving a search from the search page, the member area's list of saved searches,
and the unsubscribe link of the digests, which works without signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core import links
from search import service

from .forms import FrequencyForm, SavedSearchForm
from .models import MAX_QUERY_LENGTH, MAX_SAVED_SEARCHES, Frequency, SavedSearch
from .tokens import saved_search_ids


@login_required
def save_search(request):
    """The search page's "Save this search": its words and filters, as the search page
    understood them (unknown parameters and values are dropped), named and with alerts
    chosen by the member. Signing in first brings the visitor back here, same search."""
    source = request.POST if request.method == "POST" else request.GET
    search, _problems = service.read_criteria(
        source.get("query", "") if request.method == "POST" else source.urlencode(), ui_language=get_language()
    )
    query = service.criteria(search)
    search_url = links.link("search", query=query)
    refusal = None
    if len(query) > MAX_QUERY_LENGTH:
        refusal = _("This search is too long to be saved: remove some words or filters.")
    elif request.user.saved_searches.count() >= MAX_SAVED_SEARCHES:
        refusal = _("You already have %(count)d saved searches: delete one to save another.") % {
            "count": MAX_SAVED_SEARCHES
        }
    form = SavedSearchForm(
        request.POST if request.method == "POST" and not refusal else None,
        initial={"name": service.describe(search), "frequency": Frequency.WEEKLY},
    )
    if form.is_bound and form.is_valid():
        saved = form.save(commit=False)
        saved.user, saved.query, saved.language = request.user, query, get_language()
        saved.save()
        # A name often quotes the search's words itself (service.describe): messages set
        # names after a colon, never in quotes of their own ("““housing””").
        messages.success(request, _("Search saved: %(name)s.") % {"name": saved.name})
        return redirect("alerts:list")
    context = {"form": form, "query": query, "search_url": search_url, "refusal": refusal}
    return render(request, "alerts/save_search.html", context, status=400 if refusal else 200)


@login_required
def saved_searches(request):
    searches = list(request.user.saved_searches.all())
    for saved in searches:
        saved.search_url = links.link("search", query=saved.query)
        saved.frequency_form = FrequencyForm(initial={"frequency": saved.frequency}, prefix=f"search-{saved.pk}")
    return render(request, "alerts/saved_searches.html", {"searches": searches, "limit": MAX_SAVED_SEARCHES})


@login_required
@require_POST
def change_frequency(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    form = FrequencyForm(request.POST, prefix=f"search-{saved.pk}")
    if form.is_valid():
        saved.frequency = form.cleaned_data["frequency"]
        saved.save(update_fields=["frequency"])
        messages.success(request, _("Alerts changed to %(frequency)s for: %(name)s.") % {
            "name": saved.name, "frequency": saved.get_frequency_display().lower()
        })  # fmt: skip
    else:
        messages.error(request, _("Choose how often to receive alerts."))
    return redirect("alerts:list")


@login_required
@require_POST
def delete_search(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    saved.delete()
    messages.success(request, _("Saved search deleted: %(name)s.") % {"name": saved.name})
    return redirect("alerts:list")


# Mail clients send the one-click POST of RFC 8058 without any cookie or CSRF token:
# the signed token in the URL is the proof. GET only shows the button, so that a link
# scanner opening every URL of an e-mail stops nothing.
@csrf_exempt
def unsubscribe(request, token):
    ids = saved_search_ids(token)
    if ids is None:
        return render(request, "alerts/unsubscribe.html", {"invalid": True}, status=400)
    searches = SavedSearch.objects.filter(pk__in=ids)
    if request.method == "POST":
        stopped = searches.exclude(frequency=Frequency.NONE).update(frequency=Frequency.NONE)
        done = ngettext(
            "You will receive no more alerts for this search.",
            "You will receive no more alerts for these searches.",
            len(ids),
        )
        return render(request, "alerts/unsubscribe.html", {"done": done, "stopped": stopped, "searches": searches})
    return render(request, "alerts/unsubscribe.html", {"searches": searches})
