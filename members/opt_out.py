""" "This is not me / remove my profile": the link in an invitation that lets an
imported expert take their profile off the site without an account.

The token names the account, signed with a salt of its own (no other signed value of
the site passes for one), so only who holds the e-mail can use it. The link shows a
confirmation; the POST unpublishes every live profile of that account, in every
language, which takes them out of the search too (the outbox follows unpublish).
https://docs.djangoproject.com/en/5.2/topics/signing/
"""

from datetime import timedelta

from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core import public_url
from experts.models import ExpertProfilePage

SALT = "members.opt-out"
# An invitation's link lasts as long as a profile may wait for its expert.
MAX_AGE = timedelta(days=365)


def opt_out_link(account):
    return public_url.absolute(reverse("members:opt_out", args=[signing.dumps(account.pk, salt=SALT)]))


def account_id(token):
    try:
        pk = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    return pk if isinstance(pk, int) else None


@require_http_methods(["GET", "HEAD", "POST"])
def opt_out(request, token):
    pk = account_id(token)
    if pk is None:
        raise Http404("This link is not valid, or too old.")
    profiles = list(ExpertProfilePage.objects.live().filter(owner_account_id=pk))
    if request.method == "POST":
        for profile in profiles:
            profile.unpublish(log_action=True)
        return render(request, "members/opt_out.html", {"done": True})
    response = render(request, "members/opt_out.html", {"profiles": profiles})
    # The page names the expert: never cached, never indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
