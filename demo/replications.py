"""Replication chains for the demo: `adopt(source, adopter, year, note)` records that
the adopter case took up the source's practice, approved as a moderator would."""

import itertools

from cases.models import Replication


def adopt(source, adopter, year=None, note=""):
    replication, _created = Replication.objects.update_or_create(
        source=source,
        adopter=adopter,
        defaults={"year": year, "note": note, "status": Replication.Status.APPROVED},
    )
    return replication


def chain(*cases, first_year=2012, note=""):
    """Each case adopted the one before it, a year or two apart: a chain of len(cases) - 1 links."""
    return [
        adopt(source, adopter, first_year + 2 * step, note)
        for step, (source, adopter) in enumerate(itertools.pairwise(cases))
    ]
