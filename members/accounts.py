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

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import ResetPasswordForm, SignupForm
from allauth.account.internal.userkit import filter_users_by_email
from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.contrib.auth.hashers import make_password
from django.dispatch import receiver


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """The key of allauth's per-key `login_failed` limit (settings:
        ACCOUNT_RATE_LIMITS) is the login alone, which lets anyone lock a member out
        everywhere with a few wrong passwords; adding the client's address confines
        the limit to the guesser. allauth has no public hook for this key; a test
        (tests/test_account_abuse.py) fails if it stops being used."""
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{self.get_client_ip(request)}"


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


@receiver(password_reset)
def activate_claimed_account(sender, request, user, **kwargs):
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)


class EvenSignupForm(SignupForm):
    def try_save(self, request):
        """For a known address allauth creates nothing and only e-mails the owner; a
        new account costs a password hash besides (about 0.3 s with Django's
        PBKDF2), which gave members away by the answer time. Hashing the password
        either way evens that out; bench/enumeration_bench.py prints both times."""
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
