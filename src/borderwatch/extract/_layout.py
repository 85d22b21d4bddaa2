"""Where a sentence stands in its report: a headline that sums the story up, a dateline that dates the telling.

A headline (the report's title repeated as its first line, or a short first line without a full stop
above the body) tells the happening the body tells: its events join the body's instead of standing as
new ones. A dateline ("BONI, Mali, Nov 14 (Synthetic Wire) —", "Tunis, 2 September 2025 —", a
communiqué's closing "Bamako, 13 May 2025.") dates the report, not the event: no event date is read
inside it, and it stands in for a missing publication date when it gives the year.
"""

from __future__ import annotations

import datetime as dt
import re

from ._dates import find_dates, resolve
from ._segment import Sentence
from ._text import fold

__all__ = ["communique_label", "dateline_date", "dateline_places", "mark_layout"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"
    r"Nov(?:ember)?|Dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|In|At|By|Since|From)\b"
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’.-]*"
_DATELINE = re.compile(
    rf"^(?!{_WEEKDAY})(?P<place>{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}})"  # the place: a few capitalised words
    rf"(?:,\s*(?P<region>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}))?"  # its country or region
    rf",\s*(?P<date>{_MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}(?:er)?\s+{_MONTH}(?:\s+\d{{4}})?)"
    r"\s*(?:\([^)]{1,60}\))?\s*(?:[—–]+|--?\s|\.(?=\s|$)|$)"
)
_END = (".", "!", "?", '."', ".'", ".”", "!”", "?”", ".»")
_MAX_HEADLINE_WORDS = 25


# A communiqué's label opening its text ("Ministry of National Defence communiqué:", "Communiqué of the General
# Staff:", "Déclaration du ministère :"): who speaks, not who acts. Parsed, it heads the sentence and the verbs
# after it hang on "communiqué" instead of on the unit that acted. A few words without a comma: "Gunmen attacked
# the post, the army said in a statement:" is no label.
_LABEL = re.compile(
    r"^[^.:;,\n]{0,80}?\b(?:communiqu[ée]|press release|statement|d[ée]claration)\b[^.:;,\n]{0,60}?\s?:\s+",
    re.IGNORECASE,
)
_LABEL_WORDS = 10
# The issuing ministry or staff alone labels a communiqué too ("Niger MoD:", "Tunisian Ministry of Interior —"), in
# a few words with no digit; a dash ends it as a colon does, before a date that may follow. Not "The defence ministry
# said gunmen killed three soldiers near Boni:", a sentence of its own.
_ISSUER_LABEL = re.compile(
    r"^[^.:;,\n—–\d]{0,60}?\b(?:ministry|minist[èe]re|MoD|general staff|[ée]tat-major)\b[^.:;,\n—–\d]{0,40}?"
    r"(?:\s?:|\s[—–])\s+",
    re.IGNORECASE,
)
_ISSUER_LABEL_WORDS = 6


def _label_end(text: str) -> int:
    if ":" not in text:  # most sentences: no label, and no regex run over them
        return 0
    match = _LABEL.match(text)
    if match and len(match.group().split()) <= _LABEL_WORDS:
        return match.end()
    match = _ISSUER_LABEL.match(text)
    return match.end() if match and len(match.group().rstrip(" :—–").split()) <= _ISSUER_LABEL_WORDS else 0


def mark_layout(sentences: list[Sentence], title: str | None) -> list[Sentence]:
    """The sentences with `headline` and `lead` (the length of a dateline or communiqué label opening them) set."""
    folded_title = " ".join(fold(title).split()) if title else None
    out = []
    for sentence in sentences:
        match = _DATELINE.match(sentence.text)
        headline = _is_headline(sentence, sentences, folded_title)
        lead = match.end() if match else _label_end(sentence.text)
        out.append(sentence._replace(headline=headline, lead=lead))
    return out


def _is_headline(sentence: Sentence, sentences: list[Sentence], folded_title: str | None) -> bool:
    if folded_title and " ".join(fold(sentence.text).split()) == folded_title:
        return True
    if sentence.index != 0 or len(sentences) < 2 or sentences[1].paragraph == sentence.paragraph:
        return False
    return not sentence.text.rstrip().endswith(_END) and len(sentence.text.split()) <= _MAX_HEADLINE_WORDS


def dateline_date(sentences: list[Sentence]) -> dt.date | None:
    """The full date (with its year) of the report's first dateline: the publication date a report without one
    states in its text."""
    for sentence in sentences:
        if sentence.lead:
            for mention in find_dates(sentence.text[: sentence.lead]):
                resolved = resolve(mention, None)
                if resolved is not None and resolved.precision == 1:
                    return resolved.date
    return None


def dateline_places(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Report offsets of the places datelines name ("KASSERINE", "Tunisia" in "KASSERINE, Tunisia, Jan 15 (Wire)
    —"). The parse sees a dateline as blanks, so its places would go unfound; they are the context a sentence
    naming no place of its own falls back on (never the place of a sentence that names one)."""
    spans = []
    for sentence in sentences:
        match = _DATELINE.match(sentence.text) if sentence.lead else None
        if match is not None:
            for name in ("place", "region"):
                if match.group(name):
                    spans.append((sentence.start + match.start(name), sentence.start + match.end(name)))
    return spans


def communique_label(sentences: list[Sentence]) -> str | None:
    """The words of the report's first communiqué label ("Ministry of National Defence communiqué:"): who speaks,
    and so whose are the "our units" of the text (a dateline is no label)."""
    for sentence in sentences:
        if sentence.lead and not _DATELINE.match(sentence.text):
            return sentence.text[: sentence.lead]
    return None
