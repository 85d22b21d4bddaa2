"""The adjustments made to a sentence's counts after their first reading (for _quantities.py): more dead told after a
count ("and another died in hospital", "as were five militants"), a pronoun's death ("beat him to death"), counts told
place by place or of each side, a toll that rose ("from five to nine"), and the figures that are no count of this
event's dead: running totals, who some of the dead were, subsets, figures marked unconfirmed, and a suicide bomber
told twice."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ._quantity_mention import QuantityMention, is_person_noun, parse_number
from ._quantity_patterns import (
    ANY_PERSON,
    BARE_NUMBER,
    BOMBER_TOLD_DEAD,
    DEATH_PHRASES,
    ENDS_WITH_VERB,
    LIST_QUALIFIER,
    MONTHS_OF_LABEL,
    NUMBER,
)
from ._side_counts import side_tolls
from ._text import load_data

__all__ = ["adjusted_counts", "is_bomber_death", "with_other_places"]


def is_bomber_death(text: str) -> bool:
    """Whether a death count is the suicide bomber's own ('blew himself up', 's'est fait exploser')."""
    return _BOMBER_DIED.match(text) is not None


# "9x KIA (confirmed), 4x KIA (probable)": a figure the report marks unconfirmed is no count of the dead
_UNCONFIRMED = re.compile(
    r"\s*\(\s*(?:" + "|".join(load_data("ontology.json")["unconfirmed_tolls"]["patterns"]) + r")\s*\)", re.IGNORECASE
)


# "Four soldiers died, including two who succumbed in hospital", "dont deux qui ont succombé": some of the dead just
# counted, told right after them, not more dead
_SUBSET_AFTER = re.compile(
    r"\s*[,(]?\s*(?:including|among\s+them|of\s+whom|dont|y\s+compris|notamment|parmi\s+(?:eux|elles|lesquels))\s+$",
    re.IGNORECASE,
)


def _without_subsets(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    deaths = sorted((q for q in found if q.kind == "fatalities"), key=lambda q: q.start)
    subsets = {id(q) for before, q in pairwise(deaths) if _SUBSET_AFTER.fullmatch(text[before.end : q.start])}
    return [q for q in found if id(q) not in subsets]


# "killed five villagers in Tondikiwindi and three in Mogodyougou", "cinq morts à Sona et deux à Kiri": the same dead,
# counted place by place; the counts after the first name no one and are added to it, whose noun they share
_IN_PLACE = r"\s+(?:in|at|near|à|au|dans|près\s+de)\s+(?!(?:" + MONTHS_OF_LABEL + r")[a-zé]*\b)(?-i:[A-Z][\w'’-]+)"
_AT_OTHER_PLACE = re.compile(
    rf"(?:{_IN_PLACE}(?:[\s-](?-i:[A-Z][\w'’-]+))*)?\s*(?:,\s*)?(?:and|et|,)\s+(?P<num>{BARE_NUMBER}|one|un|une)"
    rf"(?:\s+(?:others?|more|autres))?(?={_IN_PLACE})",
    re.IGNORECASE,
)


def with_other_places(text: str, q: QuantityMention, taken: list[tuple[int, int]]) -> QuantityMention:
    while (m := _AT_OTHER_PLACE.match(text, q.end)) is not None and (value := parse_number(m.group("num"))):
        taken.append(m.span("num"))
        q = replace(q, value=q.value + value, end=m.end())  # its words still say whom it counts
    return q


# "three fighters were killed on each side", "deux morts de chaque côté": each side's count, a toll of twice it
_EACH_SIDE = re.compile(
    r"(?:\s+(?!(?:and|et|but|mais|with|avec|losses|casualties|pertes)\b)[\w'’-]+){0,3}?\s*,?\s+(?:"
    + "|".join(load_data("ontology.json")["each_side_tolls"]["patterns"])
    + r")\b",
    re.IGNORECASE,
)


_EACH_SIDE_ENDS = re.compile(
    r"\s(?:" + "|".join(load_data("ontology.json")["each_side_tolls"]["patterns"]) + r")$", re.IGNORECASE
)


_EACH_SIDE_BEFORE = re.compile(
    r"\b(?:" + "|".join(load_data("ontology.json")["each_side_tolls"]["before"]) + r")$", re.IGNORECASE
)


def _each_sides(text: str, q: QuantityMention) -> QuantityMention:
    """A count told of each side of a fight doubled, its words stretched to the phrase that says so."""
    if _EACH_SIDE_BEFORE.search(text[max(0, q.start - 40) : q.start]):
        return replace(q, value=q.value * 2)  # "each side lost three men"
    if _EACH_SIDE_ENDS.search(q.text):
        return replace(q, value=q.value * 2)  # "killed three on each side": the count's own words took the phrase
    m = _EACH_SIDE.match(text, q.end)
    if m is None or any(mark in text[q.end : m.end()] for mark in ".;:"):
        return q
    return replace(q, value=q.value * 2, end=m.end(), text=text[q.start : m.end()])


# "detained a herder and beat him to death", "abducted the mayor and killed him": one death, whoever it was, counted
# only in a sentence that counts no other (a pronoun may stand for someone counted already).
_PRONOUN_KILLED = re.compile(
    r"(?<![\w-])(?:(?:kill(?:ed|ing)|execut(?:ed|ing)|murder(?:ed|ing)|lynch(?:ed|ing)|behead(?:ed|ing)|"
    r"assassinat(?:ed|ing))\s+(?P<a>him|her)\b|(?:beat|beating|stabbed|stabbing|stoned|stoning|hacked|clubbed|burned|"
    r"burnt|tortured)\s+(?P<b>him|her)\s+to\s+death|shot\s+(?P<c>him|her)\s+dead|l['’]ont\s+(?:tu[ée]e?|abattue?|"
    r"ex[ée]cut[ée]e?|battue?\s+à\s+mort|lynch[ée]e?)(?![\w])"
    # "shot a trader in the market; he died on the spot", "il a succombé à ses blessures": the one just named dies
    r"|\b(?:he|she)\s+(?:later\s+|subsequently\s+)?(?:died|succumbed)\b"
    r"|\b(?:il|elle)\s+(?:est\s+(?:mort|morte|d[ée]c[ée]d[ée]e?)|a\s+(?:succomb[ée]|rendu\s+l['’][âa]me|perdu\s+la\s+vie))(?![\w]))",
    re.IGNORECASE,
)


# "Four soldiers died at the scene and another in hospital", "were killed and a fifth died in hospital", "sont morts
# sur le coup et deux autres à l'hôpital": more dead after a count, told by where or when they died
_ANOTHER = r"another|a\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|une?\s+autre"
_HOSPITAL = r"(?:in|at|à|en)\s+(?:the\s+|l['’]\s*)?(?:hospital|h[ôo]pital|route)"
_LATER_DEATH = r"(?:later\s+)?(?:died|succumbed|was\s+killed|a\s+succomb[ée]|est\s+mort|est\s+d[ée]c[ée]d[ée])"
# ("were killed and two others in hospital" may be wounded: a place alone tells a death only after "at the scene")
_DIED_ELSEWHERE = re.compile(
    r"(?P<scene>\s+(?:at\s+the\s+scene|on\s+the\s+spot|instantly|sur\s+le\s+coup|sur\s+place))?\s*,?\s+(?:and|et)\s+"
    rf"(?:(?P<one>{_ANOTHER})|(?P<num>{BARE_NUMBER})\s+(?:more|others|autres))"
    rf"(?:\s+{_LATER_DEATH}(?:\s+{_HOSPITAL})?|(?(scene)\s+{_HOSPITAL}|(?!)))\b",
    re.IGNORECASE,
)

# "Three soldiers were killed, as were five militants", "ainsi que cinq assaillants": other dead joined to a count
# "Three soldiers were killed — and nine militants —", "..., and nine militants.", "..., contre trois soldats": a bare
# "and" or a side set against joins a group only when the clause ends right after it (not "and nine militants were
# arrested") and on a noun of people
# ("Five soldiers were killed in the ambush, as was a customs officer": a place or a time of the first count may
# come between it and the phrase that joins the others, never before a bare "and")
_OF_THE_FIRST = r"\s+(?:in|during|at|near|on|dans|lors\s+d[eu'’]|pendant|près\s+de)\s+[^,;.]{1,40}?\s*,\s*"
_ALSO_KILLED = re.compile(
    rf"(?:{_OF_THE_FIRST}(?:{'|'.join(DEATH_PHRASES['also_killed'])})|"
    rf"\s*(?:[,;]|\s[-–—])?\s*(?:{'|'.join(DEATH_PHRASES['also_killed'])}|(?P<bare_and>and|et|{'|'.join(DEATH_PHRASES['set_against'])})))\s+"
    rf"(?:(?:{LIST_QUALIFIER})\s+)?(?:{NUMBER}\s+{ANY_PERSON})(?(bare_and)(?=\s*(?:[.;—–]|-\s|$)))",
    re.IGNORECASE,
)

# "Three soldiers were killed, as was a customs officer", "..., ainsi qu'un civil": one more joined to a count
_SINGULAR_PERSON = "|".join(re.escape(n) for n in load_data("ontology.json")["counted_nouns"]["singular_person"])
_ALSO_ONE = re.compile(
    rf"(?:{_OF_THE_FIRST}|\s*[,;]?\s*)(?:(?:{'|'.join(DEATH_PHRASES['also_killed'])})\s+"
    rf"(?P<one>(?:an?|one)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SINGULAR_PERSON})\b)"
    # French elides "que" before "un": "ainsi qu'un civil", "tout comme qu'une femme"
    rf"|(?:ainsi|de\s+m[êe]me|tout\s+comme)\s+qu['’]\s*(?P<un>(?:un|une)\s+{ANY_PERSON}))",
    re.IGNORECASE,
)

# "Five gendarmes were killed in the attack and eight attackers in the counter-attack": a second count whose verb is
# left out, told by a place or a time of its own like the first's ("died in the camp and two more at an outpost")
_GAPPED = re.compile(
    r"\s+(?:in|during|at|on|near|dans|lors\s+de|pendant|à)\s+[^,;.]{1,40}?\s*,?\s+(?:and|et)\s+"
    rf"(?:{NUMBER}\s+(?:more|others|autres|{ANY_PERSON}))(?=\s+(?:in|during|at|on|near|dans|lors|pendant|à|au)\b)"
    rf"(?!\s+{_HOSPITAL})",  # "and two others in hospital" may be wounded
    re.IGNORECASE,
)


def _died_elsewhere(text: str, found: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """More dead told right after a count that ends with its verb: where they died, or joined to it."""
    out = []
    for q in found:
        ends_dead = q.kind == "fatalities" and ENDS_WITH_VERB.search(q.text)
        m = (
            _DIED_ELSEWHERE.match(text, q.end)
            or _ALSO_KILLED.match(text, q.end)
            or _ALSO_ONE.match(text, q.end)
            or _GAPPED.match(text, q.end)
            if ends_dead
            else None
        )
        if m is not None and m.groupdict().get("bare_and") and not is_person_noun(m.group().split()[-1]):
            continue  # "left 12 soldiers dead and 8 wounded", "and several others abducted": no more dead
        one = next((g for g in ("one", "un") if m is not None and m.groupdict().get(g)), None)
        if m is None or any(s <= (m.start(one) if one else m.start("num")) < e for s, e in taken):
            continue
        value = 1 if one else parse_number(m.group("num"))
        if value is not None:
            start = m.start(one) if one else m.start("num")
            out.append(QuantityMention("fatalities", value, "exact", start, m.end(), text[start : m.end()]))
            taken.append((start, m.end()))
    return out


def _pronoun_deaths(text: str) -> list[QuantityMention]:
    m = _PRONOUN_KILLED.search(text)
    if m is None:
        return []
    return [QuantityMention("fatalities", 1, "exact", m.start(), m.end(), "him")]


# The bomber's own death, counted beside those he killed ("s'est fait exploser" is French for "blew himself up").
_BOMBER_DIED = re.compile(r"blew\b|s['’]est\s+fait|detonated\b|a\s+fait\s+exploser", re.IGNORECASE)
_BOMBER_TOLD_DEAD_RX = re.compile(BOMBER_TOLD_DEAD, re.IGNORECASE)
_BOMBER_AMONG = re.compile(
    r"\b(?:including|among them|y compris|dont)\s+(?:himself|herself|themselves|the\s+(?:suicide\s+)?bombers?|"
    r"the\s+attackers?|le\s+kamikaze|l['’]auteur)\b",
    re.IGNORECASE,
)

# "the toll rose from five to nine dead", "le bilan est passé de cinq à neuf morts": a toll that moved from one count to
# another is the second, where "five to nine dead" alone is a range (its lower end is coded)
_FROM_BEFORE = re.compile(
    r"\b(?:ris(?:en|ing)|rose|climb(?:ed|ing)|increas(?:ed|ing)|jump(?:ed|ing)|went|gone|revised|raised|pass[ée]e?|"
    r"port[ée]e?|grimp[ée]|augment[ée]|alourdi)\s+(?:(?:up|upwards?|sharply)\s+)?(?:from|de|d['’])\s*$",
    re.IGNORECASE,
)
_TO_SECOND = re.compile(rf"\s+(?:to|à)\s+(?P<second>{BARE_NUMBER})\b", re.IGNORECASE)


def _risen_to(text: str, q: QuantityMention) -> QuantityMention:
    first = re.match(BARE_NUMBER, text[q.start :], re.IGNORECASE)
    if first is None or not _FROM_BEFORE.search(text, 0, q.start):
        return q
    second = _TO_SECOND.match(text, q.start + first.end())
    value = parse_number(second.group("second")) if second else None
    return q if value is None else replace(q, value=value)


# "(bringing to) 120 the number of soldiers killed", "the toll of soldiers killed since January stands at 120": a
# running total is not the event's own toll.
_RUNNING_TOTAL = re.compile(
    r"^\S+\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:number|toll|tally|count)\s+of\b|"
    r"\bsince\s+(?:January|the\s+(?:start|beginning)\s+of|(?:19|20)\d\d)\b|\b(?:so\s+far\s+)?this\s+year\b|"
    # "(ce qui porte à) 112 le nombre de civils tués depuis janvier"
    r"^\S+\s+(?:le|la)\s+(?:nombre|bilan|total)\s+(?:de|des|d['’])|\bdepuis\s+(?:janvier|le\s+d[ée]but\s+de|"
    r"(?:19|20)\d\d)\b|\bcette\s+ann[ée]e\b",
    re.IGNORECASE,
)


# "at least 8 of the dead were civilians", "deux des victimes": who some of the dead were, not more dead
_PART_OF_THE_DEAD = re.compile(
    r"\b(?:of|among)\s+(?:the|those)\s+(?:dead|killed|victims|bodies|fatalities)\b|\bdes\s+(?:victimes|morts)\b",
    re.IGNORECASE,
)


# "four soldiers were among the dead": the count's own people are dead, at least that many (not "8 of the dead were")
_AMONG_THE_DEAD = re.compile(
    r"\b(?:were|was|are)\s+(?:also\s+)?among\s+the\s+(?:dead|killed|victims|fatalities)$", re.IGNORECASE
)


def adjusted_counts(text: str, found: list[QuantityMention], taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """The counts of a sentence once its first reading is done: more dead told elsewhere or by a pronoun, each side's
    counts, tolls that rose, running totals, subsets and unconfirmed figures left out, the bomber counted once; sorted
    by where they start. `taken` holds the spans the first reading read, and grows with those added here."""
    if not any(q.kind == "fatalities" for q in found):
        found.extend(_pronoun_deaths(text))
    found.extend(_died_elsewhere(text, found, taken))
    found.extend(side_tolls(text, found, taken))
    found = [_each_sides(text, q) if q.kind == "fatalities" else q for q in found]
    found = [_risen_to(text, q) if q.kind == "fatalities" else q for q in found]
    found = [q for q in found if not (q.kind == "fatalities" and _RUNNING_TOTAL.search(q.text))]
    found = [
        q
        for q in found
        if not (q.kind == "fatalities" and _PART_OF_THE_DEAD.search(q.text) and not _AMONG_THE_DEAD.search(q.text))
    ]
    found = _without_subsets(text, found)
    found = [q for q in found if not (q.kind == "fatalities" and _UNCONFIRMED.match(text, q.end))]
    if any(_BOMBER_DIED.match(q.text) for q in found):  # "blew himself up, killing six and himself"
        found = [q for q in found if q.text.lower() not in ("himself", "herself")]
        # "s'est fait exploser ..., le kamikaze a lui aussi péri": one bomber, told twice
        found = [q for q in found if not _BOMBER_TOLD_DEAD_RX.match(q.text)]
        if _BOMBER_AMONG.search(text):  # "killing six people including himself": he is one of the six
            found = [q for q in found if not _BOMBER_DIED.match(q.text)]
    return sorted(found, key=lambda q: q.start)
