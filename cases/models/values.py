"""Values that case pages and their outcome rows share: the years a practice may
name and how solid its evidence is."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 1950


def last_allowed_year():
    return date.today().year + 1


def validate_year(year):
    if year is not None and not FIRST_YEAR <= year <= last_allowed_year():
        raise ValidationError(
            _("Enter a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": last_allowed_year()}
        )


class EvidenceLevel(models.TextChoices):
    """How solid a practice is: readers want to know before they copy it."""

    DESCRIBED = "described", _("Described by the city")
    MONITORED = "monitored", _("Monitored with indicators")
    EVALUATED = "evaluated", _("Evaluated")
    INDEPENDENTLY_EVALUATED = "independently-evaluated", _("Independently evaluated")
