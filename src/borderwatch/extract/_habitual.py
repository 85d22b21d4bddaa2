"""Statements that tell no single happening: habits, generalities, tallies and history.

"Kidnappings for ransom have become frequent in the area", "Algerian troops regularly patrol the
border", "Roadside bombs have killed hundreds of civilians since 2015", "More than 1,000 people have
died on the route this year", "bringing to 120 the number of soldiers killed", "FACT launched an
offensive in April 2021", "in such strikes": the
trigger's own clause says the happening is habitual, generic, a running total or history. Read from the
words of that clause only (not of the clauses it governs or that govern it), so that "Gunmen killed 12
villagers in Karou, which has been attacked repeatedly since 2019" keeps its killing.

`habitual_kind` returns "generic" (habits, generalities, totals) or "background" (history: a time long
before the report's), or None. Whether a stated date is long before the report's other events is
decided once all events are dated (`is_history`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ._lex import doc_text, is_verb
from ._text import load_data

__all__ = ["french_habitual_kind", "habitual_kind", "is_history", "running_total_spans"]

Token = Any

_FREQUENCY = {
    "regularly", "frequently", "often", "routinely", "repeatedly", "usually", "increasingly", "commonly",
    "constantly", "periodically", "sometimes", "occasionally", "habitually", "typically", "generally", "normally",
    "traditionally", "customarily", "seldom", "rarely", "recurrently", "continually", "perennially",
}  # fmt: skip
# "have been clashing almost daily": a period word as the verb's adverb tells a habit ("the daily Le Monde" does not)
_PERIOD_ADVERBS = {"daily", "nightly", "weekly", "monthly"}
_KIND_WORDS = {
    "such", "frequent", "repeated", "regular", "recurrent", "recurring", "numerous", "countless", "sporadic",
    "periodic", "occasional", "constant", "continual", "incessant", "daily", "weekly", "habitual", "routine",
}  # fmt: skip
_AUX = ("aux", "auxpass")
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "xcomp", "appos"}
_GENERIC = re.compile(
    r"\b(?:become|becoming|became|are|is|remain|remains|remained|were|was|grown|grow|grew)\s+"
    r"(?:increasingly\s+|more\s+|very\s+|all\s+too\s+|so\s+|quite\s+|fairly\s+|a\s+)?"
    r"(?:frequent|common|commonplace|routine|widespread|rife|rampant|regular|recurrent|recurring|endemic|"
    r"rare|daily|everyday|occurrence|phenomenon)\b|"
    r"\bfor\s+(?:(?:many|several|some)\s+)?(?:months|years|decades)\b|"
    r"\b(?:over|in|during|throughout)\s+(?:the\s+)?(?:past|last|previous|recent)\s+(?:(?:few|two|three|four|five|"
    r"six|ten|several|\d+)\s+)?(?:decades?|years?|months?)\b|"
    r"\bin\s+recent\s+(?:years|months|weeks|times)\b|\bevery\s+(?:day|week|month|year|time)\b|"
    r"\beach\s+(?:day|week|month|year)\b|\bseveral\s+times\b|\bon\s+several\s+occasions\b|\bat\s+times\b|"
    r"\bas\s+(?:a\s+)?(?:rule|usual)\b|\bon\s+an?\s+(?:(?:almost|near(?:ly)?|quasi)[- ])?(?:daily|nightly|weekly|"
    r"monthly|regular|routine)\s+basis\b|"
    r"\b(?:in|during)\s+(?:(?:more\s+than|over|nearly|almost)\s+)?(?:\w+\s+)?(?:days|weeks|months|years)\s+of\s+"
    r"(?:fighting|clashes|combat|violence|unrest|war|conflict|attacks)\b",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+(?:years?|decades?)\s+ago\b|"
    r"\b(?:more\s+than|over|nearly|almost|about)\s+(?:a|one|two|three)\s+(?:years?|decades?)\s+ago\b|"
    r"\blast\s+year\b|\bthe\s+previous\s+year\b|"
    r"\b(?:in|during|since|until|by|from)\s+(?:(?:early|mid|late|the\s+(?:start|end|beginning|summer|spring|autumn|"
    r"fall|winter)\s+of)[- ]?\s*)?(?:19|20)\d\d\b(?![-/]\d)",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|mid|late|the\s+\w+\s+of)[- ]?\s*)?(?:\w+\s+)?(?:19|20)\d\d\b", re.I)
_TALLY = re.compile(r"\b(?:so\s+far\s+)?this\s+year\b|\bsince\s+(?:January|the\s+(?:start|beginning)\s+of)\b", re.I)
# "The attack brings to 120 the number of soldiers killed": what follows is a running total, not the happening.
_RUNNING_TOTAL = re.compile(
    r"\b(?:brings?|bringing|brought|raises?|raising|raised|takes?|taking|took|pushes|pushing|pushed)\s+"
    r"(?:to\s+(?:[\w,.]+\s+){1,3})?(?:the\s+)?(?:total\s+|overall\s+)?(?:number|toll|tally|count)\s+of\b",
    re.IGNORECASE,
)
# "According to the ministry's figures, 27 terrorists were killed and 40 arrested in 2024": a period's statistics.
_STATISTICS = re.compile(r"\b(?:figures|statistics|tally|in\s+all|altogether|a\s+total\s+of|overall|bilan)\b", re.I)
_PERIOD = re.compile(r"\b(?:in|during|throughout|over)\s+(?:the\s+year\s+)?(?:19|20)\d\d\b(?![-/]\d)", re.I)
# "Angry residents beat a man to death on Tuesday": a verb that reads as present ("beat", "hit", "set", "shot")
# is a past told of one day when its clause names that day.
_PARTICULAR_DAY = re.compile(
    r"\b(?:on|last|this|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\byesterday\b|\blast\s+night\b|\bon\s+\d{1,2}\s+[A-Z][a-z]+\b|\bon\s+[A-Z][a-z]+\s+\d{1,2}\b",
)
_RUNNING_REACH = 60  # characters from the end of "the number of" to the trigger it counts
_HISTORY_DAYS = 180  # a happening of the last months told in passing is still coded, with its own date


def habitual_kind(trigger: Token, headline: bool = False) -> str | None:
    """'generic' or 'background' when the trigger's own clause says it is no single happening; else None."""
    clause = _clause_of(trigger)
    tokens = _clause_tokens(clause)
    # "27 terrorists have been killed and 40 arrested since January": a participle without auxiliaries of its
    # own shares its head's tense and time words, even with a subject of its own
    gapped = clause.dep_ == "conj" and clause.tag_ == "VBN" and not any(c.dep_ in _AUX for c in clause.children)
    if gapped or (
        clause.dep_ in ("advcl", "xcomp", "conj") and clause.tag_ in ("VBG", "VBN") and not _has_subject(clause)
    ):
        tokens += _clause_tokens(clause.head)  # "has been carrying out strikes for months, killing dozens"
    words = {t.lower_ for t in tokens}
    text = " ".join(t.text for t in tokens)
    perfect = _is_perfect(clause) or (gapped and _is_perfect(clause.head))
    if words & _FREQUENCY or _GENERIC.search(text):
        return "generic"
    if any(t.dep_ == "advmod" and t.lower_ in _PERIOD_ADVERBS for t in tokens):
        return "generic"  # "the army and jihadists have been clashing almost daily"
    if any(c.dep_ in ("det", "predet", "amod") and c.lower_ in _KIND_WORDS for c in trigger.children):
        return "generic"  # "frequent attacks"
    if any(_such_kind(t) for t in tokens):
        return "generic"  # "dozens of civilian deaths in such strikes"
    if _SINCE_YEAR.search(text) and (perfect or clause.tag_ in ("VBZ", "VBP")):
        return "generic"  # "have killed hundreds since 2015", "has been a closed zone since 2014"
    if (perfect or clause.dep_ == "acl") and _TALLY.search(text):
        return "generic"  # "more than 1,000 people have died this year", "the civilians killed since January"
    sentence = doc_text(trigger.doc)  # the extractor parses one sentence per doc (`.sent` costs a span per call)
    if _STATISTICS.search(sentence) and (_PERIOD.search(sentence) or _TALLY.search(sentence)):
        return "generic"  # a period's statistics, told in the words of events
    if _counted_in_running_total(trigger):
        return "generic"  # "bringing to 120 the number of soldiers killed in the region since January"
    if (
        not headline
        and _bare_plural_subject(trigger)
        and (perfect or (clause.tag_ in ("VBZ", "VBP") and not _PARTICULAR_DAY.search(text)))
    ):
        return "generic"  # "Kidnappings of herders have increased"
    if _standing(trigger, clause):
        return "generic"  # "the buffer zone is a closed military zone": a standing rule, not a happening
    if _HISTORY.search(text) or _HISTORY.search(" ".join(t.text for t in _clause_tokens(trigger.sent.root))):
        return "background"  # "held a first meeting more than a decade ago, but the arrangements agreed then ..."
    return None


