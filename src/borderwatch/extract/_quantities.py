"""Quantities in a sentence: fatalities by ACLED's rules; injured, arrested, hostages, fighters, weapons, vehicles,
posts.

A quantity is a number (digits, words, or a vague word: "dozens" = 12, "tens" = 10,
"hundreds" = 100) next to a word that says what it counts. Qualifiers keep what the
text says ("more than 20" is at least 20); fatalities take the most conservative
figure the sentence gives for each group and add distinct groups ("two soldiers and
three civilians were killed" = 5). The patterns it runs are built in _quantity_patterns.py; who the dead were, item
by item, is read in _dead_lists.py, which side a count is of in _side_counts.py, and a count itself is a
`_quantity_mention.QuantityMention`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

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
    ANY_PERSON,
    BARE_NUMBER,
    BOMBER_TOLD_DEAD,
    COMPILED,
    CONTINUATION,
    COUNT_BEFORE,
    COUNT_FIRST,
    COUNT_START,
    DEATH_PHRASES,
    ENDS_WITH_VERB,
    INJURE_VERB,
    KILLED_CONTINUATION,
    LABEL_INDEX,
    LIST_QUALIFIER,
    MONTHS_OF_LABEL,
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
from ._side_counts import SIDE_AFTER, side_tolls
from ._text import load_data

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


def is_bomber_death(text: str) -> bool:
    """Whether a death count is the suicide bomber's own ('blew himself up', 's'est fait exploser')."""
    return _BOMBER_DIED.match(text) is not None


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


# "On 12 June 2026 our forces neutralised five terrorists", "In 2025, the army ...": a year, not 2026 of the dead.
# A year-like number is a year after a month, a day or a word that dates, or before a comma or a determiner; a count
# of that size is followed by whom it counts ("1,900 migrants", "1900 personnes").
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d]|[,.]\d)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|"
    r"déc)[a-zéû]*\.?|\b(?:in|en|since|depuis|of|de|année|annee|year|fiscal|\d{1,2}(?:st|nd|rd|th|er)?,?)|\d{1,2}[/.-])\s*$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(
    r"\s*(?:[,;:)]|(?:our|the|its|their|his|her|a|an|nos|notre|les|la|le|l['’]|ses|leurs|leur|un|une|des|"
    r"attacks?|attaques?|assaults?|ambush|offensives?|coup|elections?|élections?|agreements?|accords?|campaigns?|"
    r"war|guerre|crisis|crise|census|budget|season|saison)\b)",
    re.IGNORECASE,
)


# "On 3 May 2026 gunmen killed a chief", "le 1er mai des hommes armés ont tué": the day before its month is a date, not
# three gunmen killed; "May 3, 2026", "June 12th": after its month too, when a comma, a year or an ordinal's ending
# closes it. English "May" only capitalised ("3 may have died" counts three)
_MONTH_NAMES = "|".join(m for m in MONTHS_OF_LABEL.split("|") if m.lower() != "may")
_DAY_OF_MONTH = re.compile(
    rf"(?<![\w,.])(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?\s+(?:(?i:{_MONTH_NAMES})\b|(?:May|MAY)\b)"
    rf"|(?:\b(?i:{_MONTH_NAMES})\.?|\b(?:May|MAY))\s+(?P<after>[0-3]?\d)"
    r"(?=(?:st|nd|rd|th)\b|\s*,|\s+(?:19|20)\d\d\b)"
)


def _without_years(text: str) -> str:
    """The text with each year and each day of a month written as letters of the same length, so that no count
    pattern reads them and the counts after them are still read ('SITREP 14/03/2026 2 FF KIA', 'On 3 May 2026 gunmen
    killed a chief')."""
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _YEAR_BEFORE.search(before) or _YEAR_AFTER.match(text, m.end()):
            text = text[: m.start()] + "yyyy" + text[m.end() :]
    for m in _DAY_OF_MONTH.finditer(text):
        start, end = m.span("day") if m.group("day") else m.span("after")
        text = text[:start] + "d" * (end - start) + text[end:]
    return text


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


# 'the army said nine "terrorists" were neutralised', 'avoir « neutralisé » neuf assaillants': quotes a source's word
# (one to three words, no clause), read as if unquoted, as a verb's gloss is read as if left out
_SCARE_QUOTES = re.compile(
    r"([\"“«]\s?)([^\W\d_][\w'’-]*(?:\s[\w'’-]+){0,2})(\s?[\"”»])"
    # single quotes only between a space and a word's end, so that no apostrophe ("the army's") is one
    r"|(?<![\w'‘’])(['‘])([^\W\d_][\w-]*(?:\s[\w-]+){0,2})(['’])(?![\w'’])"
)


# "neutralised (killed) three terrorists", "a neutralisé (abattu) deux terroristes": a communiqué's gloss of its verb
_VERB_GLOSS = re.compile(
    r"(?P<verb>\b(?:neutrali[sz]ed|eliminated|neutralis[ée]s?|[ée]limin[ée]s?))(?P<gloss>\s\((?:killed|shot\s+dead|abattus?|"
    r"abattre|tu[ée]s?|tuer)\))(?=\s)",
    re.IGNORECASE,
)


def _without_scare_quotes(text: str) -> str:
    text = _VERB_GLOSS.sub(lambda m: m.group("verb") + " " * len(m.group("gloss")), text)
    return _SCARE_QUOTES.sub(
        lambda m: (
            " " * len(m.group(1) or m.group(4)) + (m.group(2) or m.group(5)) + " " * len(m.group(3) or m.group(6))
        ),
        text,
    )


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in a sentence; one mention per number, the most specific kind first."""
    unquoted = _without_scare_quotes(
        text
    )  # (the mentions' words unquoted too: 'killing "several terrorists"' is vague)
    read = _without_years(unquoted)
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
                mention = _with_other_places(text, mention, taken)
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


def _with_other_places(text: str, q: QuantityMention, taken: list[tuple[int, int]]) -> QuantityMention:
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
    r"ex[ée]cut[ée]e?|battue?\s+à\s+mort|lynch[ée]e?)(?![\w]))",
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
_ALSO_KILLED = re.compile(
    rf"\s*(?:[,;]|\s[-–—])?\s*(?:{'|'.join(DEATH_PHRASES['also_killed'])}|(?P<bare_and>and|et|{'|'.join(DEATH_PHRASES['set_against'])}))\s+"
    rf"(?:(?:{LIST_QUALIFIER})\s+)?(?:{NUMBER}\s+{ANY_PERSON})(?(bare_and)(?=\s*(?:[.;—–]|-\s|$)))",
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
            _DIED_ELSEWHERE.match(text, q.end) or _ALSO_KILLED.match(text, q.end) or _GAPPED.match(text, q.end)
            if ends_dead
            else None
        )
        if m is not None and m.groupdict().get("bare_and") and not is_person_noun(m.group().split()[-1]):
            continue  # "left 12 soldiers dead and 8 wounded", "and several others abducted": no more dead
        one = m.groupdict().get("one") if m is not None else None
        if m is None or any(s <= (m.start("one") if one else m.start("num")) < e for s, e in taken):
            continue
        value = 1 if one else parse_number(m.group("num"))
        if value is not None:
            start = m.start("one") if one else m.start("num")
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
