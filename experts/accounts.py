"""Member accounts: what the site adds to django-allauth.

Imported experts with an e-mail address get an inactive account without a password
(experts/importing.py). They claim it through "forgot password": the reset form
also finds such unclaimed accounts, and setting the password through the e-mailed
link proves the address, so the account becomes active and verified.
"""

from allauth.account.forms import ResetPasswordForm
from allauth.account.internal.userkit import filter_users_by_email
from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.dispatch import receiver


def unclaimed_accounts(email):
    """Inactive accounts nobody ever signed in to; an account an administrator
    disabled has signed in before and stays disabled."""
    return [
        user
        for user in filter_users_by_email(email, is_active=False)
        if not user.has_usable_password() and user.last_login is None
    ]


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
