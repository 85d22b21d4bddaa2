"""Watch zones as STIX `location` objects with the borderwatch-zone extension (polygon or border strip).

STIX locations are points, regions or countries; the zone's exact shape travels in the extension (a
GeoJSON geometry in longitude, latitude), and the location's own latitude and longitude are a point
inside it, so tools that know nothing of the extension still place it on a map.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from shapely.geometry import shape

from ..model import Marking
from ._stix_objects import EXT_ZONE, FIXED_TIME, MARKING_IDS, compact, stable_id

__all__ = ["zone_from_object", "zone_object"]


def zone_object(zone: dict[str, Any], marking: Marking = Marking.GREEN) -> dict[str, Any]:
    """`zone`: name, kind ("polygon" or "border"), geometry (GeoJSON), and for strips border and km."""
    geometry = zone["geometry"]
    inside = shape(geometry).representative_point()
    key = hashlib.sha256(json.dumps([zone["name"], geometry], sort_keys=True).encode()).hexdigest()[:32]
    extension = compact(
        {
            "extension_type": "property-extension",
            "name": zone["name"],
            "kind": zone.get("kind", "polygon"),
            "geometry": geometry,
            "border": zone.get("border"),
            "km": zone.get("km"),
            "rules": zone.get("rules") or None,
        }
    )
    return {
        "type": "location",
        "spec_version": "2.1",
        "id": stable_id("location", "zone", key, marking.value),
        "created": FIXED_TIME,
        "modified": FIXED_TIME,
        "name": zone["name"],
        "description": f"borderwatch watch zone ({extension['kind']})",
        "latitude": round(inside.y, 6),
        "longitude": round(inside.x, 6),
        "object_marking_refs": [MARKING_IDS[marking]],
        "extensions": {EXT_ZONE: extension},
    }


def zone_from_object(obj: dict[str, Any]) -> dict[str, Any]:
    ext = obj.get("extensions", {}).get(EXT_ZONE)
    if obj.get("type") != "location" or ext is None:
        raise ValueError(f"{obj.get('id')} is not a borderwatch zone")
    zone = {k: v for k, v in ext.items() if k != "extension_type"}
    zone.setdefault("border", None)
    zone.setdefault("km", None)
    zone.setdefault("rules", {})
    return zone
