"""Maps of practices by city, drawn on the server as inline SVG: the world (home page,
search results, collections) or a region around one place (a case's location).

The outline is Natural Earth's land (public domain), at 1:110m for the world and 1:50m
for a region, where the countries' borders are drawn too, from the npm package
world-atlas, installed by `make install` and read from `settings.WORLD_ATLAS_DIR`. It
is TopoJSON: rings are made of shared "arcs" whose positions are quantized to integers
and delta-encoded, to be decoded with the topology's transform; a ring names its arcs
by index, and ~i (that is, -i - 1) means arc i reversed. See
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
from html import escape
from itertools import groupby
from pathlib import Path

from django.conf import settings
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

ATLAS_FILE = "land-110m.json"
# The finer outline for a region: 10 times the points, so it is cut to the region. The
# countries file holds the same land and the countries, whose shared arcs are borders.
REGION_ATLAS_FILE = "countries-50m.json"
UNITS_PER_DEGREE = 10
# Natural Earth's land reaches 83.6°N; south of 60°S lies only Antarctica, where no
# member city is: leaving it out makes the map a fifth shorter.
NORTH, SOUTH = 84, -60
VIEW_BOX = f"0 0 {360 * UNITS_PER_DEGREE} {(NORTH - SOUTH) * UNITS_PER_DEGREE}"
# Marker radii in map units: the area grows with the number of cases, and the smallest
# marker stays big enough to see and to hit with a pointer.
MIN_RADIUS, MAX_RADIUS = 30, 80
# A regional view spans this many degrees of longitude, and 3/5 of it in latitude: a
# city with its country's borders and the neighbouring cities' practices around it.
# Its markers have one size, big enough to tap; a neighbour's is smaller.
REGION_SPAN = 16
REGION_RADIUS = 6
NEIGHBOUR_RADIUS = 4
# Labels in map units (a tenth of a degree): about 12 px when the map is 320 px wide.
LABEL_SIZE = 9
# A map of how a practice spread frames its cities with this margin, and spans this
# many degrees of longitude at least (3/5 of it in latitude).
ROUTE_MARGIN, MIN_SPAN = 6, 40


@dataclass(frozen=True)
class Place:
    """What a marker stands for: where it is, what its link says and where it leads."""

    name: str
    url: str
    latitude: float | None
    longitude: float | None
    count: int = 1
    # Written beside the marker on a regional map (the city's name); none on the world map.
    label: str = ""


@dataclass(frozen=True)
class Marker:
    x: int
    y: int
    radius: int
    place: object
    # A regional map names its places beside their markers; a neighbour is drawn apart.
    label: str = ""
    neighbour: bool = False


@dataclass(frozen=True)
class WorldMap:
    view_box: str
    outline: str
    markers: list[Marker]
    borders: str = ""
    # Arrows ((x1, y1), (x2, y2)) between markers: how a practice travelled (draw_routes).
    routes: tuple = ()

    @property
    def markers_svg(self):
        """The markers as SVG, each a link named by its place. Written here rather than
        by a template loop, and escaped with the standard library's `html.escape`: a
        map of search results has a marker per city, and the template engine's cost
        per variable made a few hundred of them a noticeable part of the page."""
        markers = []
        for marker in self.markers:
            name = escape(str(marker.place.name))
            kind = " world-map__marker--neighbour" if marker.neighbour else ""
            # The label repeats the link's name visibly: hidden from the accessibility tree.
            label = (
                f'<text x="{marker.x + marker.radius + 3}" y="{marker.y + 3}" aria-hidden="true">'
                f"{escape(str(marker.label))}</text>"
                if marker.label
                else ""
            )
            markers.append(
                f'<a class="world-map__marker{kind}" href="{escape(str(marker.place.url))}" aria-label="{name}">'
                f'<title>{name}</title><circle cx="{marker.x}" cy="{marker.y}" r="{marker.radius}" />{label}</a>\n'
            )
        # Every piece above is escaped or a number.
        return mark_safe("".join(markers))  # noqa: S308

    @property
    def routes_svg(self):
        """Each route as a gentle curve ending in an arrow head (the template defines
        the marker `#arrow`)."""
        paths = []
        for (x1, y1), (x2, y2) in self.routes:
            # The control point stands off the middle of the line, to its left.
            cx, cy = (x1 + x2) / 2 - (y2 - y1) / 5, (y1 + y2) / 2 + (x2 - x1) / 5
            paths.append(
                f'<path class="world-map__route" d="M{x1} {y1} Q{cx:.0f} {cy:.0f} {x2} {y2}" '
                'marker-end="url(#arrow)" />\n'
            )
        return mark_safe("".join(paths))  # noqa: S308 - numbers only


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


def path_data(points, closed=True):
    """One ring (or, not closed, one line) as SVG path data: an absolute move, then
    relative lines, which are shorter to write than absolute ones."""
    projected = [project(longitude, latitude) for longitude, latitude in points]
    # Points closer than a map unit add nothing but bytes.
    kept = [point for point, _repeats in groupby(projected)]
    if len(kept) < (3 if closed else 2):
        return ""
    (x, y), steps = kept[0], []
    for next_x, next_y in kept[1:]:
        steps.append(f"{next_x - x} {next_y - y}")
        x, y = next_x, next_y
    return f"M{kept[0][0]} {kept[0][1]}l{' '.join(steps)}{'z' if closed else ''}"


def clamped(points, bounds):
    """A ring pressed into a box (west, south, east, north): the land inside the box
    keeps its shape and what lies outside collapses onto the edges, which the view
    box, a little smaller, never shows. Far cheaper than clipping each ring exactly."""
    west, south, east, north = bounds
    return [(min(max(longitude, west), east), min(max(latitude, south), north)) for longitude, latitude in points]


def land_rings(topology):
    """Every ring of land north of SOUTH, as (longitude, latitude) points."""
    arcs = decode_arcs(topology)
    for polygon in polygons(topology["objects"]["land"]):
        for arc_indexes in polygon:
            points = unwrapped(ring_points(arc_indexes, arcs))
            if max(latitude for _longitude, latitude in points) >= SOUTH:
                yield points


def border_lines(topology):
    """The land borders between countries, as lines of (longitude, latitude) points:
    the arcs that two countries share (a coast belongs to one country only), as
    topojson.mesh finds them. https://github.com/topojson/topojson-client#mesh"""
    users = {}
    for country, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons(geometry):
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(country)
    arcs = decode_arcs(topology)
    return [unwrapped(arcs[index]) for index, countries in users.items() if len(countries) > 1]


