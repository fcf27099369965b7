"""The regional map of a case or a city: the place itself, and the practices of the
cities around it, so that a visitor sees where it is and who nearby did something."""

from django.db.models import Count
from django.utils.translation import gettext, ngettext

from core import links, world_map
from taxonomy.models import City

from .models import CaseStudyPage


def city_practices_url(city):
    return links.link("search", query={"city": city.slug, "type": "case"})


def neighbours(latitude, longitude, city_id):
    """A place per other city inside the regional view with live public practices,
    named with their count (each practice once, whatever its translations)."""
    west, south, east, north = world_map.region_bounds(latitude, longitude)
    counts = dict(
        CaseStudyPage.objects.live()
        .public()
        .filter(city__latitude__range=(south, north), city__longitude__range=(west, east))
        .exclude(city_id=city_id)
        # No ordering: Django would group by the ordering's column too.
        .order_by()
        .values_list("city_id")
        .annotate(count=Count("translation_key", distinct=True))
    )
    places = []
    for city in City.objects.filter(pk__in=counts):
        name = ngettext("%(city)s: %(count)s practice", "%(city)s: %(count)s practices", counts[city.pk]) % {
            "city": city.label,
            "count": counts[city.pk],
        }
        places.append(
            world_map.Place(
                name, city_practices_url(city), city.latitude, city.longitude, counts[city.pk], label=city.label
            )
        )
    return places


def region_map(city, latitude, longitude):
    """The map of the region around (latitude, longitude), where `city` is, or None."""
    if latitude is None or longitude is None:
        return None
    place = world_map.Place(
        gettext("Practices in %(city)s") % {"city": city.label},
        city_practices_url(city),
        latitude,
        longitude,
        label=city.label,
    )
    return world_map.draw_region([place], latitude, longitude, neighbours(latitude, longitude, city.pk))
