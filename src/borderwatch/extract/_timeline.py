"""When each event happened: its own sentences' date, else the date told just before it, else the story's.

`telling_day` is the day relative dates count from (a dateline's day before publication's);
`sentence_dates` reads the dates of the sentences around undated events; `group_dates`
gives every event group its date (ACLED precision kept); `mark_history` turns events
dated long before the report's other events into background (history told in passing).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ._dates import ResolvedDate, find_dates, resolve
from ._habitual import is_history
from ._merge import EventGroup
from ._segment import Sentence
from ._text import load_data

__all__ = ["group_dates", "mark_history", "sentence_dates", "telling_day"]

# "... a local official said on Monday. The attack took place on Saturday evening.": a later sentence telling when
_FOLLOWUP_DATE = re.compile("|".join(load_data("ontology.json")["followup_dates"]["patterns"]), re.IGNORECASE)
_FOLLOWUP_REACH = 2  # sentences after the event's own
_NEW_STORY = re.compile(
    r"\W*(?:" + "|".join(load_data("ontology.json")["new_story_openers"]["patterns"]) + r")\b", re.IGNORECASE
)


# A dateline a few days before publication ("GAO, May 21 (Wire) —" in a report stored on the 22nd): the story was
# written that day, and its "yesterday" and "on Friday" count from it. Farther back, it is no dateline of this story.
_DATELINE_LAG = dt.timedelta(days=6)


def telling_day(sentences: list[Sentence], published: dt.date) -> dt.date:
    """The day the report was told: its first dateline's day when that falls in the days just before publication,
    else the publication date."""
    for sentence in sentences:
        if not sentence.lead:
            continue
        for mention in find_dates(sentence.text[: sentence.lead]):
            resolved = resolve(mention, published)
            if resolved is not None and resolved.precision == 1:
                return resolved.date if published - _DATELINE_LAG <= resolved.date <= published else published
    return published


def sentence_dates(
    sentences: list[Sentence], published: dt.date | None, groups: list[EventGroup]
) -> list[tuple[Sentence, ResolvedDate]]:
    """The first date each sentence states (resolved), in the paragraphs of events whose own sentences state none,
    or only the day it was told ('the ministry said on Tuesday that 38 were arrested')."""
    # The day of a telling dates no happening: the date stated before the event is wanted all the same.
    undated = [g.main.sentence for g in groups if all(m.date is None or m.date_weak for m in g.members)]
    wanted = {s.paragraph for s in undated}
    # the two sentences after it too: "The attack took place on Saturday evening" may follow the event
    near = {i for s in undated for i in (s.index - 2, s.index - 1, s.index + 1, s.index + 2)}
    out = []
    for sentence in sentences:
        if sentence.paragraph not in wanted and sentence.index not in near:
            continue
        for mention in find_dates(sentence.text):
            if mention.start < sentence.lead:
                continue  # a dateline dates the telling
            resolved = resolve(mention, published)
            if resolved is not None:
                out.append((sentence, resolved))
                break
    return out


def group_dates(groups: list[EventGroup], stated: list[tuple[Sentence, ResolvedDate]]) -> list[ResolvedDate | None]:
    """Each event's date: the first its sentences state; else 'the next day' after the event before; else the date
    of a sentence just after it telling when it took place; else the latest date stated before it in its paragraph
    or in the two sentences before it (an ACLED note's "On 12 May, ... . 4 soldiers killed.", a news story's next
    line)."""
    dated: list[ResolvedDate | None] = []
    previous: ResolvedDate | None = None
    for group in groups:
        own = _own_date(group)
        if own is None and previous is not None and group.main.chain_days is not None:
            own = ResolvedDate(previous.date + dt.timedelta(days=group.main.chain_days), previous.precision)
        main = group.main.sentence
        before = [
            d
            for s, d in stated
            if s.start < main.start and (s.paragraph == main.paragraph or s.index >= main.index - 2)
        ]
        if _NEW_STORY.match(main.text, main.lead):
            before = []  # "Separately, ... the arrest on Monday": another story, dated by its own words only
        after = _told_after(group, groups, stated)
        # Else a later sentence saying when it took place; else the date told just before; else the story goes on
        # from the event told before it.
        date = own or after or (before[-1] if before else None) or _own_date(group, weak=True) or previous
        dated.append(date)
        previous = date or previous
    return dated


def _told_after(
    group: EventGroup, groups: list[EventGroup], stated: list[tuple[Sentence, ResolvedDate]]
) -> ResolvedDate | None:
    """The date of a sentence just after the event's that tells when a happening took place ('The attack took place
    on Saturday evening'), when no other event is told between them or in it."""
    main = group.main.sentence
    others = {g.main.sentence.index for g in groups if g is not group}
    for sentence, date in stated:
        if not main.index < sentence.index <= main.index + _FOLLOWUP_REACH:
            continue
        if any(main.index < i <= sentence.index for i in others):
            return None
        if _FOLLOWUP_DATE.search(sentence.text, sentence.lead):
            return date
    return None


def _own_date(group: EventGroup, weak: bool = False) -> ResolvedDate | None:
    """The date the event's own sentences give for the happening, the most precise first ('on Sunday' over 'at the
    weekend'); with `weak`, the date of its telling ('the ministry said on Tuesday') when there is no other."""
    strong = [
        (m.date.precision, i, m.date) for i, m in enumerate(group.members) if m.date is not None and not m.date_weak
    ]
    if strong:
        return min(strong)[2]
    weak_dates = [(m.date.precision, i, m.date) for i, m in enumerate(group.members) if m.date is not None]
    return min(weak_dates)[2] if weak and weak_dates else None


def mark_history(groups: list[EventGroup]) -> None:
    """An event whose own sentences date it long before the report's other events is history told as background
    ("took control of Kidal in late 2023", "launched an offensive in April 2021")."""
    own = [_own_date(g) for g in groups]
    for index, (group, date) in enumerate(zip(groups, own, strict=True)):
        others = [
            d.date
            for i, (g, d) in enumerate(zip(groups, own, strict=True))
            if i != index and d is not None and d.precision <= 2 and g.main.modality is None
        ]
        if (
            date is not None
            and others
            and group.main.modality is None
            and is_history(date.date, date.precision, max(others))
        ):
            group.members[0] = replace(group.main, modality="background")
