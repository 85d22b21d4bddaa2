"""Happenings a report dates by a bare year: recalled history, not this report's news.

"The 2019 attack on the same camp killed 24", "the raid of 2020", "En 2019, des jihadistes avaient attaqué le
camp", "Comme en 2021, des terroristes avaient tué deux gendarmes", "l'attaque de 2019 contre le même camp avait
fait 24 morts": a year with no day or month of its own dates a happening told in passing, long before the report.
A clause that also names a particular day ("comme en 2021, des hommes armés ont attaqué lundi le poste") tells
a happening of that day; the year is a comparison. The year words are `clauses.json` `recalled_year`.
"""

from __future__ import annotations

import re
from typing import Any

from ._dates import find_dates
from ._text import load_data

__all__ = ["french_recalled_year", "recalled_year"]

Token = Any

_SPEC = load_data("clauses.json")["recalled_year"]
_YEAR = re.compile(r"(?:19|20)\d\d")
# a date of a particular day (or a week around one): its clause tells that day's happening
_DAY_KINDS = {"iso", "numeric", "dmy", "mdy", "dm", "md", "weekday", "relative", "day_before", "day_of_month",
              "days_ago", "dtg", "numeric_dm", "holiday"}  # fmt: skip
_YEAR_DEPS = {"nummod", "compound", "amod", "npadvmod", "nmod", "poss", "appos"}
_YEAR_PREPS = frozenset(_SPEC["english_preps"])
_SUBJECTS = {"nsubj", "nsubjpass"}
_REACH = 4  # words up the parse from a trigger to the noun of the happening it is part of


def _words(items: list[str]) -> str:
    ordered = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)


# "en 2019", "comme en 2021", "fin 2020": a year dating a French clause; "l'attaque de 2019" dates the happening
# named (not "l'accord de paix de 2015"); "août 2019" is a month's date, no bare year
_YEAR_AFTER = r"\s*(?P<year>(?:19|20)\d\d)\b(?![-/]\d)"
_FRENCH_LEAD_YEAR = re.compile(rf"(?<![\w'’-])(?:{_words(_SPEC['french_leads'])}){_YEAR_AFTER}", re.I)
_FRENCH_NOUN_YEAR = re.compile(rf"\b(?:{_words(_SPEC['french_event_nouns'])})\s+(?:de|d['’]){_YEAR_AFTER}", re.I)
# the pluperfect tells a happening before the story's ("des terroristes avaient tué", "avait été attaqué")
_FRENCH_PLUPERFECT = re.compile(
    r"\b(?:avait|avaient|[ée]tait|[ée]taient)\s+(?:(?:d[ée]j[àa]|[ée]t[ée])\s+)*\w+[ée]s?\b", re.I
)
# where a French clause ends: the year of one clause does not date the next ("..., lundi, comme en 2021")
_FRENCH_BREAK = re.compile(
    rf"[;:]|,\s*(?=(?:{_words(_SPEC['french_clause_openers'])})\b)|\s(?:mais|alors que|tandis que)\s", re.I
)


def _particular_day(text: str) -> bool:
    return any(d.kind in _DAY_KINDS for d in find_dates(text))


def _bare_years(text: str, this_year: int) -> list[tuple[int, int]]:
    """The years of `text` before `this_year` that are no part of a date mention ('3 March 2019', 'avril 2021'
    are dates)."""
    dates = [(d.start, d.end) for d in find_dates(text)]
    return [
        (m.start(), m.end())
        for m in _YEAR.finditer(text)
        if int(m.group()) < this_year
        and not any(s <= m.start() < e for s, e in dates)
        and not (m.start() and text[m.start() - 1].isalnum())
        and not (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end() : m.end() + 2] in ("-0", "/0")))
    ]


def french_recalled_year(text: str, start: int, this_year: int | None) -> bool:
    """The French clause holding the trigger at `start` is dated by a bare year before `this_year` (the report's)
    and names no particular day."""
    if this_year is None:
        return False
    breaks = list(_FRENCH_BREAK.finditer(text))
    begin = max((m.end() for m in breaks if m.end() <= start), default=0)
    end = min((m.start() for m in breaks if m.start() >= start), default=len(text))
    clause = text[begin:end]
    if _particular_day(clause):
        return False
    years = _bare_years(clause, this_year)
    if any((m.start("year"), m.end("year")) in years for m in _FRENCH_NOUN_YEAR.finditer(clause)):
        return True  # "l'attaque de 2019 contre le même camp avait fait 24 morts"
    leads = [m for m in _FRENCH_LEAD_YEAR.finditer(clause) if (m.start("year"), m.end("year")) in years]
    if any(not clause[: m.start()].strip(" ,") and not m.group().lower().startswith("comme") for m in leads):
        return True  # "En 2019, des jihadistes ont attaqué le camp d'Inates": the year opens the clause (a
        # comparison, "Comme en 2021, ...", may open the story's own happening)
    # "Comme en 2021, des terroristes avaient tué deux gendarmes", "le camp avait été attaqué en 2019"; not
    # "ont attaqué le camp, déjà visé en 2019" (a current happening, its place's past)
    return bool(leads) and _FRENCH_PLUPERFECT.search(clause) is not None


def recalled_year(trigger: Token, phrase_text: str, this_year: int | None) -> bool:
    """An English trigger that a bare year dates by the parse: the year modifies it, the happening that is its
    verb's subject, or the happening whose phrase holds it ('the 2019 attack', 'the raid of 2020', 'the 2019 ambush
    killed 24', 'the 2019 attack that killed 24'), the year is before `this_year` (the report's: a report of 2019
    tells 'the 2019 attack' as news) and its own phrase names no particular day."""
    if this_year is None or not any(_dated_by_year(n, this_year) for n in _dating_nodes(trigger)):
        return False
    return not _particular_day(phrase_text)


def _dating_nodes(trigger: Token) -> list[Token]:
    """The trigger, its subjects, and the words above it up to the head of its clause (a clause with a subject
    of its own is dated by its own words)."""
    nodes = [trigger, *(c for c in trigger.children if c.dep_ in _SUBJECTS)]
    node = trigger
    for _ in range(_REACH):
        if node.head.i == node.i or any(c.dep_ in _SUBJECTS for c in node.children):
            break
        node = node.head
        nodes.append(node)
    return nodes


def _dated_by_year(node: Token, this_year: int) -> bool:
    for child in node.children:
        if _is_year(child, this_year) and child.dep_ in _YEAR_DEPS:
            return True  # "the 2019 attack", "2019's attack"
        pobjs = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        if child.lower_ in _YEAR_PREPS and any(_is_year(g, this_year) for g in pobjs):
            return True  # "the attack of 2019", "the raid in 2020"
    return False


def _is_year(token: Token, this_year: int) -> bool:
    return bool(_YEAR.fullmatch(token.text)) and int(token.text) < this_year
