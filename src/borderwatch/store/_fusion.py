"""Fusion's write path: each new event mention is matched against stored events through indexed reads.

Runs inside the caller's transaction (a batch of reports is stored with its events, or not at all).
The decisions are the `Fuser`'s (pure logic); this module only reads candidates by the fuser's
blocking keys, and writes mentions, events and decisions.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from ..fuse import AnalystLinks, Block, Candidate, Decision, Fuser, MentionFeatures
from ..model import EventMention
from ._fusion_events import refresh_event
from ._schema import event_mentions, events, fusion_decisions, fusion_links, fusion_mentions

__all__ = ["fuse_mentions", "load_links", "mention_key", "new_event_id", "record_decision"]

_LAST_SEQ = [0]


def _next_seq() -> int:
    """Increasing across calls and (by the clock) across processes: the order mentions were stored in."""
    _LAST_SEQ[0] = max(_LAST_SEQ[0] + 1, time.time_ns() // 1000)
    return _LAST_SEQ[0]


def mention_key(report_id: str, mention_id: str) -> str:
    """The stored id of a mention: stable for the same report and extraction."""
    return f"{report_id[:16]}-{mention_id}"


def fuse_mentions(
    connection: Connection,
    fuser: Fuser,
    report_id: str,
    published: datetime | None,
    mentions: Sequence[EventMention],
    now: datetime,
    links: AnalystLinks | None = None,
    fallback: datetime | None = None,
) -> list[Decision]:
    """Match each mention of a report to a stored event or start a new one; returns the decisions.

    Mentions of intentions, threats or denials (`modality` set) are not events that happened and
    are left out of fusion (they stay in the stored extraction). Undated mentions are placed before
    the report's publication, or before `fallback` (its ingest time) when it has none.
    """
    links = links if links is not None else load_links(connection)
    anchor = (published or fallback or now).date()
    decisions = []
    for mention in mentions:
        if mention.modality:
            continue
        key = mention_key(report_id, mention.id)
        features = fuser.features(mention, key, report_id, anchor)
        decision = fuser.decide(features, _candidates(connection, fuser, features, links), links)
        event_id = decision.event_id or new_event_id(connection, key)
        _write_mention(connection, fuser, event_id, features, mention, is_new=decision.event_id is None, now=now)
        record_decision(connection, decision, event_id, now, "fusion")
        refresh_event(connection, fuser, event_id, now)
        decisions.append(decision)
    return decisions


def load_links(connection: Connection) -> AnalystLinks:
    rows = connection.execute(select(fusion_links.c.mention_a, fusion_links.c.mention_b, fusion_links.c.kind)).all()
    return AnalystLinks(
        must=[(a, b) for a, b, kind in rows if kind == "must"],
        cannot=[(a, b) for a, b, kind in rows if kind == "cannot"],
    )


def new_event_id(connection: Connection, key: str) -> str:
    """An id named after the event's first mention, so that fusing the same input again gives the same ids."""
    for attempt in range(1000):
        seed = key if attempt == 0 else f"{key}#{attempt}"
        event_id = "E" + hashlib.blake2b(seed.encode("utf-8"), digest_size=8).hexdigest()
        if connection.execute(select(events.c.id).where(events.c.id == event_id)).first() is None:
            return event_id
    raise RuntimeError(f"no free event id for mention {key}")  # 1000 collisions: never in practice


def record_decision(connection: Connection, decision: Decision, event_id: str, now: datetime, by: str) -> None:
    best = decision.best
    connection.execute(
        fusion_decisions.insert(),
        {
            "event_id": event_id,
            "mention_key": decision.mention,
            "reason": decision.reason,
            "score": best.score if best else None,
            "explanation": decision.model_dump(mode="json"),
            "decided_at": now,
            "decided_by": by,
        },
    )


# -- candidates -------------------------------------------------------------------------------------


