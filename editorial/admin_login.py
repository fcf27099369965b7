"""The Wagtail admin's sign-in is held to the site's own: allauth's rate limits and its
second factor.

Wagtail's login view (/admin/login/) authenticates by itself, outside allauth, so a
guesser there met no limit. Its form here asks allauth's adapter instead, which counts
the `login_failed` limits per address and per account + address
(ACCOUNT_RATE_LIMITS, members/accounts.py); the view spends the same `login` budget
per address as the site's sign-in; and a right password is handed to allauth's login
stages, whose MFA stage asks for the code of the user's authenticator app (TOTP) when
the user has one. Staff keep signing in with their username, and no e-mail
verification stands in their way, as before.

With ADMIN_REQUIRE_MFA (on in production), moderators and administrators without an
authenticator are sent to set one up before any admin page opens.
"""

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.account.utils import perform_login
from allauth.decorators import rate_limit
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import LoginView

from .workflow import MODERATORS


class AdminLoginForm(LoginForm):
    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is not None and password:
            # Raises allauth's "Too many failed login attempts" once a limit is reached,
            # before the password is even checked.
            self.user_cache = get_adapter(self.request).authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


@method_decorator(rate_limit(action="login"), name="dispatch")
class AdminLoginView(LoginView):
    def get_form_class(self):
        return AdminLoginForm

    def form_valid(self, form):
        # Wagtail's "remember me", set before allauth's stages, which keep the session.
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if form.cleaned_data.get("remember") else 0)
        return perform_login(
            self.request,
            form.get_user(),
            email_verification=account_settings.EmailVerificationMethod.NONE,
            redirect_url=self.get_success_url(),
        )


def must_use_mfa(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


class AdminRequiresMFAMiddleware:
    """After AuthenticationMiddleware. Signing out stays possible."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.ADMIN_REQUIRE_MFA
            and request.path.startswith("/admin/")
            and request.path != reverse("wagtailadmin_logout")
            and request.user.is_authenticated
            and must_use_mfa(request.user)
            and not is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
        ):
            messages.info(
                request,
                _(
                    "Moderators and administrators need a second factor to use the admin: "
                    "set up an authenticator app, then open the admin again."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
