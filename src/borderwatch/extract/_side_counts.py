"""Which side a count of the dead is of, told by words around it: "parmi les soldats", "côté assaillants", "in its
ranks", a field report's side labels ("FDS: 2 KIA. Assailants: 5 KIA"), "on one side ... on the other", slash lists
("KIA: 2 FF / 6 EN"); and the counts of another side told by the side alone (for _quantities.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from ._quantity_mention import PERPETRATOR_WORDS, QuantityMention, counted_noun, is_person_noun, parse_number
from ._quantity_patterns import NOUN_KIND, NUMBER
from ._text import load_data

__all__ = ["SIDE_AFTER", "side_tolls"]


# "parmi les soldats", "côté assaillants", "dans les rangs de l'armée": which side a French count is of.
# "eight dead among the attackers", "in the ranks of the army": the English too (not "among them", "among the dead")
_SIDE = (
    r"(?:parmi|chez|dans\s+les\s+rangs|du\s+c[ôo]t[ée]|c[ôo]t[ée]|among|in\s+the\s+ranks\s+of)\s+"
    r"(?:des?\s+|du\s+|les?\s+|la\s+|l['’]|the\s+)?(?!(?:them|whom|those|dead|victims|wounded|injured)\b)[\w'-]+"
)
# "cinq morts parmi les soldats et une dizaine côté assaillants": after a toll, a count of another side's dead
# told by the side alone.
_SIDE_COUNT = re.compile(rf"(?<![\w-]){NUMBER}\s+(?:(?:morts?|tu[ée]s)\s+)?(?P<side>{_SIDE})", re.IGNORECASE)
SIDE_AFTER = re.compile(rf"\s+{_SIDE}", re.IGNORECASE)
# "L'armée déplore trois morts dans ses rangs", "the army lost three men in its ranks": the dead of the side the
# sentence names before them (read by _tolls)
_OWN_RANKS = re.compile(
    r"\s+(?:dans|in|among|parmi)\s+(?:ses|leurs|its|their)\s+(?:own\s+)?(?:rangs|ranks)\b", re.IGNORECASE
)
# "nine bodies of the attackers", "of slain militants", "neuf corps d'assaillants": whose the bodies were
_WHOSE_BODIES = re.compile(
    r"\s+(?:of\s+(?:the\s+|their\s+)?|d['’]\s*|de\s+|des\s+)([\w-]+)(?:\s+([\w-]+))?", re.IGNORECASE
)


def _whose_bodies(text: str, pos: int) -> re.Match[str] | None:
    """The complement after a count of bodies that names whose they were (people), up to its noun; None if none."""
    whose = _WHOSE_BODIES.match(text, pos)
    if whose is None or whose.group(1).lower() in _ANYONES_DEAD:
        return None  # "the bodies of the victims": no side's
    if is_person_noun(whose.group(1)):
        return _WHOSE_BODIES.match(text[: whose.end(1)], pos)
    return whose if whose.group(2) and is_person_noun(whose.group(2)) else None


# "Côté assaillants, on compte cinq morts": the side told before a count that names no one
_SIDE_BEFORE = re.compile(
    r"(?:(?:du\s+)?c[ôo]t[ée]\s+(?:des?\s+|du\s+|les?\s+|la\s+|l['’])?(?P<word>[\w'-]+)\s*[,:]?\s*"
    r"(?:on\s+(?:compte|d[ée]nombre|d[ée]plore|relève|a\s+(?:compt[ée]|d[ée]nombr[ée]))|il\s+y\s+a(?:\s+eu)?"
    # "Côté assaillants, le bilan est de neuf morts"
    r"|(?:le\s+)?bilan\s+(?:\w+\s+)?(?:est\s+de|s['’][ée]l[èe]ve\s+à|fait\s+[ée]tat\s+de))?"
    # "on the enemy side, twelve killed", "on the attackers' side, 11 dead"
    # "on the attackers' side, the toll was eight dead"
    r"|\bon\s+(?:the\s+)?(?P<en_word>[\w-]+)(?:['’]s?)?\s+side\s*,?"
    r"(?:\s*(?:the\s+)?(?:death\s+)?toll\s+(?:was|is|stood\s+at|stands\s+at|reached|rose\s+to))?"
    # "the army put the militants' losses at seven dead", "les pertes ennemies s'élèvent à sept morts"
    r"|\b(?P<loss_word>[\w-]+)(?:['’]s?)?\s+(?:losses|casualties)\b[^.;:]{0,30}?\b(?:at|to)"
    r"|\bpertes\s+(?:de\s+l['’]\s*|des\s+|du\s+)?(?P<pertes_word>[\w-]+)[^.;:]{0,30}?\bà)\s*$",
    re.IGNORECASE,
)
_SIDE_WORDS = load_data("ontology.json")["side_words"]
_ENEMY_WORDS = set(_SIDE_WORDS["enemy"])
_FRIENDLY_WORDS = set(_SIDE_WORDS["friendly"])
_ANYONES_DEAD = set(_SIDE_WORDS["anyones_dead"])  # "12 bodies": dead of whichever side the words before tell
# "FDS: 2 KIA. Assailants: 5 KIA": field reports label a bare count with the side it is of; "Hostile: approx 12 KIA,
# 8 bodies counted": the label stands for every count of its line, up to the next label or full stop
# "Pertes amies : 3 tués", "Enemy losses: 10 KIA": a label of two words, one of them the side's
_LABEL_BEFORE = re.compile(
    r"(?:^|[.;]\s*)(?P<word>(?:[A-Za-zÀ-ÿ-]+\s+)?[A-Za-zÀ-ÿ-]+)\s*:(?:(?:[^.;:]|(?<=approx)\.)*,)?\s*$"
)


# "2 dead on one side, 3 dead on the other": two sides, whoever they were
# "six morts d'un côté et quatre de l'autre" in French
_ONE_SIDE_OR_OTHER = re.compile(
    r"\s+(?:on\s+(?P<which>one|the\s+other)\b(?:\s+side)?|d['’]\s*(?P<un>un)\s+c[ôo]t[ée]"
    r"|de\s+l['’]\s*(?P<autre>autre)(?:\s+c[ôo]t[ée])?)",
    re.IGNORECASE,
)
# "six dead on one side and four on the other": the other side's count, its verb and noun left out
_OTHER_SIDES_COUNT = re.compile(
    rf"\s*,?\s*(?:and|et|while|with|against|contre)\s+{NUMBER}\s+(?:(?:dead|killed|morts?|tu[ée]s)\s+)?"
    r"(?:on\s+the\s+other(?:\s+side)?|de\s+l['’]\s*autre(?:\s+c[ôo]t[ée])?)\b",
    re.IGNORECASE,
)


# "FF KIA 0 WIA 1 | EN KIA 2", "UPDATE 0900Z: FF 3 KIA": a side word right before a KIA cell or count
_CELL_SIDE_BEFORE = re.compile(r"(?:^|[|;,.:]\s*)(?P<word>[A-Za-z-]+)\s+$")
_KIA_CELL = re.compile(r"(?-i:E?KIA)\b|\S+\s+(?-i:KIA)$")


def _side_before(text: str, q: QuantityMention) -> QuantityMention:
    cell = _CELL_SIDE_BEFORE.search(text, max(0, q.start - 30), q.start) if _KIA_CELL.match(q.text) else None
    if q.side is None and cell is not None:
        side = _side_of_word(cell.group("word"))
        if side is not None:
            return replace(q, side=side)
    if q.side is None and (other := _ONE_SIDE_OR_OTHER.match(text, q.end)) is not None:
        which = "one" if other.group("un") else "the other" if other.group("autre") else other.group("which")
        return replace(q, side=" ".join(which.lower().split()) + " side")
    label = _LABEL_BEFORE.search(text[max(0, q.start - 60) : q.start]) if q.side is None else None
    if label is not None and (counted_noun(q.text) in (None, "kia") or counted_noun(q.text) in _ANYONES_DEAD):
        words = set(label.group("word").lower().split())
        if words & (PERPETRATOR_WORDS | _ENEMY_WORDS):
            return replace(q, side="armed")
        if words & _FRIENDLY_WORDS:
            return replace(q, side="state")
    if q.side is not None or (side := _SIDE_BEFORE.search(text[max(0, q.start - 60) : q.start])) is None:
        return q
    noun = counted_noun(q.text) or ""
    if NOUN_KIND.get(noun, "total") == "person" and noun not in _ANYONES_DEAD:
        return q  # "côté ami, un soldat tombé": the noun says whose
    word = next(w for w in side.group("word", "en_word", "loss_word", "pertes_word") if w).lower()
    return replace(q, side=_side_of_word(word) or word)


# "Les assaillants ont perdu 14 hommes et l'armée 3", "the army recorded four dead, JNIM eleven": a second side's
# dead told by its name and its number alone, the verb of losing left out (gapped) after the first side's count
_LOSING = re.compile(
    r"\b(?:lost|losing|suffered|sustained|recorded|counted|perdu|enregistr[ée]|subi|d[ée]plor[ée]|compt[ée])\b",
    re.IGNORECASE,
)
_GAPPED_SIDE = re.compile(
    rf"\s*(?:,|;|,?\s*(?:and|et|while|whereas|tandis\s+que|alors\s+que))\s+(?:the\s+|les\s+|le\s+|la\s+|l['’]\s*)?"
    rf"(?P<side>[A-Za-zÀ-ÿ][\w'’-]*)\s+(?:(?:about|around|some|nearly|environ|près\s+de|une?)\s+)?{NUMBER}"
    r"(?:\s+(?:men|fighters|dead|killed|hommes|morts|tu[ée]s|combattants))?(?=\s*(?:[,.;)]|$|lors\b|during\b|in\b|dans\b))",
    re.IGNORECASE,
)


def _gapped_sides(text: str, deaths: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """The other side's count after a side's losses, its verb left out ('the army lost five soldiers and the
    militants twelve'): the side by its word ('militants', 'l'armée', 'JNIM' left to the registry)."""
    out = []
    for q in deaths:
        if not _LOSING.search(text, max(0, q.start - 30), q.end):
            continue
        m = _GAPPED_SIDE.match(text, q.end)
        value = parse_number(m.group("num")) if m is not None else None
        if m is None or value is None or any(s <= m.start("num") < e for s, e in taken if (s, e) != (q.start, q.end)):
            continue
        word = m.group("side").lower()
        side = _side_of_word(word) or word  # a name the lists lack ('JNIM') stays its own side
        out.append(QuantityMention("fatalities", value, "exact", m.start("side"), m.end(), m.group("side"), side))
        taken.append(m.span("num"))
    return out


def side_tolls(text: str, found: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    deaths = [q for q in found if q.kind == "fatalities"]
    if not deaths:
        return []
    found[:] = [_side_before(text, q) if q.kind == "fatalities" else q for q in found]
    deaths = [q for q in found if q.kind == "fatalities"]
    first = min(q.start for q in deaths)
    for q in deaths:  # "cinq morts parmi les soldats": a side's dead, not everyone's
        side = SIDE_AFTER.match(text, q.end) or _OWN_RANKS.match(text, q.end)
        if side is None and counted_noun(q.text) in _ANYONES_DEAD:
            # "recovered nine bodies of the attackers", "neuf corps d'assaillants": whose bodies, after the noun
            side = _whose_bodies(text, q.end)
        if side is not None:
            found[found.index(q)] = replace(q, end=side.end(), text=text[q.start : side.end()])
    out = _slash_sides(text, found, taken)
    gapped = _gapped_sides(text, deaths, taken)
    # a stray reading of the gapped pair ("militants twelve" read as one militant) yields to it
    found[:] = [q for q in found if not any(g.start <= q.start < g.end for g in gapped)]
    out += gapped
    for q in deaths:
        one_side = _ONE_SIDE_OR_OTHER.match(text, q.end) if q.side == "one side" else None
        other = _OTHER_SIDES_COUNT.match(text, one_side.end()) if one_side is not None else None
        value = parse_number(other.group("num")) if other is not None else None
        if other is not None and value is not None and not any(s <= other.start("num") < e for s, e in taken):
            out.append(
                QuantityMention(
                    "fatalities",
                    value,
                    "exact",
                    other.start("num"),
                    other.end("num"),
                    other.group("num"),
                    "the other side",
                )
            )
            taken.append(other.span("num"))
    for m in _SIDE_COUNT.finditer(text, first):
        value = parse_number(m.group("num"))
        if value is None or any(s <= m.start("num") < e for s, e in taken):
            continue
        out.append(QuantityMention("fatalities", value, "exact", m.start(), m.end(), m.group()))
        taken.append(m.span("num"))
    return out


# "KIA: 2 FF / 6 EN", "Tués : 2 amis / 7 ennemis": a field report's count of the dead split by side, one figure and
# side word after another, joined by slashes
_SLASH_FIRST = re.compile(r"\s*(?P<word>[A-Za-zÀ-ÿ-]+)(?=\s*/)")
_SLASH_NEXT = re.compile(r"\s*/\s*(?P<num>\d+)\s*(?P<word>[A-Za-zÀ-ÿ-]+)\b")


def _side_of_word(word: str) -> str | None:
    """'armed' or 'state' for a word that names a side ('EN', 'ennemis', 'FF', 'amis', 'militants'), else None."""
    lowered = word.lower()
    if lowered in PERPETRATOR_WORDS or lowered in _ENEMY_WORDS:
        return "armed"
    return "state" if lowered in _FRIENDLY_WORDS else None


def _slash_sides(text: str, found: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """The counts after the first of a slash list of each side's dead, the first given its side; none unless every
    word of the list is a side's."""
    out = []
    for index, q in enumerate(found):
        first = _SLASH_FIRST.match(text, q.end) if q.kind == "fatalities" and q.side is None else None
        if first is None or not q.text[-1:].isdigit() or _side_of_word(first.group("word")) is None:
            continue
        later, pos = [], first.end()
        while (m := _SLASH_NEXT.match(text, pos)) is not None and _side_of_word(m.group("word")) is not None:
            later.append(m)
            pos = m.end()
        if not later or _SLASH_NEXT.match(text, pos) or any(s <= m.start("num") < e for m in later for s, e in taken):
            continue
        found[index] = replace(q, side=_side_of_word(first.group("word")))
        for m in later:
            num = int(m.group("num"))
            out.append(
                QuantityMention(
                    "fatalities", num, "exact", m.start("num"), m.end(), m.group("num"), _side_of_word(m.group("word"))
                )
            )
            taken.append(m.span("num"))
    return out