def _candidates(
    connection: Connection, fuser: Fuser, features: MentionFeatures, links: AnalystLinks
) -> list[Candidate]:
    block = fuser.block(features)
    rows = connection.execute(select(fusion_mentions).where(*_block_conditions(block))).all()
    by_event: dict[str, list[Any]] = {}
    for row in rows:
        by_event.setdefault(row.event_id, []).append(row)
    if links and links.involves(features.key):
        # An analyst's decision binds whatever the window: read the whole of the events concerned.
        partners = links.partners(features.key)
        if partners:
            bound = select(fusion_mentions.c.event_id).where(fusion_mentions.c.key.in_(partners))
            by_event.update({key: [] for key in connection.execute(bound).scalars()})
        for event_id, members in _whole_events(connection, list(by_event)).items():
            by_event[event_id] = members
    return [
        Candidate(event_id, [features_from_row(r) for r in sorted(members, key=lambda r: r.seq)])
        for event_id, members in by_event.items()
    ]


def _block_conditions(block: Block) -> list[Any]:
    c = fusion_mentions.c
    conditions = [
        c.day_lo.between(block.day_from - block.span_days, block.day_to),
        c.day_hi >= block.day_from,
        c.family.in_(block.families),
    ]
    if block.cells is not None:
        inside = and_(c.lat.between(block.lat_min, block.lat_max), c.lon.between(block.lon_min, block.lon_max))
        conditions += [c.cell.in_(block.cells), or_(c.cell == 0, inside)]
    return conditions


def _whole_events(connection: Connection, event_ids: list[str]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    if event_ids:
        rows = connection.execute(select(fusion_mentions).where(fusion_mentions.c.event_id.in_(event_ids)))
        for row in rows:
            found.setdefault(row.event_id, []).append(row)
    return found


def features_from_row(row: Any) -> MentionFeatures:
    return MentionFeatures(
        key=row.key,
        report_id=row.report_id,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        family=row.family,
        day_lo=row.day_lo,
        day_hi=row.day_hi,
        dated=bool(row.dated),
        precise_date=bool(row.dated) and row.day_lo == row.day_hi,
        lat=row.lat,
        lon=row.lon,
        geo_precision=row.geo_precision,
        geonameid=row.geonameid,
        country=row.country,
        admin1=row.admin1,
        actors=tuple(row.actors),
        quantities={k: (v[0], v[1]) for k, v in row.quantities.items()},
        words=frozenset(row.words.split()),
        event_id=row.event_id,
    )


# -- writes -----------------------------------------------------------------------------------------


def _write_mention(
    connection: Connection,
    fuser: Fuser,
    event_id: str,
    features: MentionFeatures,
    mention: EventMention,
    *,
    is_new: bool,
    now: datetime,
) -> None:
    if is_new:  # a placeholder row the mention can refer to; refresh_event fills it
        connection.execute(
            events.insert(),
            {
                "id": event_id,
                "event_type": mention.event_type.value,
                "sub_event_type": mention.sub_event_type,
                "tags": [],
                "confidence": 0.0,
                "created_at": now,
                "updated_at": now,
            },
        )
    connection.execute(
        event_mentions.insert(),
        {
            "id": features.key,
            "event_id": event_id,
            "report_id": features.report_id,
            "sentence": mention.evidence.sentence,
            "start": mention.evidence.start,
            "end": mention.evidence.end,
            "mention": mention.model_dump(mode="json"),
        },
    )
    connection.execute(fusion_mentions.insert(), feature_row(fuser, features, event_id))


def feature_row(fuser: Fuser, features: MentionFeatures, event_id: str) -> dict[str, Any]:
    return {
        "key": features.key,
        "event_id": event_id,
        "report_id": features.report_id,
        "family": features.family,
        "event_type": features.event_type,
        "sub_event_type": features.sub_event_type,
        "day_lo": features.day_lo,
        "day_hi": features.day_hi,
        "dated": int(features.dated),
        "cell": fuser.cell(features),
        "lat": features.lat,
        "lon": features.lon,
        "geo_precision": features.geo_precision,
        "geonameid": features.geonameid,
        "country": features.country,
        "admin1": features.admin1,
        "actors": list(features.actors),
        "quantities": {k: list(v) for k, v in features.quantities.items()},
        "words": " ".join(sorted(features.words)),
        "seq": _next_seq(),
    }
