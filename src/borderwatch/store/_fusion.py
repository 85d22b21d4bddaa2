"""Fusion's write path: each new event mention is matched against stored events through indexed reads.

Runs inside the caller's transaction (a batch of reports is stored with its events, or not at all).
The decisions are the `Fuser`'s (pure logic); a `FusionSession` only reads candidates by the fuser's
blocking keys and writes mentions, events and decisions. Statements are built once, at import, and
reused: this runs for every mention stored.
"""

from __future__ import annotations

import hashlib
import time
from collections import namedtuple
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, literal_column, or_, select

from ..fuse import AnalystLinks, Block, Candidate, Decision, Fuser, MentionFeatures, MentionIndex
from ..model import EventMention
from ._fusion_events import EventRefresher
from ._schema import event_fusion, event_mentions, events, fusion_decisions, fusion_links, fusion_mentions

__all__ = ["FusionSession", "features_from_row", "load_links", "mention_key"]

_c = fusion_mentions.c
# Fixed numbers of parameters (padded by repeating the last value) keep the SQL text constant, so that it
# is compiled once and the driver's statement cache is hit; a block with more cells is read in parts.
_CELL_SLOTS, _FAMILY_SLOTS = 48, 16
_BLOCK = select(fusion_mentions).where(
    _c.cell.in_([bindparam(f"c{i}") for i in range(_CELL_SLOTS)]),
    _c.day_lo.between(bindparam("lo"), bindparam("hi")),
    _c.day_hi >= bindparam("day_from"),
    _c.family.in_([bindparam(f"f{i}") for i in range(_FAMILY_SLOTS)]),
    or_(
        _c.cell <= literal_column("0"),
        and_(
            _c.lat.between(bindparam("lat_min"), bindparam("lat_max")),
            _c.lon.between(bindparam("lon_min"), bindparam("lon_max")),
        ),
    ),
)
_COUNTRY_SLOTS = 4
_COUNTRY_BLOCK = select(fusion_mentions).where(
    _c.country.in_([bindparam(f"k{i}") for i in range(_COUNTRY_SLOTS)]),
    _c.day_lo.between(bindparam("lo"), bindparam("hi")),
    _c.day_hi >= bindparam("day_from"),
    _c.family.in_([bindparam(f"f{i}") for i in range(_FAMILY_SLOTS)]),
)
_EVENT_EXISTS = select(events.c.id).where(events.c.id == bindparam("event_id"))
_LAST_SEQ = [0]


