"""What a city page gathers: the city's practices, experts, portraits and interviews in
the visitor's language, its key facts, a map of its region, and the cities like it."""

from collections import defaultdict
from urllib.parse import urlencode

from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Locale

from cases.maps import region_map
from cases.models import CaseStudyPage, CityPortraitPage, PositionPage
from cases.models.case import case_card_relations
from cases.replications import of_city
from core import page_cache
from experts.models import ExpertProfilePage
from taxonomy.models import City

from . import facts
from .peers import LIKE, MODES, PEERS_SHOWN, Profile, peers


def member_city_ids():
    """Cities with at least one live, public practice or expert, in any language."""
    with_cases = CaseStudyPage.objects.live().public().values_list("city_id", flat=True)
    with_experts = ExpertProfilePage.objects.live().public().exclude(city=None).values_list("city_id", flat=True)
    return set(with_cases) | set(with_experts)


def work_by_city(relation):
    """The slugs of the themes or topics (`relation`) each city's practices are tagged with."""
    slugs = defaultdict(set)
    rows = CaseStudyPage.objects.live().public().exclude(**{relation: None}).values_list("city_id", f"{relation}__slug")
    for city_id, slug in rows:
        slugs[city_id].add(slug)
    return slugs


def profiles():
    """Every member city as the peer ranking sees it. Each city page ranks them all:
    they are kept until the next change (core/page_cache.py)."""
    return page_cache.remember("city-profiles", live_profiles)


def practice_counts():
    """{city id: its live, public practices in any language}."""
    rows = CaseStudyPage.objects.live().public().values("city_id").annotate(count=Count("pk"))
    return {row["city_id"]: row["count"] for row in rows}


def live_profiles():
    """Every member city as the peer ranking sees it: three queries for their work."""
    themes, topics, practices = work_by_city("themes"), work_by_city("topics"), practice_counts()
    cities = list(City.objects.filter(id__in=member_city_ids()).select_related("country", "region"))
    populations = facts.populations(cities)
    return [
        Profile(
            city,
            populations[city.pk],
            themes=themes[city.id],
            topics=topics[city.id],
            practices=practices.get(city.id, 0),
        )
        for city in cities
    ]


def practices_by_city(cities, locale):
    """{city id: [(case pk, its topics)]}, latest first: one version of each practice,
    in the visitor's language where it has one, else in the language it has (a peer
    card shows a practice rather than nothing)."""
    rows = (
        CaseStudyPage.objects.live()
        .public()
        .filter(city__in=cities)
        .order_by("-first_published_at", "pk")
        .values_list("city_id", "translation_key", "pk", "locale_id", "topics__slug")
    )
    chosen = defaultdict(dict)  # city id -> translation key -> [pk, topics]
    for city_id, key, pk, locale_id, slug in rows:
        version = chosen[city_id].setdefault(key, [pk, set()])
        if locale_id == locale.pk:
            version[0] = pk
        if slug is not None:
            version[1].add(slug)
    return {city_id: [tuple(version) for version in versions.values()] for city_id, versions in chosen.items()}


def with_ideas(mine, ranked, locale, mode):
    """The peers ranked again once they know their practices, each with its ideas as
    pages; a peer left with none is not listed. The ranking reads only each
    practice's topics; only the few shown are read whole (a peer may have hundreds)."""
    practices = practices_by_city([peer.profile.city for peer in ranked], locale)
    for peer in ranked:
        peer.profile.cases = practices.get(peer.profile.city.id, [])
    ranked = [peer for peer in peers(mine, [peer.profile for peer in ranked], mode) if peer.ideas]
    shown = (
        CaseStudyPage.objects.defer_streamfields()
        .select_related("locale")
        .in_bulk([pk for peer in ranked for pk in peer.ideas])
    )
    for peer in ranked:
        peer.ideas = [shown[pk] for pk in peer.ideas if pk in shown]
    return ranked


# Experts of the peer cities shown under them: the directory has the rest.
PEER_EXPERTS_SHOWN = 6


def peer_experts(ranked, locale):
    cities = [peer.profile.city for peer in ranked]
    return list(
        ExpertProfilePage.objects.live()
        .public()
        .filter(city__in=cities, locale=locale)
        .select_related("city")
        .order_by("title")[:PEER_EXPERTS_SHOWN]
    )


# A city page shows its latest practices and links to the search for the rest: a large
# city may have hundreds, and each card is a picture and a query's worth of rendering.
CASES_SHOWN = 12


def city_search_url(city):
    return f"{reverse('search:search')}?{urlencode({'city': city.slug, 'type': 'case'})}"


def city_context(slug, mode=LIKE):
    """The context of /<lang>/cities/<slug>/; Http404 for a city that is not a member.
    `mode` is how its peers are chosen (cities.peers.MODES); an unknown one is the default."""
    mode = mode if mode in MODES else LIKE
    locale = Locale.get_active()
    members = {profile.city.slug: profile for profile in profiles()}
    mine = members.get(slug)
    if mine is None:
        raise Http404(gettext("No city page: no practice or expert is published for this city."))
    city = mine.city
    in_language = CaseStudyPage.objects.live().public().filter(city=city, locale=locale)
    cases = list(
        in_language.select_related(*case_card_relations())
        .defer_streamfields()
        .order_by("-first_published_at")[:CASES_SHOWN]
    )
    adopted, given = of_city(city, locale)
    # A few more candidates than are shown, in case some lose every practice on the way.
    ranked = peers(mine, members.values(), mode, count=2 * PEERS_SHOWN)
    ranked = with_ideas(mine, ranked, locale, mode)[:PEERS_SHOWN]
    return {
        "city": city,
        "population": mine.population,
        "cases": cases,
        "case_count": len(cases) if len(cases) < CASES_SHOWN else in_language.count(),
        "experts": ExpertProfilePage.objects.live().public().filter(city=city, locale=locale).order_by("title"),
        "portraits": CityPortraitPage.objects.live().public().filter(city=city, locale=locale),
        "interviews": PositionPage.objects.live()
        .public()
        .filter(locale=locale, linked_cases__case__city=city)
        .distinct(),
        "city_map": region_map(city, city.latitude, city.longitude),
        "search_url": city_search_url(city),
        "peers": ranked,
        "peer_mode": mode,
        "locale_id": locale.pk,
        "peer_experts": peer_experts(ranked, locale),
        # Practices the city took from others, and its own that others took.
        "adopted": adopted,
        "given": given,
    }
