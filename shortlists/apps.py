from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShortlistsConfig(AppConfig):
    """A visitor's shortlist of practices and experts: in the session until they sign
    in, then kept with their account, named and shared by a private link."""

    name = "shortlists"
    verbose_name = _("Shortlists")

    def ready(self):
        from allauth.account.signals import user_logged_in
        from django.urls import reverse

        from core import links

        from .store import merge_on_sign_in

        # Case and expert pages (lower apps) offer "add to my shortlist" without naming this app.
        links.register("shortlist", lambda: reverse("shortlists:list"))
        links.register("shortlist_add", lambda: reverse("shortlists:add"))
        user_logged_in.connect(merge_on_sign_in, dispatch_uid="shortlists-merge-on-sign-in")
