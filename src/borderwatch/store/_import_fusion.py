"""Fusion of received mentions that uses the sender's grouping: one match per sender event and page.

A peer has fused what it sends: mentions of its reports that it holds as one event arrive with the same
opaque group token (`share._stix_map.event_group`). The first mention of a group that a page brings is
matched like any other (against everything stored here, so that a peer's event still joins a local report
of the same happening); the others of that group join the event it went to without being scored again.
Mentions an analyst's link here involves are always matched, so that the link binds as it does for ingest.
"""

from __future__ import annotations

from datetime import datetime

from ..fuse import Decision
from ..model import EventMention
from ._fusion import FusionSession, mention_key

__all__ = ["GROUPED_BY", "fuse_grouped"]

# Who decided, as stored with the decision of a mention that joined its sender's event. Its reason is "matched"
# (fusion's own, so that fusing everything again from scratch replaces it as it replaces fusion's decisions).
GROUPED_BY = "the sender's grouping"


def fuse_grouped(
    fusion: FusionSession,
    report_id: str,
    published: datetime | None,
    mention: EventMention,
    group: str | None,
    joined: dict[str, str],
    *,
    fallback: datetime | None = None,
    text: str | None = None,
) -> list[Decision]:
    """Fuse one received mention: into the event its group's first mention went to (`joined`: group token ->
    event id here, filled as groups are met), or matched as `fuse_report` does. Returns the decisions."""
    key = mention_key(report_id, mention.id)
    event_id = joined.get(group) if group is not None else None
    if mention.modality or event_id is None or fusion.links.involves(key):
        decisions = fusion.fuse_report(report_id, published, [mention], fallback=fallback, text=text)
        if group is not None and decisions and group not in joined:
            joined[group] = _event_of(fusion, key)
        return decisions
    anchor = (published or fallback or fusion.now).date()
    features = fusion.fuser.features(mention, key, report_id, anchor, text)
    decision = Decision(mention=key, event_id=event_id, reason="matched")
    fusion._add(event_id, features, mention)  # the session's own bookkeeping, as `fuse_report` does it
    fusion.record(decision, event_id, GROUPED_BY)
    return [decision]


def _event_of(fusion: FusionSession, key: str) -> str:
    """The event (stored, or new in this session) the mention just fused went to."""
    row = fusion._mention_rows[-1]
    assert row["id"] == key, "fuse_report adds the mention it decided last"
    return str(row["event_id"])
