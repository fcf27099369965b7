"""Enumeration benchmark: times sign-up and password reset for an address that
belongs to a member and for one that does not, and prints the median and p95 of
each, with sign-up also measured as allauth's own form does it (before
members.accounts.EvenSignupForm). A gap between the two addresses would tell an
attacker who is a member; the tests (tests/test_account_abuse.py) check that the
answers are the same, this script prints how long they take.

Runs on a throwaway SQLite database with the development settings (Django's real
password hasher); e-mails stay in memory, as both answers send one. Rate limits
are switched off so the rounds can come from one address. Figures, not assertions.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "usesite.settings.dev")
DATABASE = Path(tempfile.mkdtemp(prefix="enumeration-bench-")) / "db.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
MEMBER = "member@example.org"
PASSWORD = "a-fresh-long-password"  # noqa: S105 - a throwaway account


def timed(post):
    """Milliseconds the server takes to answer `post(client)` from a fresh visitor."""
    client = Client()
    client.get(f"/{settings.LANGUAGE_CODE}/")
    started = time.perf_counter()
    response = post(client)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 302:
        raise RuntimeError(f"answered {response.status_code}")
    return elapsed


def sign_up(email):
    return lambda client: client.post(
        f"/{settings.LANGUAGE_CODE}/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def reset(email):
    return lambda client: client.post(f"/{settings.LANGUAGE_CODE}/accounts/password/reset/", {"email": email})


def compare(label, known, unknown):
    """Alternates the two kinds of request so both see the same machine load."""
    times = {"known": [], "unknown": []}
    for number in range(ROUNDS):
        times["known"].append(timed(known(number)))
        times["unknown"].append(timed(unknown(number)))
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    p95 = {kind: statistics.quantiles(values, n=20)[-1] for kind, values in times.items()}
    print(
        f"{label:<34} member {medians['known']:6.0f} ms (p95 {p95['known']:4.0f})"
        f"   unknown {medians['unknown']:6.0f} ms (p95 {p95['unknown']:4.0f})"
        f"   gap {medians['unknown'] - medians['known']:+5.0f} ms"
    )


def main():
    call_command("migrate", verbosity=0)
    call_command("setup_site", no_admin=True, verbosity=0)
    member = get_user_model().objects.create_user("member", MEMBER, PASSWORD)
    EmailAddress.objects.create(user=member, email=MEMBER, verified=True, primary=True)
    print(f"{ROUNDS} rounds each, {DATABASE}, password hasher {django.conf.settings.PASSWORD_HASHERS[0]}")
    quiet = {
        "ALLOWED_HOSTS": ["testserver"],
        "DEBUG": False,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ACCOUNT_RATE_LIMITS": False,
    }
    with override_settings(**quiet):
        new = "new-{}@example.org".format
        compare("sign-up", lambda _n: sign_up(MEMBER), lambda n: sign_up(new(n)))
        with override_settings(ACCOUNT_FORMS={"reset_password": "members.accounts.ClaimingResetPasswordForm"}):
            compare("sign-up, allauth's form (before)", lambda _n: sign_up(MEMBER), lambda n: sign_up(new(f"b{n}")))
        compare("password reset", lambda _n: reset(MEMBER), lambda n: reset(new(f"r{n}")))


if __name__ == "__main__":
    main()
