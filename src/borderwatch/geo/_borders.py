"""International borders from Natural Earth (the world-atlas TopoJSON): nearest border, distance, border strips.

In a TopoJSON topology an arc that two country polygons share is their common border, so decoding the arcs
and counting which countries use each gives the border line of every pair of neighbours directly.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon

from ..errors import ConfigError, InputError

__all__ = ["BorderIndex", "border_pair", "decode_world_atlas", "haversine_km", "topology_shapes"]

_KM_PER_DEG_LAT = 110.574
_KM_PER_DEG_LON = 111.320
_EARTH_KM = 6371.0088
_CACHE_SIZE = 65536  # points whose border and country are kept


def border_pair(a: str, b: str) -> str:
    """Two alpha-3 codes as the alphabetical pair 'DZA-LBY'."""
    return "-".join(sorted((a.upper(), b.upper())))


def _alpha3(geometry: dict[str, Any], by_name: dict[str, str]) -> str | None:
    import pycountry

    code = str(geometry.get("id") or "")
    if code.isdigit():
        country = pycountry.countries.get(numeric=code.zfill(3))
        if country is not None:
            return str(country.alpha_3)
    return by_name.get(str(geometry.get("properties", {}).get("name", "")))


def _decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)
        if transform:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)
    return arcs


def _ring(indexes: Sequence[int], arcs: list[np.ndarray]) -> np.ndarray:
    parts = []
    for n, i in enumerate(indexes):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(arc if n == 0 else arc[1:])
    return np.concatenate(parts)


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _read_topology(path: Path, object_name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
        return topology, list(topology["objects"][object_name]["geometries"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a TopoJSON file with an object {object_name!r} ({exc})") from None


def topology_shapes(path: Path, object_name: str) -> Iterable[tuple[str, dict[str, Any], Any]]:
    """(id, properties, MultiPolygon) of every polygon feature of one object of a TopoJSON file."""
    topology, geometries = _read_topology(path, object_name)
    arcs = _decode_arcs(topology)
    for geometry in geometries:
        polygons = []
        for polygon in _polygons(geometry):
            rings = [_ring(r, arcs) for r in polygon]
            if len(rings[0]) >= 4:
                polygons.append(Polygon(rings[0], [r for r in rings[1:] if len(r) >= 4]))
        if polygons:
            yield str(geometry.get("id", "")), geometry.get("properties", {}), MultiPolygon(polygons)


def decode_world_atlas(path: Path, names_to_alpha3: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Country (multi)polygons by alpha-3 and border lines by pair, from a world-atlas countries TopoJSON."""
    topology, geometries = _read_topology(path, "countries")
    arcs = _decode_arcs(topology)
    users: dict[int, set[str]] = defaultdict(set)
    shapes: dict[str, list[Polygon]] = defaultdict(list)
    for geometry in geometries:
        code = _alpha3(geometry, names_to_alpha3)
        if code is None:
            continue
        for polygon in _polygons(geometry):
            rings = [_ring(r, arcs) for r in polygon]
            if len(rings[0]) >= 4:
                shapes[code].append(Polygon(rings[0], [r for r in rings[1:] if len(r) >= 4]))
            for ring in polygon:
                for i in ring:
                    users[i if i >= 0 else ~i].add(code)
    lines: dict[str, list[LineString]] = defaultdict(list)
    for i, codes in users.items():
        if len(codes) == 2:
            lines[border_pair(*codes)].append(LineString(arcs[i]))
    countries = {code: shapely.make_valid(MultiPolygon(polys)) for code, polys in shapes.items()}
    borders = {pair: shapely.line_merge(MultiLineString(parts)) for pair, parts in lines.items()}
    return countries, borders


