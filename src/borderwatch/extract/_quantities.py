"""Quantities in a sentence: fatalities by ACLED's rules; injured, arrested, hostages, fighters, weapons, vehicles,
posts.

A quantity is a number (digits, words, or a vague word: "dozens" = 12, "tens" = 10,
"hundreds" = 100) next to a word that says what it counts. Qualifiers keep what the
text says ("more than 20" is at least 20); fatalities take the most conservative
figure the sentence gives for each group and add distinct groups ("two soldiers and
three civilians were killed" = 5). The patterns it runs are built in _quantity_patterns.py; who the dead were, item
by item, is read in _dead_lists.py, which side a count is of in _side_counts.py, and a count itself is a
`_quantity_mention.QuantityMention`. Years, days of months and scare quotes are masked before the patterns run
(_quantity_masks.py); what is adjusted after the first reading (more dead told elsewhere, a pronoun's death, each
side's counts, "rose to", running totals and subsets left out) is in _toll_adjustments.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Quantity
from ._dead_lists import (
    DEAD_LISTED,
    DEAD_LISTED_AFTER,
    following_list,
    labelled_list,
    listed_deaths,
    ranked_deaths,
    who_the_dead_were,
)
from ._quantity_masks import without_scare_quotes, without_years
from ._quantity_mention import (
    MORE_WORDS,
    PERPETRATOR_WORDS,
    TOTAL_WORDS,
    WORDS_OF,
    QuantityMention,
    counted_noun,
    group_words,
    is_person_noun,
    parse_number,
)
from ._quantity_patterns import (
    BARE_NUMBER,
    COMPILED,
    CONTINUATION,
    COUNT_BEFORE,
    COUNT_FIRST,
    COUNT_START,
    ENDS_WITH_VERB,
    INJURE_VERB,
    KILLED_CONTINUATION,
    LABEL_INDEX,
    LIST_QUALIFIER,
    NOUN_KIND,
    NUMBER,
    OF_NAME,
    OF_WHAT,
    PEOPLE_AFTER,
    QUALIFIERS,
    SINGULAR_KILLED,
    VERB_FIRST,
    WORDS,
)
from ._side_counts import SIDE_AFTER
from ._toll_adjustments import adjusted_counts, is_bomber_death, with_other_places

__all__ = [
    "DEAD_LISTED",
    "DEAD_LISTED_AFTER",
    "MORE_WORDS",
    "PERPETRATOR_WORDS",
    "TOTAL_WORDS",
    "QuantityMention",
    "counted_noun",
    "fatalities_of",
    "find_quantities",
    "is_bomber_death",
    "is_person_noun",
    "parse_number",
    "to_quantities",
]


_HINT = re.compile(
    r"\d|\b(?:"
    + "|".join(re.escape(w) for w in WORDS if w not in ("a", "an", "un", "une", "some"))
    + r")\b|kill|dead|died|shot|execut|behead|assassin|murder|lynch|to death|blew|neutrali|eliminat|slain|gunned|"
    r"fell|martyr|perish|bodies|body|corpses|corps|cadavres|KIA|péri|mort|succumb|lost|loss|perdu|tu[ée]|tuant|abatt|[ée]limin|ex[ée]cut|"
    r"d[ée]c[ée]d|d[ée]c[èe]s|death|tomb[ée]|succomb|fatally|mortally|mortellement|l['’][âa]me|lynch|battu|lives|life|"
    r"perte|co[uû]t[ée] la vie|pay[ée] de|dead",
    re.IGNORECASE,
)


# "two of them fell in a residential area": shells fall too; a count that names no person falls dead only in combat
_FELL = re.compile(r"\b(?:fell|tomb[ée]e?s)$", re.IGNORECASE)
_FELL_IN_COMBAT = re.compile(
    r"\s+(?:in\s+(?:combat|action|battle|the\s+line\s+of\s+duty)|on\s+the\s+(?:battle)?field|as\s+martyrs|"
    r"with\s+(?:honou?r|(?:their|his|her)\s+arms?))\b",
    re.IGNORECASE,
)


_TIME_SPAN = re.compile(
    r"\s+(?:hours?|days?|weeks?|months?|years?|minutes?|km|kilometres?|kilometers?|heures?|jours?|semaines?|mois|ans)\b",
    re.IGNORECASE,
)


def _fell_unnamed(text: str, m: re.Match[str]) -> bool:
    return not m.groupdict().get("noun") and bool(_FELL.search(m.group())) and not _FELL_IN_COMBAT.match(text, m.end())


# "4 soldats tombés, 7 blessés et 21 terroristes neutralisés", "5 killed and 4 wounded on our side and fifteen
# terrorists neutralised": a number the wounded word follows, then a list's joint or a side, counts the wounded, however
# the killing verb at the list's end reads it ("two wounded soldiers died" names the dead, a noun after the word)
_WOUNDED_COUNT = re.compile(
    rf"\s+{INJURE_VERB}(?=\s*(?:[,;]|and\b|et\b|on\b|in\b|among\b|côté\b|du\s+côté\b|dans\b|parmi\b|chez\b))",
    re.IGNORECASE,
)


_WOUNDED_COUNT_AT = re.compile(rf"(?:{LIST_QUALIFIER}\s+)?{NUMBER}{_WOUNDED_COUNT.pattern}", re.IGNORECASE)


def _counts_the_wounded(text: str, m: re.Match[str]) -> bool:
    return _WOUNDED_COUNT.match(text, m.end("num")) is not None


def _death_starts(text: str, starts: list[int]) -> list[int]:
    """The starts a count of the dead may take: not a count of the wounded, whose rejected match would hide the
    counts after it ('4 wounded on our side and 15 terrorists neutralised')."""
    return [s for s in starts if _WOUNDED_COUNT_AT.match(text, s) is None]


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in a sentence; one mention per number, the most specific kind first."""
    unquoted = without_scare_quotes(text)  # (the mentions' words unquoted too: 'killing "several terrorists"' is vague)
    read = without_years(unquoted)
    found = _quantities_in(read)
    if read == unquoted:
        return found
    # the mentions quote the sentence as written, years and days included
    return [replace(q, text=unquoted[q.start : q.end].strip()) if q.text not in unquoted else q for q in found]


