"""Names written with the kind of their division or with an office of a state ('Kidal region', 'la wilaya de
Tamanrasset', 'the governor of Kasserine', 'le cercle de Koro'): they name the division, not a town, and a kind that
few countries use says which countries (data/division_kind_countries.json). Kind words and connectors are
`division_words_after`, `division_words_before` and `division_connectors` of data/recognition.json."""

from __future__ import annotations

import re
from functools import lru_cache

from ._normalise import name_key
from ._recognition_words import vocabulary
from ._sources import data_file

__all__ = [
    "division_kind_after",
    "division_kind_countries",
    "division_s_name",
    "names_a_division",
    "names_an_office_s_seat",
]

_COMMA_BEFORE = re.compile(r"[,(]\s*$")


@lru_cache(maxsize=1)
def _office_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(section: str) -> str:
        return "|".join(re.escape(w) for w in sorted(vocabulary()[section], key=len, reverse=True))

    after = re.compile(rf"\s+(?:{alternation('office_titles_after')})(?![\w-])")
    before = re.compile(rf"(?<![\w-])(?:{alternation('office_titles_before')})\s+(?:the\s+)?$")
    return after, before


def names_an_office_s_seat(text: str, start: int, end: int) -> bool:
    """The name written with an office or assembly of a state, province or country ('New York Gov.', 'the Alberta
    legislature', 'the governor of Kasserine', 'the wilaya of Adrar'): it names the division, not a town."""
    after, before = _office_patterns()
    return bool(after.match(text, end)) or bool(before.search(text[max(0, start - 30) : start]))


@lru_cache(maxsize=1)
def _division_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The kind of a division written after a name ('Kidal region') or before it with 'of' or 'de' ('wilaya de
    Tamanrasset'): as written around a span, and as they read in a name key (folded: 'daira de bordj ...')."""

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    words = vocabulary()
    after, before = words["division_words_after"], words["division_words_before"]
    connectors = words["division_connectors"]
    keyed = [name_key(w) for w in connectors if name_key(w)] + ["d'"]
    return (
        re.compile(rf"\s+(?:{alternation(after)})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{alternation(before)})\s+(?:{alternation(connectors)})\s*$", re.IGNORECASE),
        re.compile(rf"(?P<name>.+?)\s+(?:{alternation([name_key(w) for w in after])})"),
        re.compile(rf"(?:{alternation([name_key(w) for w in before])})\s+(?:{alternation(keyed)})\s*(?P<name>.+)"),
    )


def division_kind_after(text: str, start: int, end: int) -> bool:
    """'Kourakou, Torodi department', 'Tabatol (Ansongo circle)': a name after a comma or an opening parenthesis
    with the kind of its division written right after it is the division of the place before it, presented as a
    place as a locative word presents one, whatever the entity model made of it (a person, an organisation,
    nothing), so that a village's location line names its country. Only there: elsewhere ('Giza's Haram district')
    the kind names a quarter of a city that the gazetteer holds only as a namesake abroad."""
    return bool(_COMMA_BEFORE.search(text, max(0, start - 3), start)) and bool(_division_patterns()[0].match(text, end))


def names_a_division(text: str, start: int, end: int) -> bool:
    """The name written with the kind of its division, in its span or around it ('the Ouargla wilaya', 'Kidal
    region', 'the cercle de Niono', 'Region of Peel'): it names the division (or a region), not a town."""
    after, before, _, _ = _division_patterns()
    if after.match(text, end):
        return True
    # Most names follow no connector: the search for the kind word before one is skipped for them.
    preceding = text[max(0, start - 40) : start]
    if preceding.rstrip().lower().endswith(_connector_ends()) and before.search(preceding):
        return True
    return division_s_name(name_key(text[start:end])) is not None


@lru_cache(maxsize=1)
def _kind_countries_patterns() -> tuple[dict[str, frozenset[str]], re.Pattern[str], re.Pattern[str]]:
    """The division kinds few countries use (data/division_kind_countries.json) by lower-case word, and the patterns
    of one written after a name and before it with a connector ('Ansongo circle', 'le cercle de Koro')."""
    table = {
        kind.lower(): frozenset(countries)
        for kind, countries in data_file("division_kind_countries.json")["kinds"].items()
    }
    kinds = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    connectors = "|".join(re.escape(c) for c in sorted(vocabulary()["division_connectors"], key=len, reverse=True))
    return (
        table,
        re.compile(rf"\s+(?P<kind>{kinds})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?P<kind>{kinds})\s+(?:{connectors})\s*$", re.IGNORECASE),
    )


@lru_cache(maxsize=8192)
def division_kind_countries(text: str, start: int, end: int) -> frozenset[str]:
    """The countries whose divisions are of the kind written with the name, when few countries use that kind ('le
    cercle de Koro', 'the Ansongo circle', 'la commune rurale de Tillia'); empty for any other name."""
    table, after, before = _kind_countries_patterns()
    preceding = text[max(0, start - 40) : start]
    found = after.match(text, end) or (
        before.search(preceding) if preceding.rstrip().lower().endswith(_connector_ends()) else None
    )
    return table[found.group("kind").lower()] if found else frozenset()


@lru_cache(maxsize=1)
def _connector_ends() -> tuple[str, ...]:
    return tuple({c.lower().rsplit(" ", 1)[-1] for c in vocabulary()["division_connectors"]})


@lru_cache(maxsize=16384)
def division_s_name(key: str) -> str | None:
    """The name inside a division's name key written with its kind ('wilaya de tamanrasset', 'ansongo cercle',
    'guma local government area' -> 'tamanrasset', 'ansongo', 'guma'); None when it is not written so."""
    _, _, after, before = _division_patterns()
    found = after.fullmatch(key) or before.fullmatch(key)
    if found is None:
        return None
    name = found.group("name")
    # 'department of state' is no division named 'department of': a name ends in no connector or kind word.
    last = name.rsplit(" ", 1)[-1]
    return None if last in _division_vocabulary_keys() else name


@lru_cache(maxsize=1)
def _division_vocabulary_keys() -> frozenset[str]:
    words = vocabulary()
    every = words["division_words_after"] + words["division_words_before"] + words["division_connectors"]
    return frozenset(part for w in every for part in name_key(w).split()) | {"d'"}
