"""What opens a line: a dateline in mixed case with its agency ('Niamey (ANP) -') or a place before a colon
('Djibo: two soldiers ...'), both naming where the line's events are."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["agency_dateline", "heads_a_line", "names_a_wire_dateline_city", "opens_an_agency_dateline"]

# A dateline in mixed case ('Niamey (ANP) -', 'Ouagadougou, 12 mars (AIB) —'): a place of a few capitalised words
# opening a line, perhaps its country or a date, then the agency in parentheses and a dash. Without the agency
# such a line is most often a sentence ('Gao - the town ...'): only capitals say dateline then (`_accept`).
_AGENCY_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-Þ][\w'’.-]*(?:[ -][A-ZÀ-Þ][\w'’.-]*){0,3})"
    r"(?:,[ \t]*[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,3}){0,2}[ \t]*\([^)\n]{1,40}\)[ \t]*(?:[—–]|--?[ \t])"
)


def agency_dateline(text: str, start: int = 0) -> re.Match[str] | None:
    """The dateline in mixed case with its agency that opens the line at `start`, if any (see _AGENCY_DATELINE)."""
    return _AGENCY_DATELINE.match(text, start)


@lru_cache(maxsize=8192)
def opens_an_agency_dateline(text: str, start: int, end: int) -> bool:
    """'Niamey (ANP) - ...': the span is the place of a dateline with its agency, opening a line."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    found = agency_dateline(text, start)
    return found is not None and found.end("place") == end


# After a wire dateline's city, nothing but perhaps a date before the agency: 'WASHINGTON (Reuters) —', 'PARIS, March 3
# (AFP) -', 'DAKAR, 12 mars (AFP) -' (not 'GAO, Mali (AP) —', whose country is written).
_ONLY_A_DATE_AFTER = re.compile(
    r"(?:,[ \t]*(?:[A-Z][a-zéû]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}(?:er)?[ \t]+[A-Za-zéû]{3,9}\.?))?[ \t]*\("
)


@lru_cache(maxsize=8192)
def names_a_wire_dateline_city(text: str, start: int, end: int) -> bool:
    """'WASHINGTON (Reuters) —': a city in capitals opening a dateline with its agency and no country or state after
    it. By the agencies' style only cities known the world over stand so, each the one of its own country whatever
    the report goes on about (the Washington of a story about talks in London is the American capital)."""
    return (
        text[start:end].isupper()
        and opens_an_agency_dateline(text, start, end)
        and _ONLY_A_DATE_AFTER.match(text, end) is not None
    )


_COLON_AFTER = re.compile(r"[ \t]*:[ \t]+\S")


@lru_cache(maxsize=8192)
def heads_a_line(text: str, start: int, end: int) -> bool:
    """'Djibo: two soldiers were killed ...': a name opening a line before a colon is what the line is about, as
    field notes and digests write a place before what happened there (the entity model tags few such names)."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _COLON_AFTER.match(text, end) is not None