def _quantities_in(text: str) -> list[QuantityMention]:
    if _HINT.search(text) is None:
        return []  # no number and no death: nothing any pattern could match
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []
    found.extend(ranked_deaths(text, taken))
    found.extend(listed_deaths(text, taken))
    found.extend(labelled_list(text, taken))
    found.extend(following_list(text, taken))
    found.extend(who_the_dead_were(text, taken))
    starts = [m.start() for m in COUNT_START.finditer(text)]
    death_starts = _death_starts(text, starts)
    for index, (kind, pattern) in enumerate(COMPILED):
        kind_starts = death_starts if kind == "fatalities" else starts
        for m in _anchored(pattern, text, kind_starts) if index in COUNT_FIRST else pattern.finditer(text):
            span = m.span("num")
            if any(s <= span[0] < e for s, e in taken):
                continue
            mention = _mention(kind, m)
            if mention is None or (kind == "fatalities" and (_fell_unnamed(text, m) or _counts_the_wounded(text, m))):
                continue
            if index == LABEL_INDEX and COUNT_BEFORE.search(text, 0, m.start()):
                continue
            if _TIME_SPAN.match(text, m.end("num")):
                continue  # "two weeks after nine villagers were killed": a span of time, not two of the dead
            end = m.end()
            # "killed three farmhands and a cook": a noun the vocabulary does not know still says whom
            tail = None
            if index in VERB_FIRST and kind == "fatalities" and not m.groupdict().get("noun"):
                tail = PEOPLE_AFTER.match(text, end)
            if tail is not None:
                end = tail.end()
                mention = replace(mention, end=end, text=text[mention.start : end].strip())
            if kind == "fatalities":
                mention = with_other_places(text, mention, taken)
                end = max(end, mention.end)
            found.append(mention)
            taken.append(span)
            if index in VERB_FIRST and (m.groupdict().get("noun") or end > m.end()):
                found.extend(_continuations(kind, text, end, taken))
    for m in SINGULAR_KILLED.finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
            found.append(QuantityMention("fatalities", 1, "exact", m.start(), m.end(), m.group()))
            taken.append((m.start(), m.end()))
            # "killed a chief and his two sons", not "... was killed and" nor "un mort et deux blessés"
            if not ENDS_WITH_VERB.search(m.group()) and not m.group().lower().endswith("mort"):
                # "the village chief of Bani and two of his sons", "un chef de village et deux de ses fils"
                after = OF_NAME.match(text, m.end()) or OF_WHAT.match(text, m.end())
                found.extend(_continuations("fatalities", text, after.end() if after else m.end(), taken))
    return adjusted_counts(text, found, taken)


