"""Zone shapes: GeoJSON in, checked shapely polygons out; border strips from the places stage."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from ..errors import InputError

__all__ = ["BorderStripMaker", "default_border_strip", "polygon_from_geojson", "to_geojson"]

BorderStripMaker = Callable[[str, float], BaseGeometry]

_MAX_VERTICES = 200_000


def polygon_from_geojson(data: Any) -> BaseGeometry:
    """A valid (Multi)Polygon in lon/lat from a GeoJSON geometry, Feature or FeatureCollection.

    Several features are united. Self-intersecting rings are repaired; anything that is not an
    area, lies outside lon/lat bounds or is empty is refused with the reason.
    """
    geometries = _geometries(data)
    try:
        shapes = [shape(g) for g in geometries]
    except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
        raise InputError(f"geometry: not valid GeoJSON ({exc})") from None
    for item in shapes:
        if not isinstance(item, Polygon | MultiPolygon):
            raise InputError(f"geometry: a zone must be a Polygon or MultiPolygon, not a {item.geom_type}")
    merged = shapely.union_all(shapes) if len(shapes) > 1 else shapes[0]
    if shapely.get_num_coordinates(merged) > _MAX_VERTICES:
        raise InputError(f"geometry: more than {_MAX_VERTICES} vertices; simplify it first")
    if not merged.is_valid:
        merged = shapely.make_valid(merged)
        merged = shapely.union_all([g for g in getattr(merged, "geoms", [merged]) if g.area > 0])
    min_lon, min_lat, max_lon, max_lat = merged.bounds if not merged.is_empty else (math.nan,) * 4
    if merged.is_empty or merged.area <= 0:
        raise InputError("geometry: the polygon has no area")
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise InputError("geometry: coordinates must be longitude, latitude within -180..180, -90..90")
    return merged


def _geometries(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise InputError('geometry: expected a GeoJSON object with a "type"')
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list) or not features:
            raise InputError("geometry: the FeatureCollection has no features")
        return [g for f in features for g in _geometries(f)]
    if kind == "Feature":
        return _geometries(data.get("geometry"))
    if kind == "GeometryCollection":
        members = data.get("geometries")
        if not isinstance(members, list) or not members:
            raise InputError("geometry: the GeometryCollection is empty")
        return [g for m in members for g in _geometries(m)]
    return [data]


def to_geojson(geometry: BaseGeometry) -> dict[str, Any]:
    return dict(mapping(geometry))


def default_border_strip(pair: str, km: float) -> BaseGeometry:
    """The strip within `km` of a border, from the places stage (`borderwatch.geo`)."""
    try:
        from .. import geo  # type: ignore[attr-defined]
    except ImportError:
        raise InputError("border strips need the places stage (borderwatch.geo), which is not installed") from None
    strip = geo.border_strip(pair, km)
    if strip is None or strip.is_empty:
        raise InputError(f"border {pair}: no such border between the two countries")
    return strip
