"""Fusion's write path: each new event mention is matched against stored events through indexed reads.

Runs inside the caller's transaction (a batch of reports is stored with its events, or not at all).
The decisions are the `Fuser`'s (pure logic); a `FusionSession` only reads candidates by the fuser's
blocking keys (`_fusion_index`) and writes mentions, events and decisions, once per batch: new events
are derived from the mentions in memory and inserted whole; only events stored before the batch are
read back and updated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, select

from ..fuse import AnalystLinks, Candidate, Decision, Fuser, MentionFeatures, MentionIndex, SourcedMention
from ..model import EventMention
from ._fusion_bulk import bulk_insert
from ._fusion_events import EventRefresher
from ._fusion_index import FeatureCache, Ref, feature_row
from ._fusion_memory import CandidateView, shared_index
from ._partial_views import store_views
from ._schema import event_mentions, events, fusion_decisions, fusion_links, fusion_mentions

__all__ = ["FusionSession", "compact_decision", "load_links", "mention_key"]

_EVENT_EXISTS = select(events.c.id).where(events.c.id == bindparam("event_id"))
_CHUNK = 500


class FusionSession:
    """Fusion inside one transaction.

    Decisions are taken mention by mention, but written in one go by `flush`: mentions of the batch not
    yet written are found through an in-memory index with the same blocking. Analysts' links are read
    once. `cache` (the store's) keeps decoded features of stored mentions between sessions.
    """

    def __init__(
        self,
        connection: Connection,
        fuser: Fuser,
        now: datetime,
        links: AnalystLinks | None = None,
        cache: FeatureCache | None = None,
    ) -> None:
        self.connection = connection
        self.fuser = fuser
        self.now = now
        self.cache = cache if cache is not None else FeatureCache(10_000)
        self.refresher = EventRefresher(connection, fuser, now, self.cache)
        self._links = links
        self._view: CandidateView | None = None  # the store's candidate index, from the first lookup to `flush`
        self._reset()

    def _reset(self) -> None:
        self._pending = MentionIndex()
        self._decisions: list[dict[str, Any]] = []
        self._mention_rows: list[dict[str, Any]] = []
        self._feature_rows: list[dict[str, Any]] = []
        self._added: dict[str, list[SourcedMention]] = {}  # event id -> mentions of this batch
        self._features: list[MentionFeatures] = []
        self._indexed: list[tuple[MentionFeatures, int, tuple[int, ...]]] = []  # features, cell, keys
        self._sourced: list[SourcedMention] = []  # one per `_features`
        self._new_events: dict[str, tuple[str, int]] = {}  # tentative id -> first mention key, its report's day

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
        text: str | None = None,
    ) -> list[Decision]:
        """Match each mention of a report to a stored event or start a new one; returns the decisions.

        Mentions of intentions, threats or denials (`modality` set) are not events that happened and
        are left out of fusion (they stay in the stored extraction). Undated mentions are placed before
        the report's publication, or before `fallback` (its ingest time) when it has none. `text`, the
        report's text, lends its names to sentences that leave the place out.
        """
        anchor = (published or fallback or self.now).date()
        decisions = []
        for mention in mentions:
            if mention.modality:
                continue
            key = mention_key(report_id, mention.id)
            features = self.fuser.features(mention, key, report_id, anchor, text)
            decision = self.fuser.decide(features, self._candidates(features), self.links)
            event_id = decision.event_id
            if event_id is None:
                event_id = self._tentative_id(key, features.anchor)
                self._new_events[event_id] = (key, features.anchor)
            self._add(event_id, features, mention)
            self.record(decision, event_id, "fusion")
            decisions.append(decision)
        return decisions

    def join(
        self,
        report_id: str,
        published: datetime | None,
        mention: EventMention,
        event_id: str,
        by: str,
        *,
        fallback: datetime | None = None,
        text: str | None = None,
    ) -> Decision:
        """File a mention with an event chosen without matching (a sender's grouping, `by`): the session's
        bookkeeping and a "matched" decision, as `fuse_report` keeps them for a mention it matched."""
        anchor = (published or fallback or self.now).date()
        features = self.fuser.features(mention, mention_key(report_id, mention.id), report_id, anchor, text)
        decision = Decision(mention=features.key, event_id=event_id, reason="matched")
        self._add(event_id, features, mention)
        self.record(decision, event_id, by)
        return decision

    def event_of(self, key: str) -> str | None:
        """The event (stored, or new in this session) a mention fused in this session went to."""
        for row in reversed(self._mention_rows):  # most often the mention fused last
            if row["id"] == key:
                return str(row["event_id"])
        return None

    def record(self, decision: Decision, event_id: str, by: str) -> None:
        """Keep a decision with its (compact) explanation; written by `flush`."""
        best = decision.best
        self._decisions.append(
            {
                "event_id": event_id,
                "mention_key": decision.mention,
                "reason": decision.reason,
                "score": best.score if best else None,
                "explanation": orjson.dumps(compact_decision(decision)).decode("utf-8"),  # JSON text: see flush
                "decided_at": self.now,
                "decided_by": by,
            }
        )

    def flush(self) -> list[str]:
        """Write what the session decided: new events derived whole, mentions, decisions; existing events that
        gained mentions re-derived. Returns the ids of the events written."""
        connection = self.connection
        self._settle_new_ids()
        touched = sorted(self._added)
        self.refresher.refresh_many(touched, pending=self._added, new=set(self._new_events))
        # Mentions and explanations are kept as JSON text until written (`bulk_insert`'s `json_text`).
        bulk_insert(connection, event_mentions, self._mention_rows, json_text=("mention",))
        store_views(connection, touched)  # after the mentions: writing a mention deletes its event's views
        bulk_insert(connection, fusion_mentions, self._feature_rows)
        bulk_insert(connection, fusion_decisions, self._decisions, json_text=("explanation",))
        if self._indexed or self._view is not None:
            self._index_view().stored(self._indexed)
            self._view = None
        self.cache.put_mentions(
            (f.key, f.seq, sourced.mention) for f, sourced in zip(self._features, self._sourced, strict=True)
        )
        self._reset()
        return touched

    def new_event_id(self, key: str, day: int) -> str:
        """A free id for an event whose first mention is `key`, told on `day` (checked against the store now)."""
        for attempt in range(1000):
            event_id = _event_id(key, day, attempt)
            if event_id in self._new_events:
                continue
            if self.connection.execute(_EVENT_EXISTS, {"event_id": event_id}).first() is None:
                return event_id
        raise RuntimeError(f"no free event id for mention {key}")  # 1000 collisions: never in practice

    def _tentative_id(self, key: str, day: int) -> str:
        """An id named after the event's first mention and its report's day, so that fusing the same input again
        gives the same ids; checked against the store for the whole batch at once by `_settle_new_ids`."""
        attempt = 0
        while _event_id(key, day, attempt) in self._new_events:
            attempt += 1
        return _event_id(key, day, attempt)

    def _settle_new_ids(self) -> None:
        """Rename the batch's new events whose id the store already has (a re-extracted mention whose old
        event lives on through other mentions)."""
        tentative = list(self._new_events)
        taken: set[str] = set()
        for start in range(0, len(tentative), _CHUNK):
            chunk = tentative[start : start + _CHUNK]
            taken.update(self.connection.execute(select(events.c.id).where(events.c.id.in_(chunk))).scalars())
        if not taken:
            return
        renames = {}
        for old in sorted(taken):
            key, day = self._new_events.pop(old)
            renames[old] = self.new_event_id(key, day)
            self._new_events[renames[old]] = (key, day)
        for row in (*self._mention_rows, *self._feature_rows, *self._decisions):
            row["event_id"] = renames.get(row["event_id"], row["event_id"])
        for row in self._decisions:
            explanation = orjson.loads(row["explanation"])
            best = explanation.get("best")
            if best and best["event_id"] in renames:
                best["event_id"] = renames[best["event_id"]]
                row["explanation"] = orjson.dumps(explanation).decode("utf-8")
        self._added = {renames.get(e, e): members for e, members in self._added.items()}
        for features in self._features:
            features.event_id = renames.get(features.event_id or "", features.event_id)

    def _add(self, event_id: str, features: MentionFeatures, mention: EventMention) -> None:
        features.event_id = event_id
        keys, cell = self.fuser.keys(features), self.fuser.cell(features)
        self._pending.add(features, cell, keys)
        self._indexed.append((features, cell, keys))
        sourced = SourcedMention(features.key, features.report_id, mention)
        self._added.setdefault(event_id, []).append(sourced)
        self._features.append(features)
        self._sourced.append(sourced)
        self._mention_rows.append(
            {
                "id": features.key,
                "event_id": event_id,
                "report_id": features.report_id,
                "sentence": mention.evidence.sentence,
                "start": mention.evidence.start,
                "end": mention.evidence.end,
                "mention": mention.model_dump_json(exclude_defaults=True),
            }
        )
        self._feature_rows.append(feature_row(self.fuser, features, event_id, keys))

    def _index_view(self) -> CandidateView:
        """The store's candidate index for this session, from the first lookup to `flush`."""
        if self._view is None:
            self._view = shared_index(self.cache).view(self.connection, self.cache)
        return self._view

    def _candidates(self, features: MentionFeatures) -> list[Candidate]:
        """The events the mention may join, each with its members in storing order (stored, then this batch's)."""
        block = self.fuser.block(features)
        by_event: dict[str, list[MentionFeatures]] = {}
        for stored in self._index_view().lookup(block):
            by_event.setdefault(stored.event_id, []).append(stored)  # type: ignore[arg-type]
        links = self.links
        if links and links.involves(features.key):
            self._bound_events(features.key, by_event)
        candidates: dict[str, Candidate] = {}
        for event_id, members in by_event.items():
            if members:  # an analyst's partner event with no stored member yet: found among the batch's
                members.sort(key=lambda member: member.seq)
                candidates[event_id] = Candidate(event_id, members)
        for pending in self._pending.lookup(block):
            assert pending.event_id is not None
            candidates.setdefault(pending.event_id, Candidate(pending.event_id)).members.append(pending)
        return list(candidates.values())

    def _bound_events(self, key: str, by_event: dict[str, list[MentionFeatures]]) -> None:
        """An analyst's decision binds whatever the window: read the whole of the events concerned."""
        partners = self.links.partners(key)
        if partners:
            bound = select(fusion_mentions.c.event_id).where(fusion_mentions.c.key.in_(partners))
            by_event.update({event_id: [] for event_id in self.connection.execute(bound).scalars()})
            for pending in self._pending.all():
                if pending.key in partners and pending.event_id:
                    by_event.setdefault(pending.event_id, [])
        for event_id, refs in _whole_events(self.connection, list(by_event)).items():
            by_event[event_id] = self.cache.resolve(self.connection, refs)


def compact_decision(decision: Decision) -> dict[str, Any]:
    """A decision's explanation as stored: the candidates counted, the next-best events, and the comparison
    with the best one feature by feature (what `events show --why` prints)."""
    out: dict[str, Any] = {"candidates": decision.candidates}
    if decision.others:
        out["others"] = [[event_id, score] for event_id, score in decision.others]
    best = decision.best
    if best is not None:
        out["best"] = {
            "event_id": best.event_id,
            "against": best.against,
            "score": best.score,
            "threshold": best.threshold,
            "vetoed": best.vetoed,
            "features": [
                {
                    "name": f.name,
                    "value": f.value,
                    "weight": f.weight,
                    "contribution": f.contribution,
                    "detail": f.detail,
                }
                for f in best.features
            ],
        }
    return out


def _event_id(key: str, day: int, attempt: int) -> str:
    """The letter E, the day (proleptic ordinal, 5 hex digits) and 11 hex digits of a hash of the first mention's
    key. The day first: events, their mentions' and decisions' event indexes are B-trees keyed by this id, and a
    batch's new events (reports of recent days) then fill the last pages of each instead of one random page per
    event (a hash alone made every new event rewrite a page of each index: a sixth of fusion's disk writes)."""
    seed = key if attempt == 0 else f"{key}#{attempt}"
    digest = hashlib.blake2b(seed.encode("utf-8"), digest_size=8).hexdigest()
    return f"E{day:05x}{digest[:11]}"


def mention_key(report_id: str, mention_id: str) -> str:
    """The stored id of a mention: stable for the same report and extraction."""
    return f"{report_id[:16]}-{mention_id}"


def load_links(connection: Connection) -> AnalystLinks:
    rows = connection.execute(select(fusion_links.c.mention_a, fusion_links.c.mention_b, fusion_links.c.kind)).all()
    return AnalystLinks(
        must=[(a, b) for a, b, kind in rows if kind == "must"],
        cannot=[(a, b) for a, b, kind in rows if kind == "cannot"],
    )


def _whole_events(connection: Connection, event_ids: list[str]) -> dict[str, list[Ref]]:
    found: dict[str, list[Ref]] = {}
    c = fusion_mentions.c
    for start in range(0, len(event_ids), _CHUNK):
        chunk = event_ids[start : start + _CHUNK]
        for row in connection.execute(select(c.key, c.event_id, c.seq).where(c.event_id.in_(chunk))):
            found.setdefault(row.event_id, []).append(Ref(*row))
    return found
