"""The fusion index (`fusion_mentions`): mentions stored in the compact form matching compares, and the
cache of decoded features and parsed mentions shared by the store's sessions.

Candidates are found in memory (`_fusion_memory.CandidateIndex`, which reads this table a period at a
time); the rows are also read by event and by key, for analysts' decisions and re-deriving events. A row's
`seq` tells whether cached features or mentions are still those stored (a re-extracted mention is stored
anew).
"""

from __future__ import annotations

import threading
import time
from collections import namedtuple
from collections.abc import Iterable, Sequence
from itertools import islice
from sys import intern
from typing import Any

from sqlalchemy import Connection, bindparam, select

from ..fuse import Fuser, MentionFeatures, day_bucket
from ..fuse import place_keys as place_name_keys
from ..fuse._features import admin_key
from ..fuse._types import shared_set
from ..model import EventMention
from ._schema import fusion_mentions

__all__ = ["FeatureCache", "Ref", "feature_row", "features_from_row", "next_seq"]

_c = fusion_mentions.c
Ref = namedtuple("Ref", ["key", "event_id", "seq"])  # a stored mention as a read by event finds it
_WHOLE = select(fusion_mentions).where(_c.key.in_(bindparam("keys", expanding=True)))
_CHUNK = 500
_LAST_SEQ = [0]
_LEAD = "!"  # marks, in the `names` column, the keys named before the mention's place (`MentionFeatures.lead`)
# Mark, in the actor columns, the actor that acted and the one acted upon (`MentionFeatures.acting`, `acted_on`):
# the roles are kept in the columns that list the names, so the table needs no column of its own for them.
_ACTING, _ACTED_ON = ">", "<"


