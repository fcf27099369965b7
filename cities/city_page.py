"""What a city page gathers: the city's practices, experts, portraits and interviews in
the visitor's language, its key facts, a map of its region, and the cities like it."""

from collections import defaultdict
from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Locale

from cases.models import CaseStudyPage, CityPortraitPage, PositionPage
from cases.models.case import case_card_relations
from cases.replications import of_city
from core import page_cache, world_map
from experts.models import ExpertProfilePage
from taxonomy.models import City

from . import facts
from .peers import Profile, peers


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


def live_profiles():
    """Every member city as the peer ranking sees it: two queries for their work."""
    themes, topics = work_by_city("themes"), work_by_city("topics")
    cities = list(City.objects.filter(id__in=member_city_ids()).select_related("country", "region"))
    populations = facts.populations(cities)
    return [Profile(city, populations[city.pk], themes=themes[city.id], topics=topics[city.id]) for city in cities]


def with_ideas(mine, ranked, locale):
    """The peers ranked again once they know their practices in this language, each
    with its ideas as pages. The ranking reads only each practice's topics; only the
    few practices shown are read whole (a peer may have hundreds)."""
    topics_by_city = defaultdict(dict)
    rows = (
        CaseStudyPage.objects.live()
        .public()
        .filter(city__in=[peer.profile.city for peer in ranked], locale=locale)
        .order_by("-first_published_at", "pk")
        .values_list("city_id", "pk", "topics__slug")
    )
    for city_id, pk, slug in rows:
        topics = topics_by_city[city_id].setdefault(pk, set())
        if slug is not None:
            topics.add(slug)
    for peer in ranked:
        peer.profile.cases = list(topics_by_city[peer.profile.city.id].items())
    ranked = peers(mine, [peer.profile for peer in ranked])
    shown = CaseStudyPage.objects.defer_streamfields().in_bulk([pk for peer in ranked for pk in peer.ideas])
    for peer in ranked:
        peer.ideas = [shown[pk] for pk in peer.ideas]
    return ranked


# A city page shows its latest practices and links to the search for the rest: a large
# city may have hundreds, and each card is a picture and a query's worth of rendering.
CASES_SHOWN = 12


def city_search_url(city):
    return f"{reverse('search:search')}?{urlencode({'city': city.slug, 'type': 'case'})}"


def city_context(slug):
    """The context of /<lang>/cities/<slug>/; Http404 for a city that is not a member."""
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
    ranked = peers(mine, members.values())
    ranked = with_ideas(mine, ranked, locale)
    place = world_map.Place(
        gettext("Practices in %(city)s") % {"city": city.label}, city_search_url(city), city.latitude, city.longitude
    )
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
        "city_map": world_map.draw_region([place], city.latitude, city.longitude)
        if city.latitude is not None and city.longitude is not None
        else None,
        "search_url": city_search_url(city),
        "peers": ranked,
        # Practices the city took from others, and its own that others took.
        "adopted": adopted,
        "given": given,
    }
