"""A world map of practices by city, drawn on the server as inline SVG.

The outline is Natural Earth's land at 1:110m (public domain) from the npm package
world-atlas, installed by `make install` and read from `settings.WORLD_ATLAS_DIR`. It is
TopoJSON: rings are made of shared "arcs" whose positions are quantized to integers and
delta-encoded, to be decoded with the topology's transform; a ring names its arcs by
index, and ~i (that is, -i - 1) means arc i reversed. See
https://github.com/topojson/topojson-specification#213-arcs

The projection is equirectangular, in tenths of a degree so that every coordinate in
the SVG is a short integer. The map needs no JavaScript, no network and no tile server,
so it works offline and in tests. A tile server (OpenStreetMap tiles under a slippy map)
could later be switched on by configuration and placed over the same markers; this
outline would stay the fallback.
"""

import json
import logging
import math
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

ATLAS_FILE = "land-110m.json"
UNITS_PER_DEGREE = 10
# Natural Earth's land reaches 83.6°N; south of 60°S lies only Antarctica, where no
# member city is: leaving it out makes the map a fifth shorter.
NORTH, SOUTH = 84, -60
VIEW_BOX = f"0 0 {360 * UNITS_PER_DEGREE} {(NORTH - SOUTH) * UNITS_PER_DEGREE}"
# Marker radii in map units: the area grows with the number of cases, and the smallest
# marker stays big enough to see and to hit with a pointer.
MIN_RADIUS, MAX_RADIUS = 30, 80


@dataclass(frozen=True)
class Marker:
    x: int
    y: int
    radius: int
    place: object


@dataclass(frozen=True)
class WorldMap:
    view_box: str
    outline: str
    markers: list[Marker]


def project(longitude, latitude):
    """(x, y) in map units: x grows eastwards from the antimeridian, y southwards from NORTH."""
    return round((float(longitude) + 180) * UNITS_PER_DEGREE), round((NORTH - float(latitude)) * UNITS_PER_DEGREE)


def decode_arcs(topology):
    """Every arc as a list of (longitude, latitude)."""
    transform = topology.get("transform")
    if transform is None:
        # An unquantized topology stores absolute positions.
        return [[(x, y) for x, y, *_rest in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (translate_x, translate_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for delta_x, delta_y, *_rest in arc:
            x, y = x + delta_x, y + delta_y
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def polygons(geometry):
    """The polygons of a geometry, each a list of rings given as arc indexes."""
    kind = geometry["type"]
    if kind == "GeometryCollection":
        for member in geometry["geometries"]:
            yield from polygons(member)
    elif kind == "MultiPolygon":
        yield from geometry["arcs"]
    elif kind == "Polygon":
        yield geometry["arcs"]
    # Points and lines enclose no land.


def ring_points(arc_indexes, arcs):
    points = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Each arc starts where the previous one ended.
        points.extend(arc[1:] if points else arc)
    return points


def unwrapped(points):
    """Longitudes made continuous where a ring crosses the antimeridian (Fiji, Chukotka):
    179° then -179° becomes 179° then 181°, instead of a line drawn across the map."""
    shift = 0
    result = []
    for longitude, latitude in points:
        if result:
            jump = longitude + shift - result[-1][0]
            if jump > 180:
                shift -= 360
            elif jump < -180:
                shift += 360
        result.append((longitude + shift, latitude))
    return result


def path_data(points):
    """One closed ring as SVG path data: an absolute move, then relative lines, which
    are shorter to write than absolute ones."""
    projected = [project(longitude, latitude) for longitude, latitude in points]
    # Points closer than a map unit add nothing but bytes.
    kept = [point for point, _repeats in groupby(projected)]
    if len(kept) < 3:
        return ""
    (x, y), steps = kept[0], []
    for next_x, next_y in kept[1:]:
        steps.append(f"{next_x - x} {next_y - y}")
        x, y = next_x, next_y
    return f"M{kept[0][0]} {kept[0][1]}l{' '.join(steps)}z"


def outline_path(topology):
    """The land of a topology as the data of one SVG path."""
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"].values():
        for polygon in polygons(geometry):
            for arc_indexes in polygon:
                points = unwrapped(ring_points(arc_indexes, arcs))
                if max(latitude for _longitude, latitude in points) < SOUTH:
                    continue
                longitudes = [longitude for longitude, _latitude in points]
                # A ring that spills over one edge of the map is drawn again from the other.
                shifts = [0] + [360] * (min(longitudes) < -180) + [-360] * (max(longitudes) > 180)
                rings += [
                    path_data([(longitude + shift, latitude) for longitude, latitude in points]) for shift in shifts
                ]
    return "".join(rings)


@cache
def land_outline(atlas_dir):
    """The land outline from the atlas in `atlas_dir`, read once per process; None when
    the atlas cannot be read (the home page then shows no map)."""
    path = Path(atlas_dir) / ATLAS_FILE
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("No world map on the home page: cannot read %s (%s). Run `make install`.", path, error)
        return None
    return outline_path(topology)


def marker_radius(count, largest):
    return max(MIN_RADIUS, round(MAX_RADIUS * math.sqrt(count / largest)))


def draw(places):
    """The world map with a marker for each place that has coordinates, or None when
    the atlas is missing.

    A place has `latitude`, `longitude` (None when unknown) and `count`; the template
    links each marker to it. Bigger markers come first, so that smaller ones are drawn
    on top of them and stay clickable.
    """
    outline = land_outline(settings.WORLD_ATLAS_DIR)
    if outline is None:
        return None
    located = [place for place in places if place.latitude is not None and place.longitude is not None]
    largest = max((place.count for place in located), default=1)
    markers = [
        Marker(*project(place.longitude, place.latitude), marker_radius(place.count, largest), place)
        for place in located
    ]
    return WorldMap(VIEW_BOX, outline, sorted(markers, key=lambda marker: -marker.radius))
