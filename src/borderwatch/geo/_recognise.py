"""Finding place mentions in a text: spaCy's entity spans as hints, and the gazetteer itself.

The small English model misses places of the region: it tags "Bourj Baji Mukhtar" an organisation, "Ain
Ghazzam" and "Niger" persons, and cannot split "theGhadames". So every span is a proposal: GPE/LOC/FAC
spans are places unless nothing in the gazetteer bears the name; ORG/PERSON/NORP spans and capitalised
word runs the model did not tag (`_capitalised_runs`) are places when the gazetteer knows the name and the evidence
is strong enough (a salient place, a locative word before it (`_locatives`), a route such as "from Gao to Ansongo"
or "the Ansongo road" (`_place_phrases`), a country the document is about). Demonyms used as adjectives ("the Libyan
border") are mentions of their country, unless they name a language ("translated from French", `_non_place_uses`).
Vocabularies that decide the reading are in data/recognition.json (`_recognition_words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ._attack_objects import after_attack_word
from ._capitalised_runs import CAPITALISED, NAME_LINK, NON_NAMES, text_proposals, trim_span
from ._division_names import division_kind_after
from ._line_heads import heads_a_line, opens_an_agency_dateline
from ._locatives import is_locative, is_strongly_locative, locative_pattern
from ._normalise import name_key
from ._place_phrases import is_route, names_a_crossing, names_a_post
from ._recognition_words import adjectives, alternatives, calendar_words, demonyms, function_words, keys, vocabulary
from ._sources import data_file

__all__ = [
    "GUARD_INITIAL",
    "GUARD_NONE",
    "GUARD_ORG",
    "GUARD_PERSON",
    "HINT_LABELS",
    "PLACE_LABELS",
    "Proposal",
    "propose_spans",
    "text_proposals",
]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
HINT_LABELS = {"ORG", "PERSON", "NORP"}
# Month and weekday names inside the model's dates and times are part of them ('in March'); the small model also
# tags places as dates ('in Manbij'), so only calendar words are set aside.
_TEMPORAL_LABELS = {"DATE", "TIME"}
_LOWER_WORD = re.compile(r"(?<![\w'’.\-])[a-zà-ÿ]")
# How much a capitalised span the model did not tag as a place needs to count as one (see `Geoparser`).
GUARD_NONE, GUARD_INITIAL, GUARD_ORG, GUARD_PERSON = 0, 2, 3, 4
_GUARD_OF_LABEL = {"PERSON": GUARD_PERSON, "ORG": GUARD_ORG, "NORP": GUARD_ORG}


@dataclass(frozen=True)
class Proposal:
    """A span that may be a place: where it came from decides how much evidence it needs."""

    start: int
    end: int
    origin: str  # "place" (GPE/LOC/FAC), "hint" (ORG/PERSON/NORP), "text" (untagged capitalised words)
    locative: bool  # a locative word stands right before it
    demonym: str | None  # what a demonym adjective stands for: a country (alpha-2) or 'continent:XX'
    label: str = ""  # the entity model's label
    attacked: bool = False  # an attack word stands right before it ('gunmen attacked Boni'): `_attack_objects`
    site: bool = False  # a site noun presents it ('le village de Kouroutaga'): a settlement or post, `_site_words`


def _calendar_word(text: str, start: int, end: int, temporal: list[tuple[int, int]]) -> bool:
    """A month or weekday name inside one of the model's dates or times."""
    return name_key(text[start:end]) in calendar_words() and any(s <= start and end <= e for s, e in temporal)


