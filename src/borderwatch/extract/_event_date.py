"""The day a sentence's event happened: of the dates a sentence tells, the one that dates its trigger rather than
the telling ('said on Monday') or a reaction ('condemned on Wednesday the killing ... on Monday'), in English by the
parse and in French by the words around the day; a weekday told beside a dated telling resolves against that telling.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ._dates import DateMention, ResolvedDate, resolve
from ._lex import doc_text, is_verb, lemma, register_bases
from ._ontology import CueHit
from ._roles_fr import is_french
from ._text import load_data

__all__ = ["dates_reporting", "event_date", "resolve_event_date"]

_ABSOLUTE = {"iso", "numeric", "dmy", "mdy", "dm", "md", "month_year"}
# a reaction's day dates the reaction, as a telling's does ("condemned on Wednesday the killing ... on Monday")
_REACTING = frozenset(load_data("clauses.json")["reaction_verbs"]["english"])
_REPORTING = {
    "say", "tell", "announce", "report", "confirm", "state", "declare", "add", "claim", "reveal", "indicate", *_REACTING
}  # fmt: skip


def event_date(doc: Any, dates: list[DateMention], anchor: CueHit | None) -> DateMention | None:
    """The date nearest the trigger, preferring one that does not date the telling ('said on Monday')."""
    if not dates:
        return None
    if anchor is None:
        return dates[0]
    own = [d for d in dates if not dates_reporting(doc, d)] or _beside_telling(doc, dates)
    stated = [d for d in own if d.kind in _ABSOLUTE] or own  # "On 5 June 2021, ... overnight attack": the date
    # In the trigger's own clause first: "Funerals were held on Friday for soldiers killed when a bomb struck their
    # convoy last Monday" dates the bomb to Monday.
    clause = _clause_at(doc, anchor.start, anchor.end)
    same = [d for d in stated if clause is not None and _clause_at(doc, d.start, d.end) == clause]
    return min(same or stated, key=lambda d: min(abs(d.start - anchor.end), abs(anchor.start - d.end)))


def resolve_event_date(
    doc: Any, dates: list[DateMention], mention: DateMention | None, published: dt.date | None
) -> ResolvedDate | None:
    """The event's date; a weekday told beside a dated telling ('the army said on Monday that gunmen had killed
    three herders on Tuesday') is the last such day up to the telling, not up to publication (a week later)."""
    if mention is None:
        return None
    if mention.kind != "weekday" or published is None or dates_reporting(doc, mention):
        return resolve(mention, published)
    for other in dates:
        if other is mention or not dates_reporting(doc, other):
            continue
        told = resolve(other, published)
        if told is not None and told.precision == 1 and told.date <= published:
            return resolve(mention, told.date)
    return resolve(mention, published)


def _beside_telling(doc: Any, dates: list[DateMention]) -> list[DateMention]:
    """Every date hangs on a verb of telling ('announced on Saturday the neutralisation of four terrorists ... on
    Thursday'): the one next to the verb dates the telling, the others the happening told (when there are any)."""
    by_verb: dict[int, list[DateMention]] = {}
    for date in dates:
        verb = _reporting_verb(doc, date)
        by_verb.setdefault(verb.idx if verb is not None else -1, []).append(date)
    telling = {id(min(ds, key=lambda d: abs(d.start - at))) for at, ds in by_verb.items()}
    return [d for d in dates if id(d) not in telling] or dates


