"""Two to four practices side by side: the facts a council weighs, one column each."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext as _

from cases.models import CaseStudyPage, FollowUp, OutcomeIndicator
from cities import facts

MIN_CASES, MAX_CASES = 2, 4


def chosen_ids(values):
    """The case ids asked for, in order, without repeats; None when one is not a number."""
    try:
        return list(dict.fromkeys(int(value) for value in values))
    except ValueError:
        return None


def compared_cases(ids):
    """The live, public cases among `ids`, in that order, with what the columns show."""
    cases = (
        CaseStudyPage.objects.live()
        .public()
        .filter(pk__in=ids)
        .select_related("city__country", "status", "locale")
        .prefetch_related(
            "target_groups",
            "approaches",
            "themes",
            Prefetch("outcomes", queryset=OutcomeIndicator.objects.all()),
            Prefetch("follow_ups", queryset=FollowUp.objects.order_by("date")),
        )
    )
    by_id = {case.pk: case for case in cases}
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    populations = facts.populations([case.city for case in ordered])
    for case in ordered:
        case.population = populations[case.city_id]
    return ordered


def compare(request):
    ids = chosen_ids(request.GET.getlist("case"))
    problem = None
    cases = []
    if ids is None:
        problem = _("The practices to compare are named by their numbers.")
    elif not MIN_CASES <= len(ids) <= MAX_CASES:
        problem = _("Tick two to four practices to compare them.")
    else:
        cases = compared_cases(ids)
        if len(cases) < MIN_CASES:
            problem = _("Some of these practices are no longer published: tick two to four others.")
    status = 400 if problem else 200
    return render(
        request,
        "shortlists/compare.html",
        {"cases": cases if not problem else [], "problem": problem, "ids": ids or []},
        status=status,
    )