# "the third such attack this month", "the latest such incident": this happening counted among others like it
_COUNTING_SUCH = frozenset(load_data("clauses.json")["counting_such"]["words"])


def _such_kind(token: Token) -> bool:
    """'such strikes' speaks of a kind of happening, not of one; 'the third such attack' counts this one."""
    if token.lower_ != "such" or token.head.i == token.i or token.i + 1 >= len(token.doc):
        return False
    if token.nbor(1).lower_ == "as":
        return False
    before = token.nbor(-1) if token.i > 0 else None
    return before is None or not (before.lower_ in _COUNTING_SUCH or before.ent_type_ == "ORDINAL")


def _counted_in_running_total(trigger: Token) -> bool:
    before = doc_text(trigger.doc)[max(0, trigger.idx - 200) : trigger.idx]
    ends = [m.end() for m in _RUNNING_TOTAL.finditer(before)]
    return bool(ends) and len(before) - ends[-1] <= _RUNNING_REACH


_TOLL_NOUNS = {"toll", "bilan"}


def _standing(trigger: Token, clause: Token) -> bool:
    """The trigger is what something is or remains now: a present-tense copula's complement."""
    if clause.lower_ not in ("is", "are", "remains", "remain"):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in _TOLL_NOUNS for c in clause.children):
        return False  # "The toll is one soldier dead": a happening's figure, told in the present
    node = trigger
    while node.head.i != clause.i and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("attr", "acomp", "oprd") or (node.i == trigger.i and trigger.dep_ in ("attr", "acomp"))