def _clause_at(doc: Any, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root
    for _ in range(8):
        if (is_verb(node) and node.dep_ not in ("pobj", "pcomp", "dobj")) or node.head.i == node.i:
            return node.i
        node = node.head
    return node.i


def dates_reporting(doc: Any, date: DateMention) -> bool:
    text = doc_text(doc)
    if is_french(text):  # the English parse of a French sentence hangs its days anywhere
        return _french_telling_date(text, date)
    return _reporting_verb(doc, date) is not None


_FRENCH_TELLING = "|".join(
    re.escape(v).replace(r"\ ", r"\s+") for v in load_data("clauses.json")["french_telling"]["verbs"]
)
# "Dimanche, l'armée a annoncé que ...": the day, then who tells, the verb of telling and "que" in a few words
_FRENCH_TELLING_AFTER = re.compile(
    rf"^\s*,?\s*(?:[\w'’-]+\s+){{0,5}}?(?:a|ont|avait|avaient)\s+(?:{_FRENCH_TELLING})\s+(?:[\w'’-]+\s+){{0,2}}?qu(?:e\b|['’])",
    re.IGNORECASE,
)
# "l'état-major a indiqué samedi que ...": the verb of telling right before the day, "que" right after it
_FRENCH_TELLING_BEFORE = re.compile(rf"\b(?:a|ont|avait|avaient)\s+(?:{_FRENCH_TELLING})(?:\s+ce)?\s*$", re.IGNORECASE)
# "L'UE a dénoncé mardi l'assassinat de ...": a reaction's day, right after its verb, dates the reaction
_FRENCH_REACTING = "|".join(re.escape(v) for v in load_data("clauses.json")["reaction_verbs"]["french"])
_FRENCH_REACTION_BEFORE = re.compile(
    rf"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:{_FRENCH_REACTING})\s*$", re.IGNORECASE
)
_FRENCH_QUE_AFTER = re.compile(r"^\s*(?:dernier\s+|matin\s+|soir\s+)?,?\s*qu(?:e\b|['’])", re.IGNORECASE)
# "..., tuant trois soldats, a indiqué lundi le ministère": a telling set between commas after what it tells (an
# incise), its day right after the verb, whoever tells after the day
_FRENCH_INCISE_BEFORE = re.compile(
    rf"(?:,|»|\")\s*(?:a|ont)\s+(?:{_FRENCH_TELLING})(?:\s+ce)?\s*$|"
    rf"\b(?:a|ont)-t-(?:il|elle|ils|elles)\s+(?:{_FRENCH_TELLING})(?:\s+ce)?\s*$",
    re.IGNORECASE,
)


def _french_telling_date(text: str, date: DateMention) -> bool:
    """A French day that dates the telling: 'Dimanche, l'armée a annoncé que ...', 'a indiqué samedi que ...',
    '..., a indiqué lundi le ministère', or a reaction: 'a condamné mardi l'attaque de ...'."""
    after = text[date.end : date.end + 120]
    if _FRENCH_TELLING_AFTER.search(after):
        return True
    if _FRENCH_INCISE_BEFORE.search(text[max(0, date.start - 40) : date.start]):
        return True
    if _FRENCH_REACTION_BEFORE.search(text[max(0, date.start - 40) : date.start]):
        return True
    return bool(_FRENCH_TELLING_BEFORE.search(text[max(0, date.start - 40) : date.start])) and bool(
        _FRENCH_QUE_AFTER.search(after)
    )


_POSSESSIVE = re.compile(r"['’]s\b")
_POSSESSIVE_END = re.compile(r"['’]s$")


def _reporting_verb(doc: Any, date: DateMention) -> Any:
    """The verb of telling a date hangs on ('said on Monday'), if it hangs on one. A possessive date dates the noun
    it stands before, never a telling ('claimed Wednesday's rocket fire': Wednesday is the fire's day)."""
    text = doc_text(doc)
    if _POSSESSIVE.match(text, date.end) or _POSSESSIVE_END.search(text[date.start : date.end]):
        return None
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    before = span[0].i - 1 - (span[0].lower_ != "on" and span[0].i > 0 and doc[span[0].i - 1].lower_ == "on")
    if before >= 0 and is_verb(doc[before]) and lemma(doc[before]) in _REPORTING:
        return doc[before]  # "said on Thursday it had repelled ...": the parser often hangs the date on the clause
    node = span.root
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if is_verb(node):
            return node if lemma(node) in _REPORTING else None
    return None


register_bases(_REPORTING)