def next_seq() -> int:
    """Increasing across calls and (by the clock) across processes: the order mentions were stored in."""
    _LAST_SEQ[0] = max(_LAST_SEQ[0] + 1, time.time_ns() // 1000)
    return _LAST_SEQ[0]


class FeatureCache:
    """Decoded features of recently stored mentions, by key, at most `size` (the oldest go first); and the parsed
    mentions of the most recent, at most `mention_size` (a quarter of `size` unless given), which re-deriving an
    event reads (`mention`, `put_mentions`).

    A parsed mention (its pydantic models: about 3.8 KB) weighs more than its features, and is read only when its
    event is re-derived, mostly just after it was stored (a second report comes within days of the first): a
    cache of them as large as the features' held 76 MB at 20,000 mentions for few hits; a miss only parses the
    stored JSON again.

    An entry is used only while its `seq` is the stored row's (a re-extracted mention is stored anew)."""

    def __init__(self, size: int = 100_000, index_size: int = 250_000, mention_size: int | None = None) -> None:
        self.size = size
        self.mention_size = size // 4 if mention_size is None else mention_size
        self.index_size = index_size  # mentions the candidate index holds (`_fusion_memory`)
        self._items: dict[str, MentionFeatures] = {}
        # Mentions and their `seq` in two maps rather than (seq, mention) pairs: a pair holding a mention is one
        # more object that every full collection of the garbage collector walks, per cached mention.
        self._mentions: dict[str, EventMention] = {}
        self._mention_seqs: dict[str, int] = {}
        self._lock = threading.Lock()
        self.candidates: Any = None  # the store's `_fusion_memory.CandidateIndex`, made by its first session

    def mention(self, key: str, seq: int) -> EventMention | None:
        """The parsed mention stored as `key` with this `seq`, if still cached (under the lock: a mention and its
        seq are two entries, which a concurrent `put_mentions` changes one after the other)."""
        with self._lock:
            return self._mentions.get(key) if self._mention_seqs.get(key) == seq else None

    def put_mentions(self, mentions: Iterable[tuple[str, int, EventMention]]) -> None:
        with self._lock:
            for key, seq, mention in mentions:
                self._mentions[key] = mention
                self._mention_seqs[key] = seq
            _trim(self._mentions, self.mention_size)
            _trim(self._mention_seqs, self.mention_size)

    def get(self, row: Any) -> MentionFeatures:
        """The features of a stored row (decoded once), with the event it belongs to now."""
        cached = self._items.get(row.key)
        if cached is None or cached.seq != row.seq:
            cached = features_from_row(row)
            self.put([cached])
        cached.event_id = row.event_id
        return cached

    def resolve(self, connection: Connection, refs: Sequence[tuple[Any, ...]]) -> list[MentionFeatures]:
        """The features of stored mentions, in the order given, each with the event it belongs to now: from the
        cache, or read whole (in one statement per 500) and decoded once. `refs` are `Ref`s, or any tuples that
        begin with a mention's key, event and seq (the candidate index's entries, read by position)."""
        items = self._items
        found: list[MentionFeatures | None] = []
        missing: list[str] = []
        for ref in refs:
            cached = items.get(ref[0])
            if cached is None or cached.seq != ref[2]:
                missing.append(ref[0])
                cached = None
            found.append(cached)
        if missing:
            read: dict[str, MentionFeatures] = {}
            for start in range(0, len(missing), _CHUNK):
                rows = connection.execute(_WHOLE, {"keys": missing[start : start + _CHUNK]})
                read.update((row.key, features_from_row(row)) for row in rows)
            self.put(read.values())
            found = [f if f is not None else read.get(ref[0]) for f, ref in zip(found, refs, strict=True)]
        out = []
        for features, ref in zip(found, refs, strict=True):
            if features is not None:  # None: deleted since the block was read (not within one transaction)
                features.event_id = ref[1]
                out.append(features)
        return out

    def put(self, features: Iterable[MentionFeatures]) -> None:
        with self._lock:
            for f in features:
                self._items[f.key] = f
            _trim(self._items, self.size)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._mentions.clear()
            self._mention_seqs.clear()
        if self.candidates is not None:
            self.candidates.forget()  # emptied by the session that uses it next, never under its feet


def _trim(items: dict[str, Any], size: int) -> None:
    """Drop the oldest entries (a tenth more than needed, so that trimming is rare)."""
    if len(items) > size:
        for key in list(islice(items, len(items) - size + size // 10)):
            del items[key]


def features_from_row(row: Any) -> MentionFeatures:
    listed = row.names.split() if row.names else []
    names = shared_set(frozenset(key.lstrip(_LEAD) for key in listed))
    return MentionFeatures(
        key=row.key,
        report_id=row.report_id,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        family=row.family,
        day_lo=row.day_lo,
        day_hi=row.day_hi,
        anchor=row.anchor,
        dated=bool(row.dated),
        precise_date=bool(row.dated) and row.day_lo == row.day_hi,
        lat=row.lat,
        lon=row.lon,
        geo_precision=row.geo_precision,
        geonameid=row.geonameid,
        place_name=row.place_name,
        country=row.country,
        country_of_place=bool(row.country_of_place),
        admin1=row.admin1,
        **_actors(row.named_actors, row.state_actors),
        quantities=_parse_quantities(row.quantities),
        words=frozenset(map(intern, row.words.split())),  # one string per word, as `content_words` makes them
        names=names,
        lead=shared_set(frozenset(key[1:] for key in listed if key.startswith(_LEAD)), names),
        context=shared_set(frozenset(row.context.split())),
        place_keys=place_name_keys(row.place_name),
        admin_key=admin_key(row.admin1),
        event_id=row.event_id,
        seq=row.seq,
    )


def feature_row(fuser: Fuser, features: MentionFeatures, event_id: str, keys: Sequence[int]) -> dict[str, Any]:
    """The `fusion_mentions` row of a mention indexed by `keys` (its `seq` is given to `features`)."""
    features.seq = next_seq()
    return {
        "key": features.key,
        "event_id": event_id,
        "report_id": features.report_id,
        "family": features.family,
        "event_type": features.event_type,
        "sub_event_type": features.sub_event_type,
        "day_lo": features.day_lo,
        "day_hi": features.day_hi,
        "bucket": day_bucket(features.day_hi),
        "anchor": features.anchor,
        "dated": int(features.dated),
        "cell": fuser.cell(features),
        "lat": features.lat,
        "lon": features.lon,
        "geo_precision": features.geo_precision,
        "geonameid": features.geonameid,
        "place_name": features.place_name,
        "country": features.country,
        "country_of_place": int(features.country_of_place),
        "admin1": features.admin1,
        "named_actors": "|".join(_marked(name, features) for name in features.named),
        "state_actors": "|".join(_marked(name, features) for name in features.state),
        "quantities": ";".join(f"{k}={v}:{q}" for k, (v, q) in sorted(features.quantities.items())),
        "words": " ".join(sorted(features.words)),
        "names": " ".join(_LEAD + key if key in features.lead else key for key in sorted(features.names)),
        "context": " ".join(sorted(features.context)),
        "bkeys": " ".join(map(str, keys)),
        "seq": features.seq,
    }


def _marked(name: str, features: MentionFeatures) -> str:
    """`name` behind the marks of its roles (none, one or both: an actor may be both, as in a mutiny)."""
    acting = _ACTING if name == features.acting else ""
    return acting + (_ACTED_ON if name == features.acted_on else "") + name


def _actors(named_column: str | None, state_column: str | None) -> dict[str, Any]:
    """The `named`, `state`, `acting` and `acted_on` features of a row's actor columns (`_marked`)."""
    roles = {"acting": "", "acted_on": ""}
    lists: dict[str, tuple[str, ...]] = {}
    for feature, column in (("named", named_column), ("state", state_column)):
        names = []
        for listed in column.split("|") if column else ():
            name = listed.lstrip(_ACTING + _ACTED_ON)
            marks = listed[: len(listed) - len(name)]
            for mark, role in ((_ACTING, "acting"), (_ACTED_ON, "acted_on")):
                if mark in marks:
                    roles[role] = intern(name)
            names.append(name)
        lists[feature] = tuple(names)
    return {**lists, **roles}


def _parse_quantities(text: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for part in text.split(";") if text else ():
        kind, _, rest = part.rpartition("=")
        value, _, qualifier = rest.partition(":")
        found[kind] = (int(value), qualifier)
    return found