def _comma_parts(text: str, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A place span of the model that holds a place and what contains it ('Thruxton, Hampshire', 'Tin Essako,
    Mali'), as its parts: the whole names no place, and the words inside a place span are not looked at again."""
    parts = []
    for start, end, label in entities:
        if label not in PLACE_LABELS or "," not in text[start:end]:
            parts.append((start, end, label))
            continue
        for match in re.finditer(r"[^,]+", text[start:end]):
            words = match.group()
            lead = len(words) - len(words.lstrip())
            if words.strip():
                parts.append((start + match.start() + lead, start + match.start() + len(words.rstrip()), label))
    return parts


def _entity_proposals(text: str, entities: Sequence[tuple[int, int, str]]) -> list[Proposal]:
    found = []
    table = adjectives()
    for start, end, label in _comma_parts(text, entities):
        if label not in PLACE_LABELS and label not in HINT_LABELS:
            continue
        start, end = trim_span(text, start, end)
        start, end, presented = _after_locative_inside(text, start, end)
        if end <= start or _only_kind_words(text[start:end]):
            continue
        key = name_key(text[start:end])
        if key in NON_NAMES:
            continue
        demonym = table.get(key)
        crossing = demonym is None and names_a_crossing(text, end)
        if label == "NORP" and demonym is None and not crossing:
            continue
        origin = "place" if label in PLACE_LABELS or (label == "NORP" and crossing) else "hint"
        locative = is_locative(text, start) if origin == "place" else is_strongly_locative(text, start)
        division = demonym is None and division_kind_after(text, start, end)
        post = demonym is None and names_a_post(text, start, end)
        dateline = demonym is None and opens_an_agency_dateline(text, start, end)
        # A person's name before a colon is a speaker's ('Traoré: we were attacked'), not a line's place.
        heading = demonym is None and label != "PERSON" and heads_a_line(text, start, end)
        locative = locative or presented or crossing or post or division or dateline or heading
        locative = locative or (demonym is None and is_route(text, start, end))
        attacked = demonym is None and after_attack_word(text, start)
        found.append(Proposal(start, end, origin, locative, demonym, label, attacked))
    return found


@lru_cache(maxsize=1)
def _kind_vocabulary() -> frozenset[str]:
    """Articles and the words for kinds of place and division, in lower case (data/recognition.json)."""
    words = vocabulary()
    found = [*words["kind_words"], *words["division_words_before"], *words["division_words_after"]]
    found += [*words["locatives"]["articles"], *words["locatives"]["weak_place_nouns"]]
    found += [w for language in words["locatives"]["place_nouns"].values() for w in language]
    return frozenset(word.lower() for phrase in found for word in re.split(r"[\s'’]+", phrase) if word)


def _only_kind_words(span: str) -> bool:
    """'la province', 'the region': a span of the model written in lower case with only articles and words for
    kinds of place names no place (it stood between a village and its province: 'Bourasso, dans la province de la
    Kossi', and hid the province as its container)."""
    words = [w for w in re.split(r"[\s'’]+", span) if w]
    return bool(words) and span.islower() and all(w in _kind_vocabulary() for w in words)


def _after_locative_inside(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """A model span that holds the locative words before the name ('nord de Ménaka', 'de Ayorou' of 'la route de
    Ayorou', 'Le village de Bankilaré', 'de Sebba jeudi': the English model reads French poorly) is the name alone,
    presented as a place by those words: (start, end, presented). Other spans are returned as they are."""
    if not _LOWER_WORD.search(text, start, end):
        return start, end, False  # no word in lower case: no locative words inside (most spans: read cheaply)
    for word in CAPITALISED.finditer(text, start + 1, end):
        found = locative_pattern(True).search(text[max(0, word.start() - 40) : word.start()])
        if found is None:
            continue
        phrase_start = max(0, word.start() - 40) + found.start()
        lead = text[start:phrase_start].strip()
        # Before the locative words, an article or only words in lower case: the sentence's, which the model took in
        # ('a eu lieu près de Tombouctou' PERSON); a capitalised word there is part of a name ('Banque de France').
        swallowed = lead.islower() or not lead
        if phrase_start > start and lead.lower() not in vocabulary()["locatives"]["articles"] and not swallowed:
            continue
        # The name's own words: trailing lower-case words are the sentence's ('de Sebba jeudi').
        name_end = word.end()
        for more in CAPITALISED.finditer(text, word.end(), end):
            if not NAME_LINK.fullmatch(text[name_end : more.start()]):
                break
            name_end = more.end()
        return word.start(), name_end, True
    return start, end, False


def propose_spans(
    text: str,
    entities: Sequence[tuple[int, int, str]],
    known: set[str] | None = None,
    spans: list[tuple[int, int, bool]] | None = None,
) -> tuple[list[Proposal], list[tuple[int, int, int]]]:
    """Entity proposals, and the untagged capitalised spans outside them, each with its guard level.

    With `known` (the name keys the gazetteer has) untagged spans are kept only when known, and a place span
    of the model that a longer known name contains is read as that name ('Jebel' GPE + 'Semmama' PERSON:
    'Jebel Semmama'). `spans` are the `text_proposals` of the text, when already computed.
    """
    spans = text_proposals(text) if spans is None else spans
    proposals = _entity_proposals(text, entities)
    if known is not None:
        known_spans = [(s, e) for s, e, _ in spans if name_key(text[s:e]) in known]
        proposals = [_narrowed(text, _extended(text, p, known_spans), known, known_spans) for p in proposals]
    proposals = _with_lower_case_demonyms(text, proposals)
    covered = bytearray(len(text) + 1)
    for p in proposals:
        # Inside a person's or organisation's name, words stay candidates but are marked as such.
        mark = GUARD_NONE + 1 if p.origin == "place" or p.demonym is not None else _GUARD_OF_LABEL.get(p.label, 0)
        covered[p.start : p.end] = bytes([mark]) * (p.end - p.start)
    temporal = [(start, end) for start, end, label in entities if label in _TEMPORAL_LABELS]
    loose = []
    for s, e, initial in spans:
        if known is not None and name_key(text[s:e]) not in known:
            continue
        if (temporal and _calendar_word(text, s, e, temporal)) or name_key(text[s:e]) in function_words():
            continue
        marks = covered[s:e]
        if GUARD_NONE + 1 in marks:
            continue
        # Guarded only when wholly inside one such name; a longer place name across the model's spans
        # ('Sakiet' NORP + 'Sidi Youssef' PERSON) is the better reading.
        inside = set(marks)
        guard = inside.pop() if len(inside) == 1 and inside <= {GUARD_PERSON, GUARD_ORG} else GUARD_NONE
        loose.append((s, e, GUARD_INITIAL if initial and guard == GUARD_NONE else guard))
    return proposals, loose


@lru_cache(maxsize=1)
def _lower_case_demonym_pattern() -> re.Pattern[str]:
    """The demonyms data/countries.json writes in lower case, as French writes them ('malien', 'algériennes')."""
    words = [
        word
        for entry in data_file("countries.json")["countries"].values()
        for word in entry.get("demonyms", [])
        if word[:1].islower()
    ]
    return re.compile(r"(?<![\w'’-])(?:" + alternatives(words) + r")(?![\w'’-])")


def _with_lower_case_demonyms(text: str, proposals: list[Proposal]) -> list[Proposal]:
    """The proposals, with every French demonym in lower case ('les soldats maliens', 'la frontière algérienne'):
    what country a report is about, which the entity model does not tag. One inside a person's or organisation's
    span of the model ("L'armée malienne" PERSON) replaces that span, which names no place."""
    found = [
        Proposal(m.start(), m.end(), "hint", False, demonyms()[name_key(m.group())], "NORP")
        for m in _lower_case_demonym_pattern().finditer(text)
    ]
    if not found:
        return proposals
    kept = [
        p
        for p in proposals
        if p.origin == "place" or p.demonym is not None or not any(p.start <= d.start and d.end <= p.end for d in found)
    ]
    taken = [(p.start, p.end) for p in kept]
    return kept + [d for d in found if not any(s < d.end and d.start < e for s, e in taken)]


def _narrowed(text: str, proposal: Proposal, known: set[str], known_spans: list[tuple[int, int]]) -> Proposal:
    """A place span of the model that is no known name but holds one with only kind words around it ('West
    Virginia State' of 'West Virginia State Police', 'City of Turkey'), read as that name: looked up whole it is
    matched loosely to another place ('Virginia', 'Tracy'). A name whose other words are not kind words is left
    whole ('Ain Ghazzam' is no 'Ain')."""
    if proposal.origin != "place" or name_key(text[proposal.start : proposal.end]) in known:
        return proposal
    kind = keys("kind_words")
    inner = [
        (s, e)
        for s, e in known_spans
        if proposal.start <= s and e <= proposal.end and (s, e) != (proposal.start, proposal.end)
        and all(w in kind for w in name_key(text[proposal.start : s] + " " + text[e : proposal.end]).split())
    ]  # fmt: skip
    if not inner:
        return proposal
    start, end = max(inner, key=lambda span: span[1] - span[0])
    locative = is_locative(text, start) or is_route(text, start, end)
    return Proposal(start, end, "place", locative, None, proposal.label)


def _extended(text: str, proposal: Proposal, known_spans: list[tuple[int, int]]) -> Proposal:
    """A place span of the model grown to the longest known name that contains it."""
    if proposal.origin != "place":
        return proposal
    size = proposal.end - proposal.start
    longer = [(s, e) for s, e in known_spans if s <= proposal.start and proposal.end <= e and e - s > size]
    if not longer:
        return proposal
    start, end = max(longer, key=lambda span: span[1] - span[0])
    locative = is_locative(text, start) or is_route(text, start, end)
    return Proposal(start, end, "place", locative, None, proposal.label)
