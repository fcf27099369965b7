"""Member accounts: what the site adds to django-allauth.

Imported experts with an e-mail address get an inactive account without a password
(experts/importing.py). They claim it through "forgot password": the reset form
also finds such unclaimed accounts, and setting the password through the e-mailed
link proves the address, so the account becomes active and verified.

Failed sign-ins are counted per address and per account *and* address, so an
attacker guessing one member's password is slowed down while the member still signs
in from anywhere else. Sign-up does the same work whether the address is known or
not, so its answer time tells nothing about who is a member.
"""

from zoneinfo import available_timezones

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import ResetPasswordForm, ResetPasswordKeyForm, SignupForm
from allauth.account.internal.userkit import filter_users_by_email
from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from allauth.core import context
from django import forms
from django.contrib.auth.hashers import make_password
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from taxonomy.mixins import name_cities_with_countries
from taxonomy.models import City, label_order

from .models import MemberProfile


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """The key of allauth's per-key `login_failed` limit (settings:
        ACCOUNT_RATE_LIMITS) is the login alone, which lets anyone lock a member out
        everywhere with a few wrong passwords; adding the client's address confines
        the limit to the guesser. allauth has no public hook for this key; a test
        (tests/test_account_abuse.py) fails if it stops being used."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{self.get_client_ip(request)}"

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        """Someone who never had a password is welcomed, not told it was changed
        (ClaimingResetPasswordKeyForm marks the request)."""
        if message_template == "account/messages/password_changed.txt" and getattr(request, "claims_account", False):
            message_template = "account/messages/account_claimed.txt"
        super().add_message(request, level, message_template, *args, **kwargs)


def is_unclaimed(user):
    """An inactive account nobody ever signed in to; an account an administrator
    disabled has signed in before and stays disabled."""
    return not user.is_active and not user.has_usable_password() and user.last_login is None


def unclaimed_accounts(email):
    return [user for user in filter_users_by_email(email, is_active=False) if is_unclaimed(user)]


class ClaimingResetPasswordForm(ResetPasswordForm):
    def clean_email(self):
        email = super().clean_email()
        if not self.users:
            self.users = unclaimed_accounts(email)
        return email


class ClaimingResetPasswordKeyForm(ResetPasswordKeyForm):
    """The password form of an e-mailed link; for an unclaimed account it reads
    "Welcome, set your password" (templates/account/password_reset_from_key.html)."""

    @property
    def claims_account(self):
        return self.user is not None and is_unclaimed(self.user)

    def save(self):
        if self.claims_account:
            # allauth keeps the request being answered in its context (allauth.core.context).
            context.request.claims_account = True
        super().save()


@receiver(password_reset)
def activate_claimed_account(sender, request, user, **kwargs):
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)


def valid_time_zone(name):
    """`name` if it is an IANA time zone this system knows, else "" (the site's)."""
    return name if name in available_timezones() else ""


class EvenSignupForm(SignupForm):
    """Sign-up asks besides for the name others see (messages come from it, not from
    "a member"), and optionally an organisation and a city. The browser's time zone
    comes in a hidden field (js/time-zone.js): e-mails give times in it."""

    name = forms.CharField(label=_("Your name"), max_length=150, help_text=_("Shown to the members you write to."))
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none(), required=False)
    time_zone = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""}))

    field_order = ["name", "email", "password1", "password2", "organisation", "city"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.order_by(label_order())
        name_cities_with_countries(self.fields["city"])
        self.order_fields(self.field_order)

    def clean_time_zone(self):
        return valid_time_zone(self.cleaned_data["time_zone"].strip())

    def signup(self, request, user):
        """allauth's hook once the account exists (BaseSignupForm.custom_signup)."""
        MemberProfile.objects.create(
            account=user,
            name=self.cleaned_data["name"].strip(),
            organisation=self.cleaned_data["organisation"].strip(),
            city=self.cleaned_data["city"],
            time_zone=self.cleaned_data["time_zone"],
        )

    def try_save(self, request):
        """For a known address allauth creates nothing and only e-mails the owner; a
        new account costs a password hash besides (about 0.3 s with Django's
        PBKDF2), which gave members away by the answer time. Hashing the password
        either way evens that out; bench/enumeration_bench.py prints both times."""
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
