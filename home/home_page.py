"""What the home page shows a visitor in a few seconds: live figures, the spotlight
collections, the latest cases, themes and goals to browse by, and a map of practices by city.

Everything comes from the database, never from the search index, so that the home page
opens while OpenSearch is down. Every list is one query (counts are aggregated in the
database), so the page costs the same with ten cities or a thousand.
"""

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from wagtail.models import Page

from cases.models import CaseStudyPage, SpotlightPage
from core import page_cache, world_map
from experts.models import ExpertProfilePage
from taxonomy.models import City, SustainableDevelopmentGoal, Theme, label_order

LATEST_CASES = 6
BLACK, WHITE = "#000000", "#ffffff"


@dataclass(frozen=True)
class CityCases:
    """A city with live public cases: a marker on the map and a link in the list below it."""

    city: City
    count: int

    @property
    def latitude(self):
        return self.city.latitude

    @property
    def longitude(self):
        return self.city.longitude

    # A map shows hundreds of cities, each named and linked twice (marker and list):
    # build each name and address once.
    @cached_property
    def name(self):
        """What the link says, to a screen reader as well: "Barcelona: 12 cases"."""
        return ngettext("%(city)s: %(count)s case", "%(city)s: %(count)s cases", self.count) % {
            "city": self.city.label,
            "count": intcomma(self.count),
        }

    @cached_property
    def url(self):
        """The city's page (cities/), which every city with a live public case has: its
        practices, experts and the cities like it."""
        return reverse("cities:city", args=[self.city.slug])


@dataclass(frozen=True)
class GoalTile:
    goal: SustainableDevelopmentGoal

    @property
    def ink(self):
        return readable_ink(self.goal.colour)


def relative_luminance(colour):
    """WCAG's relative luminance of a "#rrggbb" colour:
    https://www.w3.org/TR/WCAG22/#dfn-relative-luminance"""
    channels = (int(colour[start : start + 2], 16) / 255 for start in (1, 3, 5))
    red, green, blue = (value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    darker, lighter = sorted((relative_luminance(first), relative_luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def readable_ink(background):
    """Black or white text, whichever contrasts more with the background. One of the two
    always reaches WCAG AA's 4.5:1 (the worst case, a mid grey, still gives 4.58:1)."""
    return max((BLACK, WHITE), key=lambda ink: contrast_ratio(ink, background))


def cities_with_cases(cases):
    """Every city that is the place of a live public case, by name; a case and its
    translations count once."""
    # One pass over the cases grouped by city: a count per city as a correlated
    # subquery took twice as long at 10,000 cases.
    counts = dict(cases.order_by().values_list("city").annotate(count=Count("translation_key", distinct=True)))
    cities = City.objects.filter(pk__in=[pk for pk in counts if pk is not None]).order_by(label_order())
    return [CityCases(city, counts[city.pk]) for city in cities]


def count_distinct(pages):
    """How many pages, a page and its translations counting once."""
    return pages.aggregate(count=Count("translation_key", distinct=True))["count"]


def home_page_context(page):
    # Each .public() would read the private sections again: read them once for all.
    private = Page.objects.private_q()
    # The number changes with the shape of what live_content returns: a value kept by
    # the previous release must not be read by this one.
    live = page_cache.remember(f"home:2:{page.locale_id}:{get_language()}", lambda: live_content(page, private))
    spotlights = SpotlightPage.objects.live().exclude(private).filter(locale_id=page.locale_id).order_by("path")
    latest_cases = CaseStudyPage.objects.filter(pk__in=live["latest_case_ids"]).order_by("-first_published_at")
    return {
        "figures": live["figures"],
        "spotlights": spotlights.select_related("hero_image").prefetch_related("hero_image__renditions"),
        "latest_cases": latest_cases.select_related("city__country", "hero_image").prefetch_related(
            "hero_image__renditions"
        ),
        "themes": Theme.objects.all(),
        "goal_tiles": [GoalTile(goal) for goal in SustainableDevelopmentGoal.objects.all()],
        "cities": live["cities"],
        "world_map": world_map.draw(live["cities"]),
        # The map and its list of cities are most of the page's rendering: the
        # template keeps them as HTML for as long as these values are kept.
        "map_fragment": {"stamp": live["stamp"], "timeout": settings.PAGE_CACHE_TIMEOUT},
    }


def live_content(page, private):
    """What grows with the live cases: the figures, the cities with their counts, and
    which cases are the latest. Kept until the next publish (core/page_cache.py): at
    10,000 cases these scans were most of the page's time."""
    cases = CaseStudyPage.objects.live().exclude(private)
    cities = cities_with_cases(cases)
    for place in cities:
        # Computed now, so that the kept copy carries them.
        place.name, place.url  # noqa: B018
    latest = cases.filter(locale_id=page.locale_id).order_by("-first_published_at")[:LATEST_CASES]
    return {
        "figures": {
            "cases": count_distinct(cases),
            "experts": count_distinct(ExpertProfilePage.objects.live().exclude(private)),
            "cities": len(cities),
            "countries": len({place.city.country_id for place in cities}),
        },
        "cities": cities,
        "latest_case_ids": list(latest.values_list("pk", flat=True)),
        # New with every computation, so that no HTML drawn from older values is reused.
        "stamp": uuid.uuid4().hex,
    }
