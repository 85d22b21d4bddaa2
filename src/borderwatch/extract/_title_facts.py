"""A report's title that its text does not repeat: a headline read apart from the body.

"Nine soldiers killed in attack on Boulkessi post" as the title over a body that says only "the attack left
several dead among the troops": the title's toll (its date, its actors) belongs to the body's event, but no
sentence of the text carries it. The title is read as a headline sentence of its own, at no offset of the
text, whose events only ever join an event the body tells: it never codes an event, never becomes an event's
main sentence (its evidence), and never changes how the body's sentences group. A title that names a place or a
date the body's event does not is another happening (an earlier attack the story follows up) and joins nothing; a
body that names no place at all takes the title's.
"""

from __future__ import annotations

from dataclasses import replace

from ._detect import SentenceEvent
from ._merge import EventGroup, merge_events
from ._place_hints import locative_name_spans
from ._segment import Sentence
from ._text import fold, load_data, phrase_regex

__all__ = ["is_title", "title_sentence", "toll_view", "with_title_events"]

# "several dead", "plusieurs morts": a count of the dead that gives no number
_UNCOUNTED = phrase_regex(load_data("title_facts.json")["uncounted_dead"]["words"])


def title_sentence(title: str | None, sentences: list[Sentence]) -> Sentence | None:
    """The title as a headline sentence, when the text neither repeats it nor opens with a headline of its own."""
    if not title or not title.strip():
        return None
    if any(s.headline for s in sentences):
        return None  # the text's own first line sums the story up; the title would tell it twice
    folded = " ".join(fold(title).split())
    if any(" ".join(fold(s.text).split()) == folded for s in sentences):
        return None
    text = title.strip()
    # no offsets in the report text: index -1 places it before every sentence, paragraph -1 in none of theirs
    return Sentence(text, 0, 0, -1, -1, headline=True)


def is_title(event: SentenceEvent) -> bool:
    return event.sentence.index < 0


def with_title_events(body: list[SentenceEvent], title: list[SentenceEvent]) -> list[EventGroup]:
    """The body's groups, as merging makes them without the title, with each title event added (last) to the body
    event it sums up when it names no place and no date that event does not."""
    groups = merge_events(body)
    if not title or not groups:
        return groups
    # merging the body anew gives the same groups (a merged main may be a copy): a group is found by its sentences
    by_sentence = {(m.sentence.start, m.sentence.end): g for g in groups for m in g.members}
    for joined in merge_events(body + title):
        added = [m for m in joined.members if is_title(m)]
        spans = [(m.sentence.start, m.sentence.end) for m in joined.members if not is_title(m)]
        target = next((by_sentence[s] for s in spans if s in by_sentence), None)
        if added and target is not None:
            target.members += [m for m in added if _same_happening(m, target)]
    return groups


def _same_happening(title: SentenceEvent, group: EventGroup) -> bool:
    # the parse's places and the names locative words put in the title ("tués à Tongo Tongo", which the English
    # model seldom tags)
    names = [name for _, _, name in title.places]
    names += [title.sentence.text[start:end] for start, end in locative_name_spans(title.sentence.text)]
    told = " ".join(fold(m.sentence.text) for m in group.members)
    if any(fold(name) not in told for name in names) and any(m.places for m in group.members):
        # "... attack on Boulkessi post" over a body about Djibo; over a body that names no place at all ("gunmen
        # attacked their patrol"), the title's place is where the body's event was
        return False
    if title.date is not None and not title.date_weak:
        dates = [m.date for m in group.members if m.date is not None and not m.date_weak]
        if dates and all(d.date != title.date.date for d in dates):
            return False
    return True


def toll_view(group: EventGroup) -> EventGroup:
    """The group as its toll is counted: a body that counts its dead only without a number ("left several dead among
    the troops") gives way to the title's figure ("Nine soldiers killed ..."), so its vague counts are set aside
    (a headline's count is read only where the body gives none). A body's own figure always stands."""
    titled = [m for m in group.members if is_title(m) and any(q.kind == "fatalities" for q in m.quantities)]
    if not titled:
        return group
    body = [q for m in group.members if not is_title(m) for q in m.quantities if q.kind == "fatalities"]
    if not body or not all(_is_uncounted(q.text) for q in body):
        return group
    members = [
        m if is_title(m) else replace(m, quantities=[q for q in m.quantities if q.kind != "fatalities"])
        for m in group.members
    ]
    return replace(group, members=members)


def _is_uncounted(count: str) -> bool:
    match = _UNCOUNTED.search(fold(count))
    return match is not None and match.start() == 0
