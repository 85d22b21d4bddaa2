"""A candidate sentence cut into the clauses that tell happenings of their own.

Communiqués sum up several operations in one sentence ("detachments arrested two support elements in Tebessa,
while another detachment discovered a cache near Khenchela"; "border guards seized fuel at El Tarf; others
arrested twelve migrants in Tlemcen"). A sentence codes at most one event, so each such clause is read as a
sentence of its own; the merge joins again what only completes the clause before it (a toll, the arrests of an
operation). Cut only where both sides hold an eventive cue, and only at a semicolon, at "while"/"whereas"
(French "tandis que"), at "and" before another unit ("and another detachment ..."), or at "and that" joining a
second reported statement ("the army said 40 assailants were killed, and that air strikes destroyed ...").
"""

from __future__ import annotations

import re

from ._ontology import Ontology
from ._segment import Sentence
from ._text import load_data

__all__ = ["split_clauses"]


def _alternation(words: list[str]) -> str:
    """A regex alternation of vocabulary words, longest first, where a space is any run of spaces and an
    apostrophe either apostrophe (the vocabulary is written plainly in the data file)."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(escaped + (r"\s+" if not word.endswith("'") else ""))
    return "(?:" + "|".join(parts) + ")"


def _cut_pattern() -> re.Pattern[str]:
    vocabulary = load_data("clauses.json")
    contrast = _alternation(vocabulary["contrast"])
    conjunction = "(?:" + "|".join(re.escape(word) for word in vocabulary["and"]) + ")"
    next_unit = _alternation(vocabulary["next_unit"])
    units = "(?:" + "|".join(re.escape(word) for word in sorted(vocabulary["units"], key=len, reverse=True)) + ")"
    reported_next = _alternation(vocabulary["reported_next"])
    forces = (
        "(?:"
        + "|".join(re.escape(w) for w in sorted(vocabulary["units"] + vocabulary["forces"], key=len, reverse=True))
        + ")"
    )
    return re.compile(
        rf";\s+|,\s+{contrast}|\s+{contrast}(?=(?:[\w-]+\s+){{0,2}}?{forces}\b)|,?\s+{reported_next}|,?\s+{conjunction}\s+(?={next_unit}(?:[\w-]+\s+){{0,2}}?{units}\b)",
        re.IGNORECASE,
    )


_CUT = _cut_pattern()

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
