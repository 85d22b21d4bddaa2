"""Who the dead were, item by item: lists after a killing verb, a communiqué's "the following" list after a colon,
"among the dead were ..." (for _quantities.py)."""

from __future__ import annotations

import re

from ._quantity_mention import QuantityMention, parse_number
from ._quantity_patterns import (
    BARE_NUMBER,
    COUNT_BEFORE,
    KILL_VERB,
    LABELLED_LIST,
    LIST_KILLED,
    PART,
    RANKED_ITEM,
    RANKED_LIST,
    UNCOUNTED,
    WOUNDED_PART,
)
from ._text import load_data, phrase_regex

__all__ = [
    "DEAD_LISTED",
    "DEAD_LISTED_AFTER",
    "following_list",
    "labelled_list",
    "listed_deaths",
    "ranked_deaths",
    "who_the_dead_were",
]


def listed_deaths(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    return [q for m in LIST_KILLED.finditer(text) for q in _parts_of(m, taken)]


def ranked_deaths(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """The dead named one by one by rank and name before their verb ('Sergeant Musa Bello and Corporal Ali Idris were
    killed', 'le sergent Moussa Traoré et le caporal Ali Diallo ont trouvé la mort'): one person an item, one count."""
    out = []
    for m in RANKED_LIST.finditer(text):
        start, end = m.span("list")
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        value = len(RANKED_ITEM.findall(m.group("list")))
        out.append(QuantityMention("fatalities", value, "exact", start, m.end(), text[start : m.end()]))
        taken.append((start, m.end()))
    return out


def labelled_list(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """A toll label's list ("Toll: 3 soldiers, 7 militants"): each group is dead. A label before one group is the
    label pattern's (_quantity_patterns `_LABEL_COUNT`); a list another reading took is not read twice, nor one
    that breaks down a count told before the label ("leaving eight dead: three soldiers and five attackers")."""
    out = []
    for m in LABELLED_LIST.finditer(text):
        if len(PART.findall(m.group("list"))) < 2 or COUNT_BEFORE.search(text, 0, m.start()):
            continue
        if not any(s <= m.start("list") < e for s, e in taken):
            out.extend(_parts_of(m, taken))
    return out


def _parts_of(m: re.Match[str], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for part in PART.finditer(m.group("list")):
        value = parse_number(part.group("num")) if part.group("num") else 1
        if value is None or WOUNDED_PART.search(part.group()) or re.match(UNCOUNTED, part.group(), re.I):
            continue  # "trois militaires tués, six blessés et dix terroristes neutralisés": the wounded live
        start, end = m.start("list") + part.start(), m.start("list") + part.end()
        out.append(QuantityMention("fatalities", value, "exact", start, end, part.group()))
        taken.append((start, end))
    return out


# Communiqués list the dead after a colon: "killed the following terrorists: 'A', 'B' and 'C'", "the following
# persons lost their lives: the village chief, his two sons and a teacher". Each item is one person unless it
# counts more ("his two sons").
_FOLLOWING = re.compile(
    rf"(?:(?:kill(?:ed|ing)|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|tu[ée]|neutralis[ée]|abattu|"
    rf"(?:deaths?|loss|passing)\s+of|d[ée]c[èe]s|mort|perte)\s+"  # "regrets the death of the following"
    rf"(?:the\s+following|[ld]es\s+(?:[\w-]+\s+)?suivants)[^:.;]{{0,90}}?"
    rf"|(?:the\s+)?following(?:\s+[\w-]+){{0,2}}\s+(?:were\s+|was\s+|have\s+been\s+)?{KILL_VERB}"
    rf"|(?:les\s+)?(?:[\w-]+\s+)?suivant(?:e|s|es)?\s+(?:ont\s+été\s+|ont\s+|sont\s+)?{KILL_VERB})"
    rf"\s*:\s*(?P<list>[^.;]+)",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b|\bet\b)\s*", re.IGNORECASE)

# "Among the dead were four children and two women", "the dead included nine soldiers and a driver", "parmi les
# morts figurent": who the dead were, item by item. It is the event's toll only where no other count tells it
# (_tolls.py), since such a list often names only some of the dead.
DEAD_LISTED = re.compile(
    r"(?:\bamong\s+(?:the|those)\s+(?:dead|killed|victims)\s+(?:were|was|are)|"
    r"\b(?:the\s+)?(?:dead|victims|fatalities)\s+(?:included|include)|"
    r"\bparmi\s+les\s+(?:morts|victimes|tu[ée]s)\s*(?:,|figurent|on\s+(?:compte|d[ée]nombre))?)\s*:?\s*",
    re.IGNORECASE,
)
# "Three traders and a child were among the dead", "deux enfants figurent parmi les victimes": the same, the list first
DEAD_LISTED_AFTER = re.compile(
    r"\s*,?\s+(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the|those)\s+(?:dead|killed|victims)\b|"
    r"\s+(?:figur(?:ent|aient|e|ait)|compt(?:ent|aient))\s+parmi\s+les\s+(?:morts|victimes|tu[ée]s)\b",
    re.IGNORECASE,
)
_LISTED_ITEM = re.compile(rf"(?:{BARE_NUMBER}|a|an|one|un|une)\s+\S", re.IGNORECASE)
# "..., a ministry spokesman announced": the words of telling (roles.json `telling_verbs` and `telling_markers`) end a
# list of who the dead were
_TOLD_BY = phrase_regex(
    {*load_data("roles.json")["telling_verbs"], *load_data("roles.json")["telling_markers"]}, re.IGNORECASE
)


def who_the_dead_were(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for marker in DEAD_LISTED_AFTER.finditer(text):
        start = max(text.rfind(mark, 0, marker.start()) for mark in ".;:") + 1
        items = [i.strip() for i in _LIST_SPLIT.split(text[start : marker.start()])]
        if not all(_LISTED_ITEM.match(i) for i in items) or any(_TOLD_BY.search(i) for i in items):
            continue  # "the chief and his sons were among the dead" counts no one it names
        counts = [parse_number(i.split()[0]) for i in items]
        start += len(text[start : marker.start()]) - len(text[start : marker.start()].lstrip())
        if any(s <= start < e for s, e in taken):
            continue
        total = sum(1 if c is None else c for c in counts)
        out.append(QuantityMention("fatalities", total, "exact", start, marker.start(), text[start : marker.start()]))
        taken.append((start, marker.start()))
    for marker in DEAD_LISTED.finditer(text):
        start = end = marker.end()
        rest = re.match(r"[^.;]*", text[start:]).group()  # type: ignore[union-attr]
        total, pos = 0, 0
        for item in _LIST_SPLIT.split(rest):
            words = item.strip()
            if not words or _TOLD_BY.search(words) or not _LISTED_ITEM.match(words):
                break
            counts = [n for w in words.split()[:1] if (n := parse_number(w)) is not None]
            total += counts[0] if counts else 1
            pos = rest.index(item, pos) + len(item)
            end = start + pos
        if total and not any(s <= start < e for s, e in taken):
            out.append(QuantityMention("fatalities", total, "exact", start, end, text[start:end]))
            taken.append((start, end))
    return out


def following_list(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    for m in _FOLLOWING.finditer(text):
        items = [i for i in _LIST_SPLIT.split(m.group("list")) if i.strip()]
        if len(items) < 2:
            continue  # "the following: ..." naming one is no list, and other patterns read it
        total = 0
        for item in items:
            counts = [n for w in item.split()[:3] if (n := parse_number(w)) is not None]
            total += counts[0] if counts else 1
        start, end = m.start("list"), m.end("list")
        out.append(QuantityMention("fatalities", total, "exact", start, end, m.group("list").strip()))
        taken.append((m.start(), end))  # the verb's own object ("killed the following terrorists") is no one more
    return out
