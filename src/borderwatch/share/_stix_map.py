"""Our reports and event mentions as STIX 2.1 objects, and back, without losing a field.

One report becomes:
- a `report` (name: title; description: the text; published; created_by_ref: the agency's `identity`;
  the borderwatch-report extension with every other field of the report and its extraction's places and
  actors);
- one `incident` per event mention, with the borderwatch-event extension (the whole mention: ACLED type
  and sub-type, tags, date and precision, actors, location with precision, border and distance,
  fatalities, quantities, evidence span, confidence);
- a `location` per place, a `threat-actor` per armed group (ACLED types 2-4) and an `identity` per other
  actor, and a `sighting` where an armed group was seen at a place;
- every object carries the report's TLP 2.0 marking. Objects shared by several reports (places, actors)
  get one id per marking, so no object is ever marked lower than a report that refers to it.

A withdrawn report becomes a revoked `report` that carries only its id.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any

from ..model import (
    Actor,
    ActorType,
    EventMention,
    ExtractResult,
    FieldPosition,
    Marking,
    Report,
    ReportKind,
    ReportRef,
    Source,
)
from ..store import ExchangeItem, Incoming
from ._stix_objects import (
    BORDERWATCH_IDENTITY,
    EXT_EVENT,
    EXT_REPORT,
    FIXED_TIME,
    MARKING_IDS,
    compact,
    marking_of,
    parse_time,
    stable_id,
    stix_time,
)

__all__ = [
    "StixError",
    "agency_identity",
    "event_group",
    "incoming_from_objects",
    "report_objects",
    "report_versions",
    "withdrawal_object",
]

_ARMED_GROUPS = {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA}
_IDENTITY_CLASS = {
    ActorType.STATE_FORCES: "organization",
    ActorType.EXTERNAL_OTHER: "organization",
    ActorType.RIOTERS: "group",
    ActorType.PROTESTERS: "group",
    ActorType.CIVILIANS: "class",
}


_shared_id = functools.lru_cache(maxsize=100_000)(stable_id)  # places, actors, agencies recur


class StixError(ValueError):
    """An object that cannot be read as one of ours (names the object)."""


def agency_identity(agency: str, name: str | None = None) -> dict[str, Any]:
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": _shared_id("identity", "agency", agency),
        "created": FIXED_TIME,
        "modified": FIXED_TIME,
        "name": name or agency,
        "identity_class": "organization",
        "description": f"borderwatch agency {agency}",
        "object_marking_refs": [MARKING_IDS[Marking.CLEAR]],
    }


def withdrawal_object(report_id: str, created: datetime, modified: datetime) -> dict[str, Any]:
    return {
        "type": "report",
        "spec_version": "2.1",
        "id": stable_id("report", report_id),
        "created": stix_time(created),
        "modified": stix_time(modified),
        "revoked": True,
        "name": "withdrawn report",
        "published": stix_time(created),
        "report_types": ["threat-report"],
        "object_refs": [BORDERWATCH_IDENTITY],
        "object_marking_refs": [MARKING_IDS[Marking.CLEAR]],
        "extensions": {EXT_REPORT: {"extension_type": "property-extension", "report_id": report_id}},
    }


def report_objects(
    item: ExchangeItem, mentions: Sequence[EventMention] | None, installation: str
) -> list[dict[str, Any]]:
    """The objects of one report version with these of its mentions (None: all), the report last."""
    report = item.report
    if item.withdrawn or report is None:
        return [withdrawal_object(item.report_id, item.created, item.modified)]
    if mentions is None:
        mentions = item.extraction.events if item.extraction else []
    base = _Base(item, report, installation)
    agency = agency_identity(report.agency, item.agency_name)
    objects: dict[str, dict[str, Any]] = {agency["id"]: agency}
    incidents: list[str] = []
    for mention in mentions:
        made, incident = _mention_objects(base, mention, agency["id"])
        for obj in made:
            objects.setdefault(obj["id"], obj)
        incidents.append(incident)
    others = [i for i in objects if not i.startswith("incident--")]
    report_obj = base.common("report", report.id, known=base.report_ref) | {
        "created_by_ref": agency["id"],
        "name": report.title or _first_line(report.text),
        "description": report.text,
        "published": stix_time(report.published or item.created),
        "report_types": ["threat-report"],
        "object_refs": incidents + others,
        "extensions": {EXT_REPORT: _report_extension(item, report, installation)},
    }
    if report.url:
        reference: dict[str, Any] = {"source_name": report.source.name if report.source else "url", "url": report.url}
        if report.raw:  # the content as it was read from that address
            reference["hashes"] = {"SHA-256": hashlib.sha256(report.raw).hexdigest()}
        report_obj["external_references"] = [reference]
    return [*objects.values(), report_obj]


class _Base:
    def __init__(self, item: ExchangeItem, report: Report, installation: str) -> None:
        self.report = report
        self.event_of = item.event_of
        self.installation = installation
        self.report_ref = stable_id("report", report.id)  # every incident refers to it: computed once
        self.marking = report.marking
        self.marking_value, self.marking_ref = report.marking.value, MARKING_IDS[report.marking]  # read per object
        self.created = stix_time(item.created)
        self.modified = stix_time(item.modified)

    def common(self, kind: str, *key: object, known: str | None = None) -> dict[str, Any]:
        """An object of this report version (`known`: its id, when the caller has it already)."""
        return {
            "type": kind,
            "spec_version": "2.1",
            "id": known or stable_id(kind, *key),
            "created": self.created,
            "modified": self.modified,
            "object_marking_refs": [self.marking_ref],
        }

    def shared(self, kind: str, *key: object) -> dict[str, Any]:
        """An object several reports may refer to: one per marking, versionless."""
        return {
            "type": kind,
            "spec_version": "2.1",
            "id": _shared_id(kind, *key, self.marking_value),
            "created": FIXED_TIME,
            "modified": FIXED_TIME,
            "object_marking_refs": [self.marking_ref],
        }


def _mention_objects(base: _Base, mention: EventMention, agency_ref: str) -> tuple[list[dict[str, Any]], str]:
    """The objects of one event mention, and the id of its incident."""
    out: list[dict[str, Any]] = []
    location = _location_object(base, mention)
    actors = [a for a in (mention.actor1, mention.actor2, *mention.assoc_actors) if a is not None]
    actor_objects = [_actor_object(base, a) for a in actors]
    out += [o for o in (location, *actor_objects) if o is not None]
    group = next((o for o, a in zip(actor_objects, actors, strict=True) if a.type in _ARMED_GROUPS), None)
    # Fields at their defaults (None, empty lists) are left out, as STIX wants; reading restores them.
    extension = {
        "extension_type": "property-extension",
        "report_ref": base.report_ref,
        "mention_id": mention.id,
        **mention.model_dump(mode="json", exclude={"id"}, exclude_defaults=True),
    }
    event_id = base.event_of.get(mention.id)
    if event_id is not None:
        extension["event_group"] = event_group(base.installation, event_id)
    if location:
        extension["location_ref"] = location["id"]
    if actor_objects:
        extension["actor_refs"] = [o["id"] for o in actor_objects]
    incident = base.common("incident", base.report.id, mention.id) | {
        "created_by_ref": agency_ref,
        "name": _incident_name(mention),
        "description": mention.evidence.sentence,
        "confidence": round(mention.confidence * 100),
        "extensions": {EXT_EVENT: extension},
    }
    out.append(incident)
    if group is not None and location is not None:
        sighting = base.common("sighting", base.report.id, mention.id) | {
            "created_by_ref": agency_ref,
            "sighting_of_ref": group["id"],
            "where_sighted_refs": [location["id"]],
            "count": 1,
        }
        if mention.date and mention.time_precision == 1:
            sighting["first_seen"] = f"{mention.date}T00:00:00Z"
            sighting["last_seen"] = f"{mention.date}T23:59:59.999Z"
        out.append(sighting)
    return out, incident["id"]


def event_group(installation: str, event_id: str) -> str:
    """The token that tells a receiver which mentions are one event here: opaque (a receiver learns which of
    the mentions it receives go together, as a reader of the event does, and nothing of the event's id), and
    distinct between installations; 64 bits, as a receiver keeps those it met during a pull)."""
    return hashlib.blake2b(f"{installation}|{event_id}".encode(), digest_size=8).hexdigest()


def _location_object(base: _Base, mention: EventMention) -> dict[str, Any] | None:
    loc = mention.location
    if loc is None or ((loc.lat is None or loc.lon is None) and not loc.country):
        return None
    key = f"geonames:{loc.geonameid}" if loc.geonameid is not None else f"{loc.name}|{loc.lat}|{loc.lon}|{loc.country}"
    obj = base.shared("location", key)
    fields = {"name": loc.name, "country": loc.country, "administrative_area": loc.admin1}
    if loc.lat is not None and loc.lon is not None:
        fields.update(latitude=loc.lat, longitude=loc.lon)
    return obj | {k: v for k, v in fields.items() if v is not None}


def _actor_object(base: _Base, actor: Actor) -> dict[str, Any]:
    if actor.type in _ARMED_GROUPS:
        return base.shared("threat-actor", actor.name) | {"name": actor.name}
    obj = base.shared("identity", "actor", actor.name) | {
        "name": actor.name,
        "identity_class": _IDENTITY_CLASS.get(actor.type, "unknown") if actor.type else "unknown",
    }
    if actor.type:
        obj["description"] = f"ACLED actor type {int(actor.type)}"
    return obj


def _incident_name(mention: EventMention) -> str:
    name = mention.sub_event_type
    if mention.location and mention.location.name:
        name += f", {mention.location.name}"
    if mention.date:
        name += f", {mention.date}"
    return name


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0]
    return line[:120] or "report"


def _report_extension(item: ExchangeItem, report: Report, installation: str) -> dict[str, Any]:
    extraction = item.extraction
    return compact(
        {
            "extension_type": "property-extension",
            "report_id": report.id,
            "content_hash": report.content_hash,
            "kind": report.kind.value,
            "title": report.title,
            "published": report.published.isoformat() if report.published else None,
            "source": report.source.model_dump() if report.source else None,
            "url": report.url,
            "origin": report.origin,
            "agency": {"id": report.agency, "name": item.agency_name, "country": item.agency_country},
            "sharing_groups": list(report.sharing_groups),
            "post_id": report.post_id,
            "position": report.position.model_dump() if report.position else None,
            "category": report.category,
            "raw_base64": base64.b64encode(report.raw).decode() if report.raw else None,
            "installation": item.origin_installation or installation,
            "extracted": extraction is not None,
            "extraction_report": extraction.report.model_dump() if extraction else None,
            "places": [p.model_dump(mode="json", exclude_defaults=True) for p in extraction.places]
            if extraction
            else None,
            "actors": [a.model_dump(mode="json", exclude_defaults=True) for a in extraction.actors]
            if extraction
            else None,
        }
    )


# -- back: objects to incoming report versions ------------------------------------------------------


def report_versions(objects: Iterable[Any]) -> list[Incoming]:
    """Which versions of borderwatch reports a set of objects holds, read from their headers only (no report,
    no extraction): enough to tell, before mapping a page, which versions are already stored. Reports of
    other STIX producers and objects whose id does not match their report are left out (mapped, and refused,
    as a whole)."""
    found: list[Incoming] = []
    for obj in objects:
        if not isinstance(obj, dict) or obj.get("type") != "report":
            continue
        ext = obj.get("extensions", {}).get(EXT_REPORT)
        try:
            report_id = ext["report_id"]
            if obj["id"] != stable_id("report", report_id):
                continue
            created, modified = parse_time(obj["created"]), parse_time(obj.get("modified", obj["created"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        withdrawn = bool(obj.get("revoked"))
        found.append(Incoming(report_id, created, modified, withdrawn, installation=ext.get("installation")))
    return found


def incoming_from_objects(
    objects: Iterable[dict[str, Any]], default_marking: Marking | None = None, skip: Collection[str] = ()
) -> tuple[list[Incoming], list[tuple[str, str]]]:
    """Report versions in a set of objects, and (object id, reason) for each report that cannot be read.

    Reports written by borderwatch come back exactly; other STIX reports become plain reports (their
    description or name as text) marked by their TLP marking, or `default_marking` if they carry none.
    Report objects whose id is in `skip` (versions the caller knows it has) are not mapped.
    """
    by_id = {o.get("id"): o for o in objects if isinstance(o, dict)}
    incoming: list[Incoming] = []
    failures: list[tuple[str, str]] = []
    for obj in by_id.values():
        if obj.get("type") != "report" or obj.get("id") in skip:
            continue
        try:
            incoming.append(_incoming(obj, by_id, default_marking))
        except (StixError, ValueError, KeyError, TypeError) as exc:
            failures.append((str(obj.get("id")), str(exc) or type(exc).__name__))
    return incoming, failures


def _incoming(obj: dict[str, Any], by_id: dict[Any, dict[str, Any]], default: Marking | None) -> Incoming:
    ext = obj.get("extensions", {}).get(EXT_REPORT)
    created, modified = parse_time(obj["created"]), parse_time(obj.get("modified", obj["created"]))
    if ext is None:
        return _foreign_report(obj, by_id, default, created, modified)
    report_id = ext["report_id"]
    if obj["id"] != stable_id("report", report_id):
        raise StixError(f"{obj['id']} does not match report id {report_id!r}")
    if obj.get("revoked"):
        return Incoming(report_id=report_id, created=created, modified=modified, withdrawn=True)
    marking = marking_of(obj)
    if marking is None:
        raise StixError(f"{obj['id']} carries no TLP marking")
    report = _report_from(obj, ext, marking)
    extraction = None
    groups: dict[str, str] = {}
    if ext.get("extracted"):
        incidents = [ref for ref in obj["object_refs"] if ref.startswith("incident--")]
        events = [_mention_from(by_id, ref, obj, marking, groups) for ref in incidents]
        extraction = ExtractResult(
            report=ReportRef.model_validate(ext.get("extraction_report", {"id": report_id})),
            places=ext.get("places", []),
            actors=ext.get("actors", []),
            events=events,
        )
    return Incoming(report_id, created, modified, False, report, extraction, ext.get("installation"), groups)


def _report_from(obj: dict[str, Any], ext: dict[str, Any], marking: Marking) -> Report:
    published = ext.get("published")
    position = ext.get("position")
    return Report(
        id=ext["report_id"],
        kind=ReportKind(ext.get("kind", "text")),
        text=obj["description"],
        title=ext.get("title"),
        published=datetime.fromisoformat(published) if published else None,
        source=Source.model_validate(ext["source"]) if ext.get("source") else None,
        url=ext.get("url"),
        origin=ext.get("origin"),
        agency=ext["agency"]["id"],
        marking=marking,
        sharing_groups=tuple(ext.get("sharing_groups", ())),
        raw=base64.b64decode(ext["raw_base64"]) if ext.get("raw_base64") else None,
        content_hash=ext["content_hash"],
        post_id=ext.get("post_id"),
        position=FieldPosition.model_validate(position) if position else None,
        category=ext.get("category"),
    )


def _mention_from(
    by_id: dict[Any, dict[str, Any]], ref: str, report: dict[str, Any], marking: Marking, groups: dict[str, str]
) -> EventMention:
    """The mention an incident holds; its sender's event group, if it has one, goes to `groups`."""
    incident = by_id.get(ref)
    if incident is None:
        raise StixError(f"{report['id']}: its incident {ref} is not in the same bundle or page")
    if marking_of(incident) is not marking:
        raise StixError(f"{ref} is not marked like its report ({marking.value})")
    ext = dict(incident["extensions"][EXT_EVENT])
    if ext.get("report_ref") != report["id"]:
        raise StixError(f"{ref} belongs to another report")
    for key in ("extension_type", "report_ref", "location_ref", "actor_refs"):
        ext.pop(key, None)
    group = ext.pop("event_group", None)
    ext["id"] = ext.pop("mention_id")
    mention = EventMention.model_validate(ext)
    if isinstance(group, str):
        groups[mention.id] = group
    return mention


def _foreign_report(
    obj: dict[str, Any],
    by_id: dict[Any, dict[str, Any]],
    default: Marking | None,
    created: datetime,
    modified: datetime,
) -> Incoming:
    marking = marking_of(obj) or default
    if marking is None:
        raise StixError(f"{obj['id']} carries no TLP marking")
    author = by_id.get(obj.get("created_by_ref"), {})
    agency = _slug(author.get("name", "")) or "stix-import"
    text = obj.get("description") or obj["name"]
    report = Report(
        text=text,
        title=obj.get("name"),
        published=parse_time(obj["published"]),
        agency=agency,
        marking=marking,
        origin=obj["id"],
    )
    return Incoming(report.id, created, modified, bool(obj.get("revoked")), report, None, None)


def _slug(name: str) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in name.casefold()).strip("-")
    return "-".join(p for p in keep.split("-") if p)[:64]