def outline_path(topology):
    """The land of a topology as the data of one SVG path."""
    rings = []
    for points in land_rings(topology):
        longitudes = [longitude for longitude, _latitude in points]
        # A ring that spills over one edge of the map is drawn again from the other.
        shifts = [0] + [360] * (min(longitudes) < -180) + [-360] * (max(longitudes) > 180)
        rings += [path_data([(longitude + shift, latitude) for longitude, latitude in points]) for shift in shifts]
    return "".join(rings)


@cache
def read_topology(path):
    """An atlas file, read once per process; None when it cannot be read (the page
    then shows no map, and the list of places beside it stays)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.warning("No map: cannot read %s (%s). Run `make install`.", path, error)
        return None


@cache
def land_outline(atlas_dir):
    """The world's land outline from the atlas in `atlas_dir`, or None."""
    topology = read_topology(Path(atlas_dir) / ATLAS_FILE)
    return None if topology is None else outline_path(topology)


@cache
def boxed_rings(atlas_dir):
    """The finer outline's rings, each with its box (west, south, east, north):
    decoded once per process, so that cutting a region only compares boxes."""
    topology = read_topology(Path(atlas_dir) / REGION_ATLAS_FILE)
    if topology is None:
        return None
    return [(box(points), points) for points in land_rings(topology)]


def box(points):
    """(west, south, east, north) of some points."""
    longitudes = [longitude for longitude, _latitude in points]
    latitudes = [latitude for _longitude, latitude in points]
    return min(longitudes), min(latitudes), max(longitudes), max(latitudes)


@cache
def boxed_borders(atlas_dir):
    """The borders with their boxes, decoded once per process (see boxed_rings)."""
    topology = read_topology(Path(atlas_dir) / REGION_ATLAS_FILE)
    if topology is None or "countries" not in topology["objects"]:
        return []
    return [(box(points), points) for points in border_lines(topology)]


@cache
def region_borders(atlas_dir, bounds):
    """The borders crossing one region, pressed into its box like the land."""
    west, south, east, north = bounds
    paths = []
    for (line_west, line_south, line_east, line_north), points in boxed_borders(atlas_dir):
        if line_south > north or line_north < south or line_west > east or line_east < west:
            continue
        paths.append(path_data(clamped(points, bounds), closed=False))
    return "".join(paths)


