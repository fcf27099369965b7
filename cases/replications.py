"""How a practice spread: the approved replication links around a case or a city, each
end shown in the visitor's language when it is translated, and a map of the spread.

A link joins two pages, but a chain follows translation keys: the French version of a
case shows the chain its English original is in.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from core import world_map
from editorial.workflow import grant_moderators, permissions

from .models import CaseStudyPage, Replication

# A chain longer than this is cut: a practice copied by copies of copies of copies.
MAX_STEPS = 6


@dataclass(frozen=True)
class Link:
    """One approved step: `source` (a case) adopted as `adopter`, in `year`."""

    source: CaseStudyPage
    adopter: CaseStudyPage
    year: int | None
    note: str


def approved():
    return Replication.objects.filter(
        status=Replication.Status.APPROVED, source__live=True, adopter__live=True
    ).select_related("source__city__country", "adopter__city__country")


def in_language(pages, locale):
    """{translation key: the live version in `locale`, or the page itself}."""
    keys = {page.translation_key for page in pages}
    versions = CaseStudyPage.objects.live().public().filter(translation_key__in=keys, locale=locale)
    shown = {page.translation_key: page for page in pages}
    shown.update((page.translation_key, page) for page in versions.select_related("city__country"))
    return shown


def links_of(replications, locale):
    rows = list(replications)
    shown = in_language([end for row in rows for end in (row.source, row.adopter)], locale)
    return [
        Link(shown[row.source.translation_key], shown[row.adopter.translation_key], row.year, row.note) for row in rows
    ]


def chain(case):
    """Every approved link of the chain the case is in, upstream and downstream, up to
    MAX_STEPS away, oldest adoption first."""
    keys, found = {case.translation_key}, {}
    for _step in range(MAX_STEPS):
        rows = approved().filter(source__translation_key__in=keys) | approved().filter(
            adopter__translation_key__in=keys
        )
        new = {row.pk: row for row in rows if row.pk not in found}
        if not new:
            break
        found.update(new)
        keys |= {end.translation_key for row in new.values() for end in (row.source, row.adopter)}
    links = links_of(found.values(), case.locale)
    return sorted(links, key=lambda link: (link.year or 9999, link.adopter.title))


def of_city(city, locale):
    """(adopted: what the city took from others, given: what others took from it)."""
    adopted = approved().filter(adopter__city=city).exclude(source__city=city)
    given = approved().filter(source__city=city).exclude(adopter__city=city)
    return links_of(adopted, locale), links_of(given, locale)


def spread_map(links, focus, request=None):
    """A map of the cities of the chain with an arrow from each source to its adopter,
    framed around them; None without links or atlas."""
    places = {}
    for link in links:
        for case in (link.source, link.adopter):
            city = case.city
            if city.latitude is not None and city.longitude is not None:
                name = gettext("%(case)s in %(city)s") % {"case": case.title, "city": city.label}
                places.setdefault(city.pk, world_map.Place(name, case.get_url(request), city.latitude, city.longitude))
    routes = [
        (places[link.source.city_id], places[link.adopter.city_id])
        for link in links
        if link.source.city_id in places and link.adopter.city_id in places
    ]
    if not routes:
        return None
    return world_map.draw_routes(list(places.values()), routes, focus=places.get(focus.city_id))


def propose(source, adopter, member, note="", year=None):
    """A member's or an editor's proposal, waiting for a moderator; None when the same
    link (in any language) was proposed already."""
    replication = Replication(source=source, adopter=adopter, proposed_by=member, note=note, year=year)
    replication.full_clean()
    try:
        with transaction.atomic():
            replication.save()
    except IntegrityError:
        return None
    return replication


def ensure_replication_moderation():
    """Moderators approve or reject the proposed links; editors propose them in the admin
    (a link an editor adds waits like a member's: see wagtail_hooks.ReplicationForm)."""
    grant_moderators([("cases", f"{action}_replication") for action in ("add", "change", "delete", "view")])
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions([("cases", "add_replication"), ("cases", "view_replication")]))
