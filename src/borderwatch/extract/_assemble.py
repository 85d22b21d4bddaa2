"""An event group to the output contract's `EventMention`: actors in ACLED roles, date, numbers, confidence.

ACLED conventions applied here: actor1 is the initiator the text names (else the
side the sub-type implies: protesters protest, state forces arrest, an unidentified
armed group plants a bomb); actor2 the target; violence against civilians always has
civilians as actor2; generic actors take the event's country (`_event_country`). The
actors come from `_event_actors`; fatalities are counted by `_tolls`.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ..model import EventMention, Evidence, Location, Quantity
from ._confidence import Calibration, raw_score
from ._dates import ResolvedDate
from ._event_actors import event_actors
from ._event_country import event_country
from ._merge import EventGroup
from ._quantities import to_quantities
from ._registry import ActorRegistry
from ._title_facts import toll_view
from ._tolls import fatalities_of_event

__all__ = ["assemble_event", "event_country"]


def assemble_event(
    group: EventGroup,
    registry: ActorRegistry,
    *,
    report_text: str,
    date: ResolvedDate | None,
    published: dt.date | None,
    country: str | None,
    location: Location | None,
    calibration: Calibration,
    crowded: bool = False,
    filer_country: str | None = None,
    filer_force: str | None = None,
) -> EventMention:
    """`crowded`: the report tells other events besides this one (its confidence is lower). `filer_country`: the
    state whose forces filed the report (a post's, a ministry's), whose are the state forces the text leaves
    unnamed in what they did or suffered (`filer_force`: which of its forces, military or police, when known);
    `country`, where the event is, names the other side's generic actors."""
    main = group.main
    when = date.date if date else published  # the ruling period in force when reported, if not when it happened
    actor1, actor2, assoc = event_actors(group, registry, when, country, filer_country, filer_force)
    quantities = _quantities(group)
    # A peaceful protest has no dead by ACLED's definition (violence makes it another sub-type): a count read with it
    # belongs to a past the sentence recalls ("Residents of Tillia, which lost 40 villagers last year, marched").
    fatalities = 0 if main.sub_event_type == "Peaceful protest" else fatalities_of_event(toll_view(group), registry)
    tags = sorted({t for m in group.members for t in m.tags if not t.startswith("_")})
    evidence = Evidence(sentence=main.sentence.text, start=main.sentence.start, end=main.sentence.end)
    score = raw_score(group, has_actor=actor1 is not None, has_date=date is not None, crowded=crowded)
    return EventMention(
        id=_event_id(report_text, main.sentence.start, main.sub_event_type),
        event_type=main.event_type,  # type: ignore[arg-type]
        sub_event_type=main.sub_event_type,
        tags=tags,
        modality=main.modality,
        date=date.date.isoformat() if date else None,
        time_precision=date.precision if date else None,  # type: ignore[arg-type]
        actor1=actor1,
        actor2=actor2,
        assoc_actors=assoc,
        location=location,
        fatalities=fatalities,
        quantities=quantities,
        evidence=evidence,
        confidence=calibration(score),
    )


def _event_id(text: str, start: int, sub: str) -> str:
    digest = hashlib.sha1(f"{start}:{sub}:{text}".encode()).hexdigest()
    return f"ev-{digest[:12]}"


def _quantities(group: EventGroup) -> list[Quantity]:
    best: dict[str, Quantity] = {}
    for member in group.members:
        for q in to_quantities(member.quantities):
            if q.kind not in best or q.value > best[q.kind].value:
                best[q.kind] = q
    return list(best.values())
