"""Fusion of received mentions that uses the sender's grouping: one match per sender event.

A peer has fused what it sends: mentions of its reports that it holds as one event arrive with the same
opaque group token (`share._stix_map.event_group`). The first mention of a group that arrives is matched
like any other (against everything stored here, so that a peer's event still joins a local report of the
same happening); the others of that group, in the same page or a later one of the same pull, join the event
that first mention is in without being scored again. Mentions an analyst's link here involves are always
matched, so that the link binds as it does for ingest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, select

from ..fuse import Decision
from ..model import EventMention
from ._batches import in_chunks
from ._fusion import FusionSession, mention_key
from ._schema import event_mentions

__all__ = ["GROUPED_BY", "SenderGrouping", "fuse_grouped"]

# Who decided, as stored with the decision of a mention that joined its sender's event. Its reason is "matched"
# (fusion's own, so that fusing everything again from scratch replaces it as it replaces fusion's decisions).
GROUPED_BY = "the sender's grouping"


@dataclass
class SenderGrouping:
    """The sender's grouping of what is being received: the group of each mention of the page applied now, and
    the key of the first mention met of each group (kept by the caller from page to page of one pull)."""

    groups: dict[tuple[str, str], str] = field(default_factory=dict)  # (report id, mention id) -> group
    leads: dict[str, str] = field(default_factory=dict)  # group -> key of its first mention received

    def add(self, report_id: str, groups: Mapping[str, str]) -> None:
        self.groups.update(((report_id, mention), group) for mention, group in groups.items())

    def joined(self, connection: Connection) -> dict[str, str]:
        """For the page's groups met before, the event their first mention is in now (looked up, not
        remembered: events are merged, renamed or gone since; a lead mention withdrawn since is forgotten)."""
        met = {g: self.leads[g] for g in set(self.groups.values()) if g in self.leads}
        found: dict[str, str] = {}
        for chunk in in_chunks(sorted(set(met.values()))):
            rows = connection.execute(
                select(event_mentions.c.id, event_mentions.c.event_id).where(event_mentions.c.id.in_(chunk))
            )
            found.update((key, event_id) for key, event_id in rows)
        return {g: found[key] for g, key in met.items() if key in found}


def fuse_grouped(
    fusion: FusionSession,
    report_id: str,
    published: datetime | None,
    mention: EventMention,
    group: str | None,
    joined: dict[str, str],
    leads: dict[str, str],
    *,
    fallback: datetime | None = None,
    text: str | None = None,
) -> list[Decision]:
    """Fuse one received mention: into the event its group's first mention is in (`joined`: group -> event id
    here, filled as groups are met; `leads`: group -> first mention key, filled too), or matched as
    `fuse_report` does. Returns the decisions."""
    key = mention_key(report_id, mention.id)
    event_id = joined.get(group) if group is not None else None
    if mention.modality or event_id is None or fusion.links.involves(key):
        decisions = fusion.fuse_report(report_id, published, [mention], fallback=fallback, text=text)
        first_of_group = group is not None and group not in joined
        event = fusion.event_of(key) if first_of_group and decisions else None
        if group is not None and event is not None:
            joined[group] = event
            leads[group] = key
        return decisions
    return [fusion.join(report_id, published, mention, event_id, GROUPED_BY, fallback=fallback, text=text)]