def _anchored(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that can only begin at one of `starts`."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            yield m
            end = max(m.end(), start + 1)


def _continuations(kind: str, text: str, pos: int, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    while (m := _next_group(kind, text, pos)) is not None:
        if m.group("one"):
            if kind == "fatalities":
                out.append(QuantityMention(kind, 1, "exact", m.start("one"), m.end(), m.group("one")))
            pos = m.end()
            continue
        mention = _mention(kind, m)
        if mention is None:
            break
        if m.re is KILLED_CONTINUATION:  # ", his two grandsons": the group's own words say whose dead
            mention = replace(mention, text=mention.text.lstrip(", "))
        out.append(mention)
        taken.append(m.span("num"))
        pos = m.end()
    return out


# ", a local official said", ", the army's spokesman told reporters": who tells it, not one more of the dead
_SPEAKS = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|reported|added|stated|announced|confirmed|indicated)\b")


# "killing nine people, four of them children": who some of the counted were, not a group of their own
_SUBSET = re.compile(r"\b(?:of\s+(?:them|whom)|d['’]\s*entre\s+(?:eux|elles))\b", re.IGNORECASE)


def _next_group(kind: str, text: str, pos: int) -> re.Match[str] | None:
    """The next group of a list ("and three civilians"): of known nouns for any count, of any noun for the dead."""
    m = CONTINUATION.match(text, pos)
    if m is not None and (_SPEAKS.match(text, m.end()) or _SUBSET.search(m.group())):
        return None
    if m is not None and (m.group("noun") or m.group("one")):
        return m
    if kind == "fatalities" and (m := KILLED_CONTINUATION.match(text, pos)) is not None:
        return m if m.group("num") or m.group("det") else None  # "and his wife", not "..., officials said"
    return None


_BODIES = re.compile(r"\b(?:bodies|corpses|remains|corps|cadavres)\b", re.IGNORECASE)


# verbs that take goods as well as people: a bare count after them is no hostage count
_TAKING_ANYTHING = re.compile(r"(?:took|taking|seized|holding|held)\b", re.IGNORECASE)
_HOSTAGE_WORD = re.compile(r"\b(?:hostages?|captives?)$", re.IGNORECASE)


# "ce ne sont pas douze mais huit soldats", "not twelve but eight soldiers": the figure corrected, the second stands
_NOT_BEFORE = re.compile(r"\b(?:pas|not|non)\s+$", re.IGNORECASE)
_BUT_AFTER = re.compile(rf"\s+(?:mais|but)\s+(?P<num>{BARE_NUMBER})(?![\w])", re.IGNORECASE)


def _mention(kind: str, m: re.Match[str]) -> QuantityMention | None:
    value = parse_number(m.group("num"))
    corrected = _BUT_AFTER.match(m.string, m.end("num")) if _NOT_BEFORE.search(m.string, 0, m.start("num")) else None
    if corrected is not None and corrected.end() <= m.end():
        value = parse_number(corrected.group("num"))
    if value is None or value > 100_000:
        return None
    noun = (m.groupdict().get("noun") or "").lower().split()
    noun_kind = NOUN_KIND.get(" ".join(noun[-2:]), NOUN_KIND.get(noun[-1] if noun else ""))
    if kind == "seized" and _BODIES.search(m.group()):
        kind = "fatalities"  # "found the bodies of four herders": the dead, not fighters taken
    if kind in ("seized", "deployed"):
        kind = {"weapon": "weapons", "vehicle": "vehicles", "post": "posts", "person": "fighters"}.get(
            noun_kind or "", ""
        )
        if not kind:
            return None
    elif kind in ("fatalities", "injured", "arrests", "hostages", "fighters") and noun_kind not in (None, "person"):
        return None
    if (
        kind == "hostages"
        and noun_kind is None
        and _TAKING_ANYTHING.match(m.group())
        and not _HOSTAGE_WORD.search(m.group())
    ):
        return (
            None  # "seized 3 000 litres of fuel": goods, whatever the count; people are named ("seized 12 villagers")
        )
    qualifier = QUALIFIERS.get((m.groupdict().get("qual") or "").lower(), "exact")
    if m.groupdict().get("num2"):
        low = parse_number(m.group("num2"))
        if low is not None and low > value:
            qualifier = "at_least"  # "10 to 15 killed": the conservative figure, a lower bound
    if m.group("num").lower() in (
        "several dozen",
        "several hundred",
        "dozens",
        "dozens of",
        "tens",
        "tens of",
        "hundreds",
        "hundreds of",
        "scores",
        "several",
    ):
        qualifier = "at_least"
    return QuantityMention(kind, value, qualifier, m.start(), m.end(), m.group().strip())


# "18 people were killed before security forces killed the two assailants": the attackers are not among them.
def fatalities_of(mentions: list[QuantityMention]) -> int | None:
    """Fatalities a sentence states: a toll if given; else distinct groups added ("two soldiers and three
    civilians"), the same group told twice counted once, and a figure for everyone standing for them all."""
    deaths = [q for q in mentions if q.kind == "fatalities"]
    if not deaths:
        return None
    tolls = [q.value for q in deaths if "toll" in q.text.lower() or q.text.lower().startswith("bilan")]
    if tolls:
        return min(tolls)
    total, groups = 0, {}
    for q in deaths:
        words = WORDS_OF.findall(q.text.lower())
        noun = next((w for w in reversed(words) if w in NOUN_KIND or w in TOTAL_WORDS), None)
        # "Four US soldiers and four Nigerien soldiers": two groups; "4 soldiers ... four soldiers died": one
        group = noun if noun in TOTAL_WORDS else group_words(q.text) or q.text.lower()
        if (side := SIDE_AFTER.search(q.text)) is not None:  # "3 morts dans les rangs de l'armée": one side's
            group = WORDS_OF.findall(side.group().lower())[-1]
        if group in TOTAL_WORDS:
            total = max(total, q.value)  # "hundreds of people": everyone
        else:
            groups[group] = max(groups.get(group, 0), q.value)  # the same group told twice counts once
    attackers = sum(v for g, v in groups.items() if g in PERPETRATOR_WORDS)
    return max(total + attackers, sum(groups.values()))


def to_quantities(mentions: list[QuantityMention]) -> list[Quantity]:
    return [Quantity(kind=q.kind, value=q.value, qualifier=q.qualifier, text=q.text) for q in mentions]  # type: ignore[arg-type]
