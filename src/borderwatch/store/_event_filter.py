"""`event_conditions`: the one place where an `EventFilter` becomes SQL, for lists, pages, maps, timelines,
counts and exports alike. Access control belongs here too: a reader's rule added to these conditions reaches
every command, endpoint and export that reads events.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, case, cast, exists, func, or_, select

from ..model import EVENT_TYPES, Marking
from ._queries import EventFilter
from ._schema import actors, event_fusion, event_mentions, events, reports, zone_events

__all__ = ["MARKINGS", "event_conditions", "marking_rank_of_event"]

MARKINGS = tuple(m.value for m in Marking)


def marking_rank_of_event() -> Any:
    """The most restrictive marking among an event's reports, as a rank 0 (CLEAR) .. 4 (RED)."""
    rank = case({m: i for i, m in enumerate(MARKINGS)}, value=reports.c.marking, else_=len(MARKINGS) - 1)
    return (
        select(func.max(rank))
        .select_from(event_mentions.join(reports, reports.c.id == event_mentions.c.report_id))
        .where(event_mentions.c.event_id == events.c.id)
        .scalar_subquery()
    )


def event_conditions(query: EventFilter, dialect: str = "sqlite") -> list[ColumnElement[bool]]:
    """The WHERE conditions of an event query (all must hold)."""
    c = events.c
    conditions: list[ColumnElement[bool]] = []
    if query.since:
        conditions.append(c.date >= query.since.isoformat())
    if query.until:
        conditions.append(c.date <= query.until.isoformat())
    if query.country:
        conditions.append(c.country == query.country.upper())
    if query.event_type:
        conditions.append(_type_condition((query.event_type,)))
    if query.event_types:
        conditions.append(_type_condition(query.event_types))
    if query.sub_event_types:
        conditions.append(func.lower(c.sub_event_type).in_([t.casefold() for t in query.sub_event_types]))
    if query.border:
        conditions.append(c.border == query.border.upper())
    if query.max_border_km is not None:
        conditions.append(c.border_km <= query.max_border_km)
    if query.bbox:
        west, south, east, north = query.bbox
        conditions += [c.lat >= south, c.lat <= north]
        conditions += [c.lon >= west, c.lon <= east] if west <= east else [or_(c.lon >= west, c.lon <= east)]
    if query.min_confidence is not None:
        conditions.append(c.confidence >= query.min_confidence)
    if query.place:
        conditions.append(c.geonameid == query.place)
    if query.zone_id is not None:
        member = select(zone_events.c.event_id).where(zone_events.c.zone_id == query.zone_id)
        conditions.append(c.id.in_(member))
    if query.tags:
        conditions.append(_tags_condition(query.tags, dialect))
    if query.actor:
        conditions.append(_actor_condition(query.actor))
    if query.text:
        conditions.append(_text_condition(query.text))
    if query.markings:
        ranks = sorted({m.rank for m in query.markings})
        conditions.append(marking_rank_of_event().in_(ranks))
    return conditions


def _type_condition(wanted: tuple[str, ...]) -> ColumnElement[bool]:
    """Any of these ACLED event types (any case) or sub-event types.

    Event types are turned into their exact names so that the (event_type, date, lat, lon) index
    answers the query; only sub-types, an open vocabulary, are compared case-folded.
    """
    by_fold = {t.casefold(): t for t in EVENT_TYPES}
    types = sorted({by_fold[w.casefold()] for w in wanted if w.casefold() in by_fold})
    others = sorted({w.casefold() for w in wanted if w.casefold() not in by_fold})
    conditions: list[ColumnElement[bool]] = []
    if types:
        conditions.append(events.c.event_type.in_(types))
    if others:
        conditions.append(func.lower(events.c.sub_event_type).in_(others))
    return or_(*conditions) if len(conditions) > 1 else conditions[0]


def _tags_condition(tags: tuple[str, ...], dialect: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import JSONB, array

        return cast(events.c.tags, JSONB).has_any(array(list(tags)))
    each = func.json_each(events.c.tags).table_valued("value")
    return exists(select(1).select_from(each).where(func.lower(each.c.value).in_([t.casefold() for t in tags])))


def _actor_condition(actor: str) -> ColumnElement[bool]:
    if actor.isdigit():
        actor_id = int(actor)
        return or_(events.c.actor1_id == actor_id, events.c.actor2_id == actor_id)
    named = select(actors.c.id).where(func.lower(actors.c.name).contains(actor.casefold(), autoescape=True))
    associated = select(event_fusion.c.event_id).where(
        func.lower(cast(event_fusion.c.assoc_actors, String)).contains(actor.casefold(), autoescape=True)
    )
    return or_(events.c.actor1_id.in_(named), events.c.actor2_id.in_(named), events.c.id.in_(associated))


def _text_condition(text: str) -> ColumnElement[bool]:
    words = text.casefold()
    named = select(actors.c.id).where(func.lower(actors.c.name).contains(words, autoescape=True))
    in_evidence = exists(
        select(1).where(
            event_mentions.c.event_id == events.c.id,
            func.lower(event_mentions.c.sentence).contains(words, autoescape=True),
        )
    )
    return or_(
        func.lower(events.c.location_name).contains(words, autoescape=True),
        func.lower(events.c.sub_event_type).contains(words, autoescape=True),
        events.c.actor1_id.in_(named),
        events.c.actor2_id.in_(named),
        in_evidence,
    )