def is_history(date: dt.date, precision: int, reference: dt.date) -> bool:
    """A stated date long before the report's other events ("in April 2021", "in late 2023")."""
    end = date + dt.timedelta(days=30 if precision == 3 else 7 if precision == 2 else 0)
    return end < reference - dt.timedelta(days=_HISTORY_DAYS)


def _clause_of(token: Token) -> Token:
    """The verb whose clause holds the token; a gerund used as a noun ('in five weeks of fighting') or a subject is no
    clause."""
    node = token
    for _ in range(8):
        nominal = node.tag_ == "VBG" and node.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "compound", "conj")
        # a subject is a noun phrase, whatever its tag ("Drone strikes ... have become": "strikes" tagged VBZ)
        nominal = nominal or node.dep_ in ("nsubj", "nsubjpass")
        if (is_verb(node) and not nominal) or node.head.i == node.i:
            return node
        node = node.head
    return node


def _clause_tokens(clause: Token) -> list[Token]:
    """The clause's words, without the clauses it governs (their own time words are theirs)."""
    out = [clause]
    stack = [c for c in clause.children if not (c.dep_ in _CLAUSE_DEPS and _is_clause(c))]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if not (c.dep_ in _CLAUSE_DEPS and _is_clause(c)))
    return sorted(out, key=lambda t: t.i)


def _is_clause(token: Token) -> bool:
    """A clause of its own: a verb (a conjoined verb only with its own subject: 'died or went missing' is one)."""
    if token.dep_ == "conj" and not _has_subject(token):
        return False
    return is_verb(token) or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in token.children)


