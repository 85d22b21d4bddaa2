"""STIX 2.1 building blocks: stable ids, TLP 2.0 marking definitions, borderwatch's extension definitions.

Ids are UUIDv5 in borderwatch's namespace, derived from our own stable ids (report ids are content
hashes), so every installation gives the same object the same id and a re-sync creates no duplicate.
TLP 2.0 markings are the OASIS common objects (extension-definition--60a3c5c5-…); stix2's own TLP
constants are TLP 1.0 and are read on import only. Our event fields, report fields and zone polygons
travel in three property extensions whose JSON schemas are in `share/data/`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..model import Marking
from ..store._exchange import stix_id, stix_report_id

__all__ = [
    "BORDERWATCH_IDENTITY",
    "EXT_EVENT",
    "EXT_REPORT",
    "EXT_ZONE",
    "FIXED_TIME",
    "MARKING_IDS",
    "RANK",
    "TLP2_EXTENSION",
    "compact",
    "extension_definitions",
    "marking_definition",
    "marking_of",
    "stable_id",
    "stix_time",
]

TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
MARKING_IDS: dict[Marking, str] = {
    Marking.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    Marking.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    Marking.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    Marking.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    Marking.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
# TLP 1.0 (stix2.TLP_*): accepted on import; WHITE is CLEAR in TLP 2.0.
_TLP1_IDS: dict[str, Marking] = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": Marking.CLEAR,
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": Marking.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": Marking.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": Marking.RED,
}
_BY_ID = {v: k for k, v in MARKING_IDS.items()} | _TLP1_IDS
RANK = {m: i for i, m in enumerate(Marking)}  # Marking.rank, without listing the enum at each call

# Objects that describe things rather than report them (identities, extension definitions) carry this.
FIXED_TIME = "2025-01-01T00:00:00.000Z"


def stable_id(kind: str, *parts: object) -> str:
    """`kind--UUIDv5(namespace, "kind|part|...")`: the same thing has the same id in every installation."""
    if kind == "report" and len(parts) == 1:
        return stix_report_id(str(parts[0]))
    return stix_id(kind, "|".join(map(str, (kind, *parts))))


BORDERWATCH_IDENTITY = stable_id("identity", "borderwatch")
EXT_EVENT = stable_id("extension-definition", "event", 1)
EXT_REPORT = stable_id("extension-definition", "report", 1)
EXT_ZONE = stable_id("extension-definition", "zone", 1)


def stix_time(value: datetime) -> str:
    """STIX timestamp in UTC with microseconds (versions of one object differ by at least 1 µs)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(value: str) -> datetime:
    """A STIX timestamp as naive UTC. Those ending in Z (every one we write) are UTC already: read without the
    Z, with no time zone to convert from (a sync reads a few per report, on every page and manifest)."""
    if value.endswith("Z") and "+" not in value:
        return datetime.fromisoformat(value[:-1])
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).replace(tzinfo=None)


def marking_definition(marking: Marking) -> dict[str, Any]:
    return {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": MARKING_IDS[marking],
        "created": "2022-10-01T00:00:00.000Z",
        "name": f"TLP:{marking.value}",
        "extensions": {TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": marking.value.lower()}},
    }


def marking_of(obj: dict[str, Any]) -> Marking | None:
    """The TLP marking an object carries (the most restrictive if several), None if it carries none."""
    found = [_BY_ID[ref] for ref in obj.get("object_marking_refs", []) if ref in _BY_ID]
    return max(found, key=RANK.__getitem__) if found else None


def is_tlp_marking_id(ref: str) -> bool:
    return ref in _BY_ID


def borderwatch_identity() -> dict[str, Any]:
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": BORDERWATCH_IDENTITY,
        "created": FIXED_TIME,
        "modified": FIXED_TIME,
        "name": "borderwatch",
        "description": "The borderwatch project, author of the borderwatch STIX extensions.",
        "identity_class": "system",
        "object_marking_refs": [MARKING_IDS[Marking.CLEAR]],
    }


_EXTENSIONS = {
    EXT_EVENT: (
        "borderwatch event",
        "incident",
        "An event as one report states it: ACLED event type and sub-type, border-security tags, date and "
        "time precision, actors with ACLED types, location with geo precision and the nearest border and "
        "its distance, fatalities and other quantities, the supporting sentence and its character span.",
        "event-extension.schema.json",
    ),
    EXT_REPORT: (
        "borderwatch report",
        "report",
        "A report as ingested: kind, text (the report's description), originating agency, sharing groups, "
        "field-post data, source with Admiralty reliability, content hash, and the places and actors "
        "extraction found in it.",
        "report-extension.schema.json",
    ),
    EXT_ZONE: (
        "borderwatch watch zone",
        "location",
        "A watch zone: a GeoJSON polygon (longitude, latitude) or a strip of given width along a border.",
        "zone-extension.schema.json",
    ),
}


def extension_definitions() -> list[dict[str, Any]]:
    return [
        {
            "type": "extension-definition",
            "spec_version": "2.1",
            "id": ext_id,
            "created_by_ref": BORDERWATCH_IDENTITY,
            "created": FIXED_TIME,
            "modified": FIXED_TIME,
            "name": name,
            "description": f"Property extension of STIX {applies_to} objects. {description}",
            "schema": f"JSON Schema borderwatch/share/data/{schema} in the borderwatch package",
            "version": "1.0.0",
            "extension_types": ["property-extension"],
            "object_marking_refs": [MARKING_IDS[Marking.CLEAR]],
        }
        for ext_id, (name, applies_to, description, schema) in _EXTENSIONS.items()
    ]


def compact(value: Any) -> Any:
    """Without None values and empty lists or objects, which STIX does not allow. Scalars are kept as they
    are without a call of their own: a report's extension holds hundreds of them."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if isinstance(item, dict | list | tuple):
                item = compact(item)
                if not item:
                    continue
            elif item is None:
                continue
            out[key] = item
        return out
    if isinstance(value, list | tuple):
        return [compact(item) if isinstance(item, dict | list | tuple) else item for item in value]
    return value