def _next_seq() -> int:
    """Increasing across calls and (by the clock) across processes: the order mentions were stored in."""
    _LAST_SEQ[0] = max(_LAST_SEQ[0] + 1, time.time_ns() // 1000)
    return _LAST_SEQ[0]


class FusionSession:
    """Fusion inside one transaction.

    Decisions are taken mention by mention, but written in one go by `flush` (inserts of mentions and
    new events, then one re-derivation per touched event): mentions of the batch not yet written are
    found through an in-memory index with the same blocking. Analysts' links are read once.
    """

    def __init__(self, connection: Connection, fuser: Fuser, now: datetime, links: AnalystLinks | None = None) -> None:
        self.connection = connection
        self.fuser = fuser
        self.now = now
        self.refresher = EventRefresher(connection, fuser, now)
        self._links = links
        self._decisions: list[dict[str, Any]] = []
        self._pending = MentionIndex(fuser.config.blocking.cell_degrees)
        self._mention_rows: list[dict[str, Any]] = []
        self._feature_rows: list[dict[str, Any]] = []
        self._new_events: dict[str, tuple[str, EventMention]] = {}  # tentative id -> (first mention key, mention)
        self._dirty: set[str] = set()
        self._seen: dict[str, MentionFeatures] = {}

    @property
    def links(self) -> AnalystLinks:
        if self._links is None:
            self._links = load_links(self.connection)
        return self._links

    def fuse_report(
        self,
        report_id: str,
        published: datetime | None,
        mentions: Sequence[EventMention],
        *,
        fallback: datetime | None = None,
    ) -> list[Decision]:
        """Match each mention of a report to a stored event or start a new one; returns the decisions.

        Mentions of intentions, threats or denials (`modality` set) are not events that happened and
        are left out of fusion (they stay in the stored extraction). Undated mentions are placed before
        the report's publication, or before `fallback` (its ingest time) when it has none.
        """
        anchor = (published or fallback or self.now).date()
        decisions = []
        for mention in mentions:
            if mention.modality:
                continue
            key = mention_key(report_id, mention.id)
            features = self.fuser.features(mention, key, report_id, anchor)
            decision = self.fuser.decide(features, self._candidates(features), self.links)
            event_id = decision.event_id
            if event_id is None:
                event_id = self._tentative_id(key)
                self._new_events[event_id] = (key, mention)
            self._add(event_id, features, mention)
            self.record(decision, event_id, "fusion")
            decisions.append(decision)
        return decisions

    def record(self, decision: Decision, event_id: str, by: str) -> None:
        """Keep a decision with its explanation (written by `flush`)."""
        best = decision.best
        self._decisions.append(
            {
                "event_id": event_id,
                "mention_key": decision.mention,
                "reason": decision.reason,
                "score": best.score if best else None,
                "explanation": decision.model_dump(mode="json"),
                "decided_at": self.now,
                "decided_by": by,
            }
        )

    def flush(self) -> None:
        """Write what the session decided: new events, mentions, decisions; then re-derive touched events."""
        connection = self.connection
        self._settle_new_ids()
        if self._new_events:
            rows = [_placeholder(e, m, self.now) for e, (_, m) in self._new_events.items()]
            connection.execute(insert(events), rows)
            connection.execute(insert(event_fusion), [_summary_placeholder(e) for e in self._new_events])
        if self._mention_rows:
            connection.execute(insert(event_mentions), self._mention_rows)
            connection.execute(insert(fusion_mentions), self._feature_rows)
        if self._decisions:
            connection.execute(insert(fusion_decisions), self._decisions)
        self.refresher.refresh_many(sorted(self._dirty))
        self._pending = MentionIndex(self.fuser.config.blocking.cell_degrees)
        self._mention_rows, self._feature_rows, self._decisions = [], [], []
        self._new_events, self._dirty = {}, set()

    def new_event_id(self, key: str) -> str:
        """A free id for an event whose first mention is `key` (checked against the store now)."""
        for attempt in range(1000):
            event_id = _event_id(key, attempt)
            if event_id in self._new_events:
                continue
            if self.connection.execute(_EVENT_EXISTS, {"event_id": event_id}).first() is None:
                return event_id
        raise RuntimeError(f"no free event id for mention {key}")  # 1000 collisions: never in practice

    def _tentative_id(self, key: str) -> str:
        """An id named after the event's first mention, so that fusing the same input again gives the same
        ids; checked against the store for the whole batch at once by `_settle_new_ids`."""
        attempt = 0
        while _event_id(key, attempt) in self._new_events:
            attempt += 1
        return _event_id(key, attempt)

    def _settle_new_ids(self) -> None:
        """Rename the batch's new events whose id the store already has (a re-extracted mention whose old
        event lives on through other mentions)."""
        tentative = list(self._new_events)
        taken: set[str] = set()
        for start in range(0, len(tentative), 500):
            chunk = tentative[start : start + 500]
            taken.update(self.connection.execute(select(events.c.id).where(events.c.id.in_(chunk))).scalars())
        if not taken:
            return
        renames = {}
        for old in sorted(taken):
            key, mention = self._new_events.pop(old)
            renames[old] = self.new_event_id(key)
            self._new_events[renames[old]] = (key, mention)
        for row in (*self._mention_rows, *self._feature_rows, *self._decisions):
            row["event_id"] = renames.get(row["event_id"], row["event_id"])
        for row in self._decisions:
            explanation = row["explanation"]
            explanation["event_id"] = renames.get(explanation["event_id"], explanation["event_id"])
        self._dirty = {renames.get(e, e) for e in self._dirty}

    def _add(self, event_id: str, features: MentionFeatures, mention: EventMention) -> None:
        features.event_id = event_id
        self._pending.add(features, self.fuser.cell(features))
        self._dirty.add(event_id)
        self._mention_rows.append(
            {
                "id": features.key,
                "event_id": event_id,
                "report_id": features.report_id,
                "sentence": mention.evidence.sentence,
                "start": mention.evidence.start,
                "end": mention.evidence.end,
                "mention": mention.model_dump(mode="json"),
            }
        )
        self._feature_rows.append(feature_row(self.fuser, features, event_id))

    def _candidates(self, features: MentionFeatures) -> list[Candidate]:
        block = self.fuser.block(features)
        rows = _read_block(self.connection, block)
        by_event: dict[str, list[Any]] = {}
        for row in rows:
            by_event.setdefault(row.event_id, []).append(row)
        links = self.links
        if links and links.involves(features.key):
            self._bound_events(features.key, by_event)
        candidates = {
            event_id: Candidate(event_id, [self._features(r) for r in sorted(members, key=lambda r: r.seq)])
            for event_id, members in by_event.items()
        }
        for pending in self._pending.lookup(block):
            assert pending.event_id is not None
            candidates.setdefault(pending.event_id, Candidate(pending.event_id)).members.append(pending)
        return list(candidates.values())

    def _features(self, row: Any) -> MentionFeatures:
        """Features of a stored mention, decoded once per session (nearby mentions meet the same ones)."""
        cached = self._seen.get(row.key)
        if cached is None:
            cached = self._seen[row.key] = features_from_row(row)
        cached.event_id = row.event_id
        return cached

    def _bound_events(self, key: str, by_event: dict[str, list[Any]]) -> None:
        """An analyst's decision binds whatever the window: read the whole of the events concerned."""
        partners = self.links.partners(key)
        if partners:
            bound = select(fusion_mentions.c.event_id).where(fusion_mentions.c.key.in_(partners))
            by_event.update({event_id: [] for event_id in self.connection.execute(bound).scalars()})
            for pending in self._pending.all():
                if pending.key in partners and pending.event_id:
                    by_event.setdefault(pending.event_id, [])
        for event_id, members in _whole_events(self.connection, list(by_event)).items():
            by_event[event_id] = members


def _event_id(key: str, attempt: int) -> str:
    seed = key if attempt == 0 else f"{key}#{attempt}"
    return "E" + hashlib.blake2b(seed.encode("utf-8"), digest_size=8).hexdigest()


def _read_block(connection: Connection, block: Block) -> list[Any]:
    """The stored mentions in a block, through the driver: this runs once per mention stored, and the
    statement never changes, so it is compiled once per dialect and the driver's cursor runs it."""
    params: dict[str, Any] = {
        "lo": block.day_from - block.span_days,
        "hi": block.day_to,
        "day_from": block.day_from,
        "lat_min": block.lat_min,
        "lat_max": block.lat_max,
        "lon_min": block.lon_min,
        "lon_max": block.lon_max,
    }
    params.update(_slots("f", block.families, _FAMILY_SLOTS))
    cells = sorted(set(block.cells))
    rows: dict[str, Any] = {}
    cursor = connection.connection.cursor()
    try:
        sql, order = _compiled(connection, _BLOCK)
        for start in range(0, len(cells), _CELL_SLOTS):
            params.update(_slots("c", cells[start : start + _CELL_SLOTS], _CELL_SLOTS))
            cursor.execute(sql, [params[name] for name in order] if order is not None else params)
            rows.update((row[0], row) for row in cursor.fetchall())
        if block.countries:
            sql, order = _compiled(connection, _COUNTRY_BLOCK)
            params.update(_slots("k", block.countries, _COUNTRY_SLOTS))
            cursor.execute(sql, [params[name] for name in order] if order is not None else params)
            rows.update((row[0], row) for row in cursor.fetchall())
    finally:
        cursor.close()
    return [_BlockRow(*row) for row in rows.values()]


_COMPILED: dict[tuple[int, str], tuple[str, list[str] | None]] = {}


def _compiled(connection: Connection, statement: Any) -> tuple[str, list[str] | None]:
    dialect = connection.dialect
    key = (id(statement), f"{dialect.name}:{dialect.paramstyle}")
    if key not in _COMPILED:
        compiled = statement.compile(dialect=dialect)
        order = list(compiled.positiontup) if dialect.positional and compiled.positiontup else None
        _COMPILED[key] = (str(compiled), order)
    return _COMPILED[key]


_BlockRow = namedtuple("_BlockRow", [c.name for c in fusion_mentions.columns])  # type: ignore[misc]


def _slots(prefix: str, values: Sequence[Any], size: int) -> dict[str, Any]:
    padded = [*values[:size], *([values[-1]] * (size - len(values)))]
    return {f"{prefix}{i}": value for i, value in enumerate(padded)}


def mention_key(report_id: str, mention_id: str) -> str:
    """The stored id of a mention: stable for the same report and extraction."""
    return f"{report_id[:16]}-{mention_id}"


def _placeholder(event_id: str, mention: EventMention, now: datetime) -> dict[str, Any]:
    """A new event's row until `refresh_many` derives its fields (mentions refer to it)."""
    return {
        "id": event_id,
        "event_type": mention.event_type.value,
        "sub_event_type": mention.sub_event_type,
        "tags": [],
        "confidence": 0.0,
        "created_at": now,
        "updated_at": now,
    }


def _summary_placeholder(event_id: str) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "provenance": {},
        "assoc_actors": [],
        "notes": "",
        "source_names": "",
        "reports": 0,
        "independent_sources": 0,
        "source_groups": [],
    }


