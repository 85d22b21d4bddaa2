"""ACLED's event-note labels: a sentence that is only "Riots (mob violence)." or "Violence against civilians
(abduction/forced disappearance)." states the event's sub-type in ACLED's own words.

Read by the cue vocabulary, such a label is a weak event of its own ("Riots" reads as a violent demonstration).
It is no happening: it says what the note's descriptive sentence tells, so the label's sub-type goes to the event
that sentence yields (the nearest of the same paragraph, one of the label's event type first), and the descriptive
sentence stays the evidence; the paragraph's other sentences of the label's event type take its sub-type too. A
label with no other event beside it codes its own sentence's event.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ._detect import SentenceEvent
from ._ontology import Ontology
from ._segment import Sentence

__all__ = ["apply_note_labels", "stated_sub_type"]

_LABEL = re.compile(r"^\s*(?P<type>[A-Za-z][A-Za-z/ -]{2,60}?)\s*\((?P<sub>[^()]{3,80})\)\s*\.?\s*$")


def _key(words: str) -> str:
    return re.sub(r"[^a-z]+", " ", words.lower()).strip()


def stated_sub_type(text: str, ontology: Ontology) -> str | None:
    """The sub-type a label sentence states ('Riots (mob violence).' -> 'Mob violence'), or None."""
    if "(" not in text:  # most sentences: no regex run over them
        return None
    match = _LABEL.match(text)
    if match is None:
        return None
    wanted = _key(match.group("sub"))
    sub = next((s for s in ontology.type_of if _key(s) == wanted), None)
    if sub is None or _key(ontology.type_of[sub]) != _key(match.group("type")):
        return None
    return sub


def apply_note_labels(
    events: list[SentenceEvent], labels: dict[int, tuple[Sentence, str]], ontology: Ontology
) -> list[SentenceEvent]:
    """The sentence events with each label's sub-type given to the event its paragraph describes, and the label's
    own event dropped when another one is there to take it. `labels`: sentence index -> (label sentence, sub-type)."""
    out = list(events)
    for index, (label, sub) in labels.items():
        described = [e for e in out if e.sentence.paragraph == label.paragraph and e.sentence.index not in labels] or [
            e for e in out if abs(e.sentence.index - index) == 1 and e.sentence.index not in labels
        ]
        own = [e for e in out if e.sentence.index == index]
        if described:
            target = min(
                described, key=lambda e: (e.event_type != ontology.type_of[sub], abs(e.sentence.index - index))
            )
            out = [e for e in out if e not in own]
        elif own:
            target = own[0]
        else:
            continue
        # A note tells one happening: every sentence of its paragraph coded with the label's event type ('No
        # fatalities were reported during the riot') is that happening, in the label's sub-type, so that the
        # merge of a report's sentences makes them one event.
        kind = ontology.type_of[sub]
        same = {id(e) for e in described if e.event_type == kind} | {id(target)}
        out = [replace(e, sub_event_type=sub, event_type=kind) if id(e) in same else e for e in out]
    return out
