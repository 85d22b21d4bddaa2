"""Where an event is, for naming its generic actors: its location, else the countries its sentences name (not
those named only across a border from it, nor where its tellers are), else the report's."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..model import Location
from ._merge import EventGroup
from ._registry import load_registry
from ._text import fold, folded_phrases, load_data, phrase_regex

__all__ = ["event_country"]


def event_country(
    group: EventGroup, location: Location | None, report_country: str | None, place_country: str | None = None
) -> str | None:
    """Where the event is, for naming generic actors: its location, else the country its words name, else the
    report's, else the one the report's provinces and capital point to (`place_country`). Where the event's own
    sentences name countries and the location lies in none of them ("in Inata, northern Burkina Faso" resolved to
    a namesake abroad), the text outranks the gazetteer's guess."""
    across, own = _across_the_border(group)
    tellers = _tellers_places(group)
    named = [c for m in group.members for c in m.country_names if c != across and c not in tellers]
    forces = [p.mention.country for m in group.members for p in m.parties if p.mention.force and p.mention.country]
    if location is not None and location.country:
        located = location.country.upper()
        if located == across:
            return own  # "near the border with Mali", resolved to Mali: the event is on the forces' side
        if not named or located in named:
            return located
        return Counter(named).most_common(1)[0][0]
    if not named and report_country is not None:
        # an adjective ("French troops") says who more often than where
        return own if report_country == across else report_country
    for candidates in (named, forces):
        if candidates:
            counts = Counter(candidates)
            if report_country in counts and counts[report_country] == max(counts.values()):
                return report_country
            return counts.most_common(1)[0][0]
    return report_country or place_country or _home_of_named_group(group)


# 'near the border with (the) Mali', 'à la frontière avec le Mali' right before a country's name (roles.json)
_BORDER_WITH = re.compile(
    phrase_regex(load_data("roles.json")["border_markers"]).pattern + r"\s+(?:the\s+|le\s+|la\s+|l\s+)?$"
)


# 'near the Malian border' (the country's word between 'the' and the border, no noun of that side after it), 'à la
# frontière algérienne' (the border before it)
_BORDER_NOUN = phrase_regex(load_data("roles.json")["border_nouns"]).pattern


_THE_BEFORE = re.compile(r"\bthe\s+$")


_BORDER_AFTER = re.compile(
    r"\s+" + _BORDER_NOUN + r"(?!\s+" + phrase_regex(load_data("roles.json")["border_side_nouns"]).pattern + ")"
)


_BORDER_BEFORE = re.compile(_BORDER_NOUN + r"\s+$")


# 'fighters who had crossed from Mali', 'infiltrated from Burkina Faso', 'venus du Mali' right before a country's name
_CROSSED_FROM = re.compile(
    phrase_regex(load_data("roles.json")["crossing_markers"]).pattern + r"\s+(?:the\s+|le\s+|la\s+|l\s+)?$"
)


def _names_across(folded: str, start: int, end: int) -> bool:
    """The country word at folded[start:end] names what lies across a border from the event: the border's other
    side, or where those who crossed it came from."""
    before = folded[max(0, start - 40) : start]
    if _BORDER_WITH.search(before) or _BORDER_BEFORE.search(before) or _CROSSED_FROM.search(before):
        return True
    return bool(_THE_BEFORE.search(before) and _BORDER_AFTER.match(folded, end))


def _across_the_border(group: EventGroup) -> tuple[str | None, str | None]:
    """The country the event's sentences name only across a border from the place ('near the border with Mali',
    'on the Algerian border', 'à la frontière avec le Mali'), and the one country of the event's state forces
    ('..., the Nigerien army said') when it is another: the event is on the forces' side of that border, not in
    the country named."""
    own = {p.mention.country for m in group.members for p in m.parties if p.mention.force not in (None, "auto")}
    own.discard(None)
    if len(own) != 1:
        return None, None
    home = own.pop()
    beyond, elsewhere = _countries_named(group, _names_across)
    beyond -= elsewhere | {home}
    return (beyond.pop(), home) if len(beyond) == 1 else (None, None)


# "Malian refugees in Niger said", "sources in Mali told": the country is where the tellers are, not the event
_TELLERS_IN = re.compile(r"\bin\s+(?:the\s+)?$")


_TELLING_AFTER = re.compile(
    r"\s*,?\s+" + phrase_regex(folded_phrases(load_data("roles.json")["telling_verbs"])).pattern
)


# "Egypt's foreign ministry said": the country's name, its possessive (the apostrophe folded to a space) and one of
# the institutions that speak for its people abroad (roles.json abroad_tellers); "Mali's army said" may well tell
# of Mali
_TELLING_OWNER = re.compile(r"\s+s\s+" + phrase_regex(load_data("roles.json")["abroad_tellers"]).pattern)


def _tellers_places(group: EventGroup) -> set[str]:
    """The countries the event's sentences name only as where its tellers are ('refugees in Niger said') or whose
    institution for its people abroad tells it ('Egypt's foreign ministry said', of Egyptians abducted in Libya)."""
    telling, other = _countries_named(
        group,
        lambda folded, start, end: bool(
            (_TELLERS_IN.search(folded[max(0, start - 12) : start]) and _TELLING_AFTER.match(folded, end))
            or _TELLING_OWNER.match(folded, end)
        ),
        names_only=True,  # "four Egyptian workers": an adjective names whose, and the named countries are names
    )
    return telling - other


def _countries_named(
    group: EventGroup, named_so: Callable[[str, int, int], bool], names_only: bool = False
) -> tuple[set[str], set[str]]:
    """The countries the event's sentences name, split into those named so (`named_so(folded sentence, start, end)`
    at one of their mentions) and those named otherwise at one of them; with `names_only`, by their names alone."""
    registry = load_registry()
    so: set[str] = set()
    otherwise: set[str] = set()
    for member in group.members:
        text = member.sentence.text
        folded = fold(text)
        for start, end, code in registry.countries_in(text):
            if names_only and not registry.is_country_name(text[start:end]):
                continue
            (so if named_so(folded, start, end) else otherwise).add(code)
    return so, otherwise


def _home_of_named_group(group: EventGroup) -> str | None:
    """Nothing says where: the country of the one named armed group of the event that keeps to one country ('the
    army fought FLA rebels near Anefis' is Mali's army), rather than forces of no country at all."""
    homes = {
        only.country
        for m in group.members
        for p in m.parties
        if len(p.mention.named) == 1
        for only in p.mention.named
        if only.type in (2, 3, 4) and only.country and len(only.countries) <= 1
    }
    return homes.pop() if len(homes) == 1 else None
