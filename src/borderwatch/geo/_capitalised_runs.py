"""Runs of capitalised words (with the connectors inside names: 'Ras el Oued', "Côte d'Ivoire") and every
sub-span of them: the names a text may hold that the entity model did not tag. Connectors are `name_connectors` and
the capitalised words that are no names ('Monday', 'Allah', 'Mr') `capitalised_non_names` of data/recognition.json."""

from __future__ import annotations

import re
from functools import lru_cache

from ._recognition_words import vocabulary

__all__ = ["CAPITALISED", "NAME_LINK", "NON_NAMES", "text_proposals", "trim_span"]

# A capitalised word, also right after a French elided preposition or article ("la commune rurale d'Inékar").
CAPITALISED = re.compile(r"(?:(?<![\w'’.\-])|(?<=(?<!\w)[dlDL]['’]))[A-ZÀ-ÖØ-Þ][\w'’.\-]*")
_CONNECTORS = frozenset(vocabulary()["name_connectors"])
# Between two words of a name: a space or hyphen, with a connector ('Ras el Oued') or an elided one ("Côte d'Ivoire").
NAME_LINK = re.compile(r"[ -](?:(" + "|".join(sorted(_CONNECTORS)) + r")[ -]|([dl]['’]))?")
_GLUED = re.compile(r"\b(?:the|in|at|of|from|near|to|and|on)([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)*)")
_GLUED_START = re.compile(r"^(the|in|at|of|from|near|to)[A-Z][a-z]{2,}")
# French elides 'de' before a vowel ("le camp de réfugiés d'Abala"): the model's span may open with it, and the
# name is what follows ('d'' in lower case only: "D'Kar" and "L'Ariana" are names).
_ELIDED_DE_START = re.compile(r"^d['’](?=[A-ZÀ-Þ])")
NON_NAMES = frozenset(vocabulary()["capitalised_non_names"])
_MAX_RUN = 5


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with lower-case name connectors inside), as lists of word spans; a
    connector's end is stored negative: it cannot end a name."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for match in CAPITALISED.finditer(text):
        if match.group().lower() in NON_NAMES:
            continue
        gap = text[last_end : match.start()]
        joinable = current and last_end == current[-1][1] and not _ends_sentence(text[current[-1][0] : last_end])
        link = NAME_LINK.fullmatch(gap) if joinable else None
        if link is None:
            if current:
                runs.append(current)
            current = []
        elif link.group(1) or link.group(2):
            group = 1 if link.group(1) else 2
            current.append((last_end + link.start(group), -(last_end + link.end(group))))
        current.append((match.start(), match.end()))
        last_end = match.end()
    if current:
        runs.append(current)
    return runs


def _ends_sentence(word: str) -> bool:
    """'Turk.' ends a sentence; 'St.', 'Mt.' and 'U.S.' are abbreviations that go on."""
    return word.endswith(".") and len(word) > 3 and word.count(".") == 1


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return start == 0 or before == "" or before[-1] in '.!?\n"“:'


def text_proposals(text: str) -> list[tuple[int, int, bool]]:
    """Every sub-span (up to five words) of every capitalised run: (start, end, sentence-initial single word)."""
    return list(_text_proposals(text))


# The extractor reads a report's places twice (all of them, then the names after its locative words when nothing
# else says where an event is): the same text's runs are walked once (a seventh of recognition's CPU).
@lru_cache(maxsize=8)
def _text_proposals(text: str) -> tuple[tuple[int, int, bool], ...]:
    spans = []
    for run in _runs(text):
        for i, (start, _) in enumerate(run):
            if run[i][1] < 0:
                continue
            for j in range(i, min(i + _MAX_RUN, len(run))):
                end = run[j][1]
                if end < 0:
                    continue
                s, e = trim_span(text, start, end)
                if e > s:
                    spans.append((s, e, i == j and _sentence_initial(text, s)))
    for match in _GLUED.finditer(text):
        spans.append((match.start(1), match.end(1), False))
    return tuple(spans)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' (also glued: 'theGhadames') or French elided 'd'' ("d'Abala"), and a trailing
    possessive or punctuation, from a span."""
    span = text[start:end]
    lowered = span.lower()
    if lowered.startswith("the ") and len(span) > 4:
        start += 4
    elif glued := _GLUED_START.match(span):
        start += glued.end(1)
    elif elided := _ELIDED_DE_START.match(span):
        start += elided.end()
    while end > start and text[end - 1] in ".,;:'’)":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end