def load_links(connection: Connection) -> AnalystLinks:
    rows = connection.execute(select(fusion_links.c.mention_a, fusion_links.c.mention_b, fusion_links.c.kind)).all()
    return AnalystLinks(
        must=[(a, b) for a, b, kind in rows if kind == "must"],
        cannot=[(a, b) for a, b, kind in rows if kind == "cannot"],
    )


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
        place_name=row.place_name,
        country=row.country,
        admin1=row.admin1,
        named=tuple(row.named_actors.split("|")) if row.named_actors else (),
        state=tuple(row.state_actors.split("|")) if row.state_actors else (),
        quantities=_parse_quantities(row.quantities),
        words=frozenset(row.words.split()),
        event_id=row.event_id,
    )


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
        "place_name": features.place_name,
        "country": features.country,
        "admin1": features.admin1,
        "named_actors": "|".join(features.named),
        "state_actors": "|".join(features.state),
        "quantities": ";".join(f"{k}={v}:{q}" for k, (v, q) in sorted(features.quantities.items())),
        "words": " ".join(sorted(features.words)),
        "seq": _next_seq(),
    }


def _parse_quantities(text: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for part in text.split(";") if text else ():
        kind, _, rest = part.rpartition("=")
        value, _, qualifier = rest.partition(":")
        found[kind] = (int(value), qualifier)
    return found
