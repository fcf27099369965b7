"""Limits that count what is stored (messages an hour, bytes uploaded a day) hold only
if the count and the write it guards cannot interleave with a parallel request of the
same member: both happen in one transaction that first takes the member's row.

On PostgreSQL the row lock makes the member's other requests wait; on SQLite, where
Django ignores FOR UPDATE, the IMMEDIATE transactions of the settings take the write
lock as the transaction begins, which serialises every writer.
"""

from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db import transaction


@contextmanager
def member_lock(user):
    """A transaction that holds the member's account row until it ends."""
    with transaction.atomic():
        list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
        yield


def save_if_valid(form, member, save):
    """Whether the form was valid and `save()` ran: both in a member_lock, so what
    the form's checks count includes every parallel request of the member."""
    with member_lock(member):
        if not form.is_valid():
            return False
        save()
        return True
