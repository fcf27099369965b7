"""The signed link of a digest that stops its alerts without signing in.

The token names the saved searches the e-mail was about; signing (with a salt of its
own, so no other signed value of the site can pass for one) is what lets anyone
holding the e-mail, and nobody else, stop them.
https://docs.djangoproject.com/en/5.2/topics/signing/
"""

from datetime import timedelta

from django.core import signing

SALT = "alerts.unsubscribe"
# A year-old digest's link still works; an older one asks the member to sign in.
MAX_AGE = timedelta(days=365)


def unsubscribe_token(saved_search_ids):
    return signing.dumps(sorted(saved_search_ids), salt=SALT, compress=True)


def saved_search_ids(token):
    """The ids a token names, or None when it was altered, is too old or is no token."""
    try:
        ids = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(ids, list) or not all(isinstance(pk, int) for pk in ids):
        return None
    return ids
