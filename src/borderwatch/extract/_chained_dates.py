"""Days counted from the event told before: 'the next day', 'two days later', 'a week later', 'la veille',
'deux jours plus tard', 'une semaine plus tard', '48 hours later'.

The words are data (`chained_dates` in data/ontology.json): fixed phrases with their days, and counts of a unit
('a week', 'deux jours', '48 heures') followed by a direction ('later', 'plus tard', 'earlier', 'auparavant').
"""

from __future__ import annotations

import re

from ._text import load_data, phrase_alternation

__all__ = ["chain_days"]

_DATA = load_data("ontology.json")["chained_dates"]
_NUMBERS: dict[str, int] = _DATA["numbers"]
_UNITS: dict[str, float] = _DATA["units"]  # days in one unit (an hour is 1/24)
_LATER: list[str] = _DATA["later"]
_EARLIER: list[str] = _DATA["earlier"]
_FIXED: dict[str, int] = _DATA["fixed"]


_COUNTED = re.compile(
    rf"(?<![\w-])(?P<n>{phrase_alternation(list(_NUMBERS))}|\d{{1,3}})\s+(?P<unit>{phrase_alternation(list(_UNITS))})\s+"
    rf"(?P<dir>{phrase_alternation(_LATER + _EARLIER)})(?![\w-])",
    re.IGNORECASE,
)
_PHRASE = re.compile(rf"(?<![\w-])(?P<fixed>{phrase_alternation(list(_FIXED))})(?![\w-])", re.IGNORECASE)
_LOWER = {" ".join(k.lower().split()): v for k, v in _FIXED.items()}
_NUMBER_LOWER = {k.lower(): v for k, v in _NUMBERS.items()}
_UNIT_LOWER = {k.lower(): v for k, v in _UNITS.items()}
_EARLIER_LOWER = {" ".join(w.lower().split()) for w in _EARLIER}


def chain_days(text: str) -> int | None:
    """Days from the event told before that the sentence's first such words give; None when they give none or no
    whole number of days ('36 hours later')."""
    counted = _COUNTED.search(text)
    fixed = _PHRASE.search(text)
    if fixed is not None and (counted is None or fixed.start() < counted.start()):
        return _LOWER[" ".join(fixed.group("fixed").lower().split())]
    if counted is None:
        return None
    raw = counted.group("n").lower()
    number = int(raw) if raw.isdigit() else _NUMBER_LOWER[raw]
    days = number * _UNIT_LOWER[" ".join(counted.group("unit").lower().split())]
    if days != int(days) or days == 0:
        return None
    direction = " ".join(counted.group("dir").lower().split())
    return -int(days) if direction in _EARLIER_LOWER else int(days)