def _is_perfect(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve") for c in verb.children)


def _bare_plural_subject(trigger: Token) -> bool:
    """The trigger is a plural subject without article, number or possessor: a kind of happening ("Kidnappings
    have become ..."), not particular ones."""
    if trigger.dep_ not in ("nsubj", "nsubjpass") or trigger.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "predet") for c in trigger.children)


# French habits and generalities, read from the words of the trigger's clause: the English parse of a French
# sentence cannot say which clause a word is in, nor whether "Deux manifestants" is a bare plural.
_FRENCH_GENERIC = re.compile(
    r"\b(?:fr[ée]quent(?:e|s|es)?|fr[ée]quemment|r[ée]guli[èe]rement|souvent|habituellement|couramment|"
    r"r[ée]currente?s?|r[ée]guli[èe]re?s?|monnaie courante|de plus en plus|g[ée]n[ée]ralement|parfois|rarement|"
    r"chaque (?:jour|semaine|mois|ann[ée]e)|(?:tous|toutes) les (?:jours|semaines|mois|ans|ann[ée]es)|"
    # "les affrontements sont quasi quotidiens", "se sont intensifiés ces dernières semaines" (as "in recent weeks")
    r"(?:quasi[- ]|presque )?quotidien(?:ne)?s?|au quotidien|"
    r"(?:ces|au cours des) derni(?:ers|[èe]res) (?:semaines|mois|ann[ée]es)|"
    r"depuis (?:des|plusieurs|quelques) (?:semaines|mois|ann[ée]es|d[ée]cennies)|"
    # "les combats ont poussé des milliers de personnes à fuir depuis janvier": a running total since a month or year
    r"depuis (?:le d[ée]but de l['’]ann[ée]e|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|"
    r"octobre|novembre|d[ée]cembre|(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_FRENCH_CLAUSE_BREAK = re.compile(r"[;:]|\s(?:où|mais|alors que|tandis que|qui|dont)\s", re.IGNORECASE)


def french_habitual_kind(text: str, start: int) -> str | None:
    """'generic' when the French clause holding the trigger at `start` tells a habit or a generality ("les frappes de
    drones sont fréquentes dans la région", "des bergers y sont régulièrement enlevés"); else None."""
    begin = max((m.end() for m in _FRENCH_CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    after = _FRENCH_CLAUSE_BREAK.search(text, start)
    end = after.start() if after else len(text)
    # "..., tuant cinq civils, portant à 31 le nombre de victimes depuis janvier": the total's period is not the
    # trigger's, so its words are left out of the clause read
    clause = "".join(
        text[a:b] for a, b in _gaps(begin, end, [s for s in running_total_spans(text) if s[0] > start or s[1] <= start])
    )
    return "generic" if _FRENCH_GENERIC.search(clause) else None


_RUNNING_TOTAL_OPENER = re.compile("|".join(load_data("clauses.json")["running_total"]["openers"]), re.IGNORECASE)
_RUNNING_TOTAL_PERIOD = re.compile(
    r"\b(?:" + "|".join(load_data("clauses.json")["running_total"]["periods"]) + r")\b", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[;.](?:\s|$)|$")


def running_total_spans(text: str) -> list[tuple[int, int]]:
    """Where a clause beside the event gives a period's running total ("..., bringing to 31 the number killed
    since January"): from its opener to the clause's end, when a period word follows before that end."""
    spans = []
    for opener in _RUNNING_TOTAL_OPENER.finditer(text):
        end = _CLAUSE_END.search(text, opener.end())
        stop = end.start() if end else len(text)
        if _RUNNING_TOTAL_PERIOD.search(text, opener.end(), stop):
            spans.append((opener.start(), stop))
    return spans


def _gaps(begin: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of [begin, end) outside the holes."""
    out, at = [], begin
    for a, b in sorted(holes):
        if b <= at or a >= end:
            continue
        if a > at:
            out.append((at, a))
        at = max(at, b)
    if at < end:
        out.append((at, end))
    return out