@cache
def region_outline(atlas_dir, bounds):
    """The finer land outline of one region (west, south, east, north), or None.
    Regions are few (one per city, rounded to the degree): each is cut once per process."""
    rings = boxed_rings(atlas_dir)
    if rings is None:
        return None
    west, south, east, north = bounds
    paths = []
    for (ring_west, ring_south, ring_east, ring_north), points in rings:
        if ring_south > north or ring_north < south:
            continue
        # A ring unwrapped across the antimeridian (Eurasia) may lie a turn of the
        # globe away from the region it covers.
        for shift in (0, 360, -360):
            if ring_west + shift <= east and ring_east + shift >= west:
                moved = [(longitude + shift, latitude) for longitude, latitude in points]
                paths.append(path_data(clamped(moved, bounds)))
    return "".join(paths)


def marker_radius(count, largest):
    return max(MIN_RADIUS, round(MAX_RADIUS * math.sqrt(count / largest)))


def region_bounds(latitude, longitude):
    """The box (west, south, east, north) of a regional view centred near a place,
    rounded to the degree so that neighbouring places share one cut outline."""
    half_width, half_height = REGION_SPAN / 2, REGION_SPAN * 3 / 10
    centre_y = min(max(round(float(latitude)), SOUTH + half_height), NORTH - half_height)
    centre_x = round(float(longitude))
    return (centre_x - half_width, centre_y - half_height, centre_x + half_width, centre_y + half_height)


def inside(place, bounds):
    west, south, east, north = bounds
    return (
        place.latitude is not None
        and place.longitude is not None
        and west <= float(place.longitude) <= east
        and south <= float(place.latitude) <= north
    )


def draw_region(places, latitude, longitude, neighbours=()):
    """A regional map around (latitude, longitude) on the finer outline with the
    countries' borders, a labelled marker for each given place inside it and a smaller
    one for each neighbour (a nearby city's practices), or None when the atlas is
    missing."""
    bounds = region_bounds(latitude, longitude)
    # The outline is pressed into a box a degree wider than the view on every side.
    west, south, east, north = bounds
    wider = (west - 1, south - 1, east + 1, north + 1)
    outline = region_outline(settings.WORLD_ATLAS_DIR, wider)
    if outline is None:
        return None
    left, top = project(west, north)
    view_box = f"{left} {top} {round((east - west) * UNITS_PER_DEGREE)} {round((north - south) * UNITS_PER_DEGREE)}"
    # Neighbours first, so that the places themselves are drawn over them.
    markers = [
        Marker(*project(place.longitude, place.latitude), NEIGHBOUR_RADIUS, place, place.label, True)
        for place in neighbours
        if inside(place, bounds)
    ] + [
        Marker(*project(place.longitude, place.latitude), REGION_RADIUS, place, place.label)
        for place in places
        if inside(place, bounds)
    ]
    return WorldMap(view_box, outline, markers, region_borders(settings.WORLD_ATLAS_DIR, wider))


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
    # A place may count 0: its marker then gets the smallest size, not a division by 0.
    largest = max((place.count for place in located), default=0) or 1
    markers = [
        Marker(*project(place.longitude, place.latitude), marker_radius(place.count, largest), place)
        for place in located
    ]
    return WorldMap(VIEW_BOX, outline, sorted(markers, key=lambda marker: -marker.radius))


def draw_routes(places, routes, focus=None):
    """The world outline framed around `places` (MIN_SPAN degrees wide at least), a
    marker for each (the `focus` one larger) and an arrow for each (from, to) pair of
    places in `routes`; None when the atlas is missing."""
    outline = land_outline(settings.WORLD_ATLAS_DIR)
    if outline is None:
        return None
    points = {place: project(place.longitude, place.latitude) for place in places}
    xs, ys = [x for x, _y in points.values()], [y for _x, y in points.values()]
    margin, least = ROUTE_MARGIN * UNITS_PER_DEGREE, MIN_SPAN * UNITS_PER_DEGREE
    left, right = min(xs) - margin, max(xs) + margin
    top, bottom = min(ys) - margin, max(ys) + margin
    width, height = max(right - left, least), max(bottom - top, least * 3 // 5)
    left, top = (left + right - width) // 2, (top + bottom - height) // 2
    # Markers in proportion to the frame, the focus's half as large again.
    radius = max(REGION_RADIUS, width // 90)
    markers = [Marker(*point, radius * 3 // 2 if place == focus else radius, place) for place, point in points.items()]
    arrows = tuple((points[start], points[end]) for start, end in routes)
    return WorldMap(f"{left} {top} {width} {height}", outline, markers, routes=arrows)
