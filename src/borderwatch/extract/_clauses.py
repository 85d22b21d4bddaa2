"""A candidate sentence cut into the clauses that tell happenings of their own.

Communiqués sum up several operations in one sentence ("detachments arrested two support elements in Tebessa,
while another detachment discovered a cache near Khenchela"; "border guards seized fuel at El Tarf; others
arrested twelve migrants in Tlemcen"). A sentence codes at most one event, so each such clause is read as a
sentence of its own; the merge joins again what only completes the clause before it (a toll, the arrests of an
operation). Cut only where both sides hold an eventive cue, and only at a semicolon, at "while"/"whereas"
(French "tandis que"), or at "and" before another unit ("and another detachment ...").
"""

from __future__ import annotations

import re

from ._ontology import Ontology
from ._segment import Sentence

__all__ = ["split_clauses"]

_CUT = re.compile(
    r";\s+|,\s+(?:while|whereas|tandis\s+qu(?:e\s+|['’]))|"
    r",?\s+(?:and|et)\s+(?=(?:another|other|a\s+second|a\s+third|un\s+autre|une\s+autre|d['’]autres)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:detachments?|units?|patrols?|teams?|squads?|détachements?|unités?|patrouilles?|"
    r"équipes?)\b)",
    re.IGNORECASE,
)
_MIN_CLAUSE = 25  # characters: a shorter piece ("; two wounded") only finishes the clause before it


def split_clauses(sentence: Sentence, ontology: Ontology) -> list[Sentence]:
    """The sentence's clauses that can each hold an event, as sentences with their own offsets; the sentence
    itself when it has no such cut."""
    text = sentence.text
    bounds = [0]
    for match in _CUT.finditer(text, sentence.lead):
        left, right = text[bounds[-1] : match.start()], text[match.end() :]
        if len(left.strip()) < _MIN_CLAUSE or len(right.strip()) < _MIN_CLAUSE:
            continue
        if not (ontology.is_candidate(ontology.scan(left)) and ontology.is_candidate(ontology.scan(right))):
            continue
        bounds += [match.start(), match.end()]
    if len(bounds) == 1:
        return [sentence]
    bounds.append(len(text))
    pieces = []
    for i in range(0, len(bounds), 2):
        start, end = bounds[i], bounds[i + 1]
        while start < end and text[start].isspace():
            start += 1
        pieces.append(
            sentence._replace(
                text=text[start:end],
                start=sentence.start + start,
                end=sentence.start + end,
                lead=sentence.lead if start == 0 else 0,
            )
        )
    return pieces