class BorderIndex:
    """Border lines and country shapes in STR-trees, for nearest-border and country-of-point queries."""

    def __init__(self, borders: dict[str, Any], countries: dict[str, Any]) -> None:
        if not borders:
            raise ConfigError("the gazetteer index has no borders (install world-atlas with `npm ci`, then rebuild)")
        self.borders = borders
        self.countries = countries
        self._parts: list[Any] = []
        self._pairs: list[str] = []
        for pair, geometry in sorted(borders.items()):
            for part in shapely.get_parts(geometry):
                self._parts.append(part)
                self._pairs.append(pair)
        self._tree = shapely.STRtree(self._parts)
        self._country_codes = sorted(countries)
        self._country_tree = shapely.STRtree([countries[c] for c in self._country_codes])
        # Events fall on the same towns again and again: each point's answers are kept.
        self._nearest_cache: dict[tuple[float, float], tuple[str, float]] = {}
        self._country_cache: dict[tuple[float, float], str | None] = {}

    @classmethod
    def from_wkb(cls, borders: Iterable[tuple[str, bytes]], countries: Iterable[tuple[str, bytes]]) -> BorderIndex:
        return cls({k: shapely.from_wkb(v) for k, v in borders}, {k: shapely.from_wkb(v) for k, v in countries})

    def nearest(self, lat: float, lon: float) -> tuple[str, float]:
        """The nearest international border to a point: (alphabetical alpha-3 pair, distance in km)."""
        found = self._nearest_cache.get((lat, lon))
        if found is None:
            if len(self._nearest_cache) >= _CACHE_SIZE:
                self._nearest_cache.clear()
            found = self._nearest_cache[(lat, lon)] = self._nearest(lat, lon)
        return found

    def _nearest(self, lat: float, lon: float) -> tuple[str, float]:
        point = Point(lon, lat)
        first = int(self._tree.nearest(point))
        reach = point.distance(self._parts[first])
        cos_lat = max(math.cos(math.radians(min(89.0, abs(lat) + reach))), 0.01)
        box = shapely.box(lon - reach / cos_lat, lat - reach, lon + reach / cos_lat, lat + reach)
        best = (math.inf, self._pairs[first])
        for i in self._tree.query(box):
            best = min(best, (_km_to_line(lat, lon, self._parts[int(i)]), self._pairs[int(i)]))
        return best[1], round(best[0], 1)

    def country_at(self, lat: float, lon: float) -> str | None:
        """The alpha-3 code of the country whose territory holds the point, if any."""
        if (lat, lon) not in self._country_cache:
            if len(self._country_cache) >= _CACHE_SIZE:
                self._country_cache.clear()
            hits = self._country_tree.query(Point(lon, lat), predicate="intersects")
            self._country_cache[(lat, lon)] = self._country_codes[int(hits[0])] if len(hits) else None
        return self._country_cache[(lat, lon)]

    def strip(self, pair: str, km: float, clip: bool = True) -> Any:
        """The zone within `km` of the border of a pair, on both sides (clipped to the two countries' land)."""
        if km <= 0 or km > 500:
            raise InputError(f"--km {km}: expected a width between 0 and 500 km")
        key = _normalise_pair(pair)
        if key not in self.borders:
            raise InputError(f"{pair}: no common land border in Natural Earth (expected e.g. DZA-TUN)")
        zone = shapely.union_all([_buffer_km(part, km) for part in shapely.get_parts(self.borders[key])])
        if clip:
            land = shapely.union_all([self.countries[c] for c in key.split("-") if c in self.countries])
            zone = zone.intersection(land.buffer(0.01))
        return zone


def _normalise_pair(pair: str) -> str:
    codes = [c.strip() for c in pair.replace("–", "-").replace("_", "-").split("-")]
    if len(codes) != 2 or not all(len(c) == 3 and c.isalpha() for c in codes):
        raise InputError(f"{pair}: expected a pair of ISO alpha-3 codes such as DZA-TUN")
    return border_pair(*codes)


def _km_to_line(lat: float, lon: float, line: Any) -> float:
    """Great-circle km from a point to the nearest point of a line, found in a local equirectangular frame."""
    cos_lat = math.cos(math.radians(lat))

    def to_local(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(
            ((coords[:, 0] - lon) * cos_lat * _KM_PER_DEG_LON, (coords[:, 1] - lat) * _KM_PER_DEG_LAT)
        )

    local = shapely.transform(line, to_local)
    nearest = shapely.line_interpolate_point(local, shapely.line_locate_point(local, Point(0, 0)))
    near_lon = lon + nearest.x / (cos_lat * _KM_PER_DEG_LON)
    near_lat = lat + nearest.y / _KM_PER_DEG_LAT
    return haversine_km(lat, lon, near_lat, near_lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _buffer_km(line: Any, km: float) -> Any:
    """Buffer a lon/lat line by km in an azimuthal equidistant projection centred on it."""
    from pyproj import Transformer

    centre = line.centroid
    aeqd = f"+proj=aeqd +lat_0={centre.y} +lon_0={centre.x} +datum=WGS84 +units=m"
    forward = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True).transform
    back = Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True).transform
    projected = shapely.transform(line, lambda xy: np.column_stack(forward(xy[:, 0], xy[:, 1])))
    zone = projected.buffer(km * 1000, quad_segs=8)
    return shapely.transform(zone, lambda xy: np.column_stack(back(xy[:, 0], xy[:, 1])))
