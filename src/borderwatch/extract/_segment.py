"""Sentences with their offsets in the report text: a rule splitter, fast enough to run on every report.

The neural pipeline runs only on the sentences that can hold an event, so the
split itself must not need it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Sentence", "split_sentences"]

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "capt",
        "maj",
        "sgt",
        "cpl",
        "pte",
        "adm",
        "brig",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "prof",
        "rev",
        "st",
        "no",
        "nos",
        "vol",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "mt",
        "ft",
        "vs",
        "al",
        "etc",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
    ]
)
# (a summary's next item may open on its bullet: "... 3 soldiers killed. - 6 March, Djibo: ...")
_BREAK = re.compile(r"""[.!?]+["'”’»)\]]*(?=\s+(?:[-–—•*]\s+)?["'“‘«(\[]?[A-Z0-9À-Ý])|\n\s*\n|\n""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.?$")
# "1. Menaka region: ...", "2. Gao region: ...": a numbered list's item number opens its line and its sentence, its dot
# ends nothing (split off, it left the item without the number that marks it as the next item of a list)
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*\d{1,2}$")


class Sentence(NamedTuple):
    """A sentence: its text, its offsets in the report text and the paragraph it belongs to."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int = 0  # position among the report's sentences
    headline: bool = False  # the report's headline (see `_layout`)
    lead: int = 0  # characters of a dateline opening the sentence, where no event date is read


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; a line break ends both a sentence and a paragraph."""
    sentences: list[Sentence] = []
    paragraph, start = 0, 0
    for match in _BREAK.finditer(text):
        if match.group().startswith((".", "!", "?")) and (
            _is_abbreviation(text, match.start()) or _ends_on_list_number(text, match.start())
        ):
            continue
        end = match.end() if match.group()[0] in ".!?" else match.start()
        _append(sentences, text, start, end, paragraph)
        if "\n" in match.group():
            paragraph += 1
        start = match.end()
    _append(sentences, text, start, len(text), paragraph)
    return sentences


def _ends_on_list_number(text: str, end: int) -> bool:
    """Whether `text[:end]` ends on a list item's number (`_LIST_NUMBER`). Only its last two lines can hold the
    match (the number's line, and the line before where the number's line is empty but for its break): searched
    from there, not from the text's start at every dot, which cost a report's length for each of its sentences."""
    last_break = text.rfind("\n", 0, end)
    line_before = text.rfind("\n", 0, max(0, last_break))
    return _LIST_NUMBER.search(text, max(0, line_before), end) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    # A single capital letter is an initial ("Ahmed A. Saleh"); a known abbreviation never ends a sentence.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    sentences.append(Sentence(stripped, offset, offset + len(stripped), paragraph, len(sentences)))
