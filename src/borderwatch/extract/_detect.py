"""One candidate sentence, parsed, to at most one event mention: sub-type, tags, modality, parties, date, numbers.

The steps are small functions over the sentence's cues (from `Ontology.scan`), its
spaCy `Doc` and the actor mentions the registry finds in it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ._air_strikes import aircraft_strikes
from ._chained_dates import chain_days
from ._cue_checks import confirmed_cues
from ._dates import DateMention, ResolvedDate, find_dates
from ._discovery import victims_not_agents, without_finders
from ._event_date import dates_reporting, event_date, resolve_event_date
from ._filer import NO_FILER, Filer
from ._habitual import french_habitual_kind, habitual_kind, running_total_spans
from ._lex import doc_text, lemma, register_bases
from ._modality import (
    background_kind,
    french_background,
    french_without,
    is_background,
    modality_of,
    tells_result,
    years_before,
)
from ._occasion import joins_its_occasion
from ._ontology import CueHit, Ontology
from ._place_markers import place_marker_spans
from ._quantities import (
    QuantityMention,
    fatalities_of,
    find_quantities,
    is_person_noun,
)
from ._quantity_patterns import BARE_NUMBER
from ._recalled_years import french_recalled_year, recalled_year
from ._registry import ActorMention, ActorRegistry
from ._roles import Party, assign_roles, derived_cues
from ._roles_fr import french_modality, is_french, is_french_function_word, with_french_roles
from ._segment import Sentence
from ._sides import civilian_majority, french_targets, named_victims, sides_by_parse, unnamed_victims
from ._text import load_data

__all__ = ["SentenceEvent", "detect"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NUMBER_WORD = re.compile(rf"\W*{BARE_NUMBER}\W*", re.IGNORECASE)  # a count, in words or digits: never a place name
_ORG_LABELS = {"ORG", "NORP"}
# Sentences that only add to an event told just before ("The attack was claimed by ...", "Selon une source
# sécuritaire, les combats ont eu lieu à 20 km de Boni"): an attribution may come first.
_ATTRIBUTION = r"^(?:(?:according\s+to|citing|selon|d['’]apr[èe]s)\s+[^,;:]{1,60},\s*)?"
_HAPPENING_NOUNS = (
    r"attacks?|assaults?|ambush(?:es)?|clash(?:es)?|fighting|raids?|incidents?|explosions?|blasts?|strikes?|"
    r"operations?|violence|protests?|demonstrations?|unrest|riots?|kidnappings?|abductions?|killings?|massacre|"
    r"attaques?|assauts?|embuscades?|affrontements?|combats?|accrochages?|explosions?|frappes?|op[ée]rations?|"
    r"violences|manifestations?|[ée]meutes?|enl[èe]vements?|tueries?"
)
_ANAPHORA = re.compile(
    _ATTRIBUTION + r"(?:(?:the|this|that|these|during the|in the|after the|following the)\s+(?:\w+\s+){0,2}?"
    r"(?:" + _HAPPENING_NOUNS + r"|assailants|attackers|gunmen|militants|kidnappers|abductors|captors|victims|bodies|"
    r"toll|raid|protesters|demonstrators|marchers|rioters|crowd)|"
    r"(?:le|la|les|ce|cet|cette|ces|lors\s+de\s+la|lors\s+des|pendant\s+les|durant\s+les)\s+(?:\w+\s+){0,2}?"
    r"(?:" + _HAPPENING_NOUNS + r"|assaillants|ravisseurs|victimes|bilan|manifestants|[ée]meutiers)|"
    r"(?:lors\s+de\s+|apr[èe]s\s+)?l['’]\s*(?:attaque|assaut|embuscade|affrontement|accrochage|explosion|"
    r"op[ée]ration|enl[èe]vement|incident))\b",
    re.IGNORECASE,
)
# "The fighting, which lasted until early Monday, ...": the happening itself named again, not only its doers ("The
# attackers struck again on Monday" tells another attack); "again", "resumed", "de nouveau", "ont repris" tell another
_SAME_HAPPENING = re.compile(
    _ATTRIBUTION + r"(?:the|this|that|les?|la|l['’]|ce|cet|cette|ces)\s*(?:\w+\s+)?(?:fighting|clash(?:es)?|attack|"
    r"ambush|combats|affrontements|attaque|embuscade|accrochage)\b(?!.*\b(?:again|anew|resum\w*|renew\w*|restart\w*|"
    r"de\s+nouveau|[àa]\s+nouveau|repris\w*|reprise|recommenc\w*)\b)",
    re.IGNORECASE,
)


@dataclass
class SentenceEvent:
    """What one sentence says happened (or, with a modality, did not)."""

    sentence: Sentence
    sub_event_type: str
    event_type: str
    tags: set[str]
    modality: str | None
    cues: frozenset[str]
    rule: int  # index of the rule that coded it; -1 when only a border tag did
    parties: list[Party]
    date: ResolvedDate | None
    date_text: str | None
    quantities: list[QuantityMention]
    fatalities: int | None
    places: list[tuple[int, int, str]]  # entity spans in report offsets
    orgs: list[tuple[int, int]] = field(default_factory=list)
    anaphoric: bool = False
    same_happening: bool = False  # names the happening told before again ("The fighting, which lasted until ...")
    countries: list[str] = field(default_factory=list)
    country_names: list[str] = field(default_factory=list)
    chain_days: int | None = None  # "the next day": days after the event told before
    date_weak: bool = False  # the sentence dates only the telling ("the army said on Monday")


def detect(
    sentence: Sentence,
    hits: list[CueHit],
    doc: Any,
    ontology: Ontology,
    registry: ActorRegistry,
    published: dt.date | None,
    filer: Filer = NO_FILER,
) -> SentenceEvent | None:
    """The event a candidate sentence states, or None when its cues add up to none. `filer`: the state force
    whose communiqué or field report the report is (`filer_of`), whose are the sentence's "our units"."""
    text = sentence.text
    headline = sentence.headline
    hits = confirmed_cues(doc, hits, ontology, registry)
    # "a military plane bombed a market": the aircraft, read from the parse, makes the strike an air strike
    hits = sorted(hits + aircraft_strikes(doc, hits), key=lambda h: (h.start, -h.end))
    confirmed = hits
    # "..., bringing to 31 the number killed since January": the period's total is no part of this happening
    totals = running_total_spans(text)
    hits = [h for h in hits if not any(s <= h.start < e for s, e in totals)]
    told = [h for h in hits if h.cue in ontology.eventive]
    statuses: dict[CueHit, str | None] = {}  # each told cue's own status, read once (it walks the parse)
    this_year = published.year if published is not None else None  # years before it are recalled history
    eventive, hits, dropped = _foreground(doc, told, hits, headline, statuses, this_year)
    # "set fire to the town hall to protest against water cuts": the protest is no happening of its own, but why
    motive = {"protest_motive"} if any(h.cue == "protest" and h not in eventive for h in told) else set()
    motive |= _protest_behind_arrests(text, told, eventive)
    hits = [h for h in hits if not any(s <= h.start < e for s, e in dropped)]
    quantities = [q for q in find_quantities(text) if not any(s <= q.start < e for s, e in dropped + totals)]
    fatalities = fatalities_of(quantities)
    # Roles are read around the words of the happening; border tags ("patrol") only when there are none.
    core = [h for h in eventive if not h.cue.startswith("tag:")]
    # "..., which also left 11 attackers dead": the toll counts, the roles are read around the happening itself
    core = [h for h in core if not _tells_result(doc, h)] or core
    triggers = [(h.start, h.end) for h in (core or eventive)]
    mentions = [m for m in _mentions(text, doc, registry) if m.start >= sentence.lead]  # not the dateline's place
    # "..., only hours after jihadists had killed five soldiers near Boni": a background happening's parties, like its
    # dead, take no part in this one
    mentions = [m for m in mentions if not any(s <= m.start < e for s, e in _clauses_of_their_own(doc, dropped))]
    mentions = _first_person_forces(text, mentions, filer)
    parties = with_french_roles(text, assign_roles(doc, mentions, triggers), triggers)
    parties = without_finders(doc, parties)
    parties = victims_not_agents(doc, hits, {h.cue for h in core}, parties)
    quantities = sides_by_parse(doc, quantities, mentions)
    quantities += named_victims(doc, quantities, [(h.start, h.end) for h in core if h.cue == "kill"])
    tags = {h.cue[4:] for h in hits if h.cue.startswith("tag:")}
    cues = {h.cue for h in hits if not h.cue.startswith("tag:")} | tags
    cues |= derived_cues(parties, text, registry, doc, triggers) | ({"kill_victims"} if fatalities else set())
    cues |= french_targets(text, registry, triggers, cues)
    cues |= civilian_majority(quantities, registry) | motive
    cues |= unnamed_victims(quantities, registry, cues)
    cues -= _instruments(doc, hits)
    coded = _code(ontology, cues, tags, hits, fatalities)
    if coded is None:
        return None
    (sub_event_type, rule), tags = coded
    if core and all(_names_doers(text[h.start : h.end]) for h in core):
        # "Reinforcements found no trace of the attackers": the doers of an event told before, no act of its own
        tags = tags | {"_doers_only"}
    anchor = _anchor(eventive, ontology, rule, tags)
    dates = [d for d in find_dates(text) if d.start >= sentence.lead]  # a dateline dates the telling
    # "The blast occurred during a combing operation launched after the discovery on Sunday of a hideout containing two
    # rifles": the day of a seizure told as background is not this happening's; that of a happening told in a clause
    # dropped as background only when another is left ("killed 15 terrorists who had attacked a convoy on Sunday")
    recalled = [
        (h.start, h.end)
        for h in confirmed
        if h.cue.startswith("tag:") and _status(doc, h, False, this_year) == "background"
    ]
    dates = [d for d in dates if not any(s <= d.start < e for s, e in recalled)]
    dates = [d for d in dates if not any(s <= d.start < e for s, e in dropped)] or dates
    date_mention = event_date(doc, dates, anchor)
    status = _status_once(doc, anchor, headline, statuses, this_year) if anchor is not None else None
    if status == "background" and date_mention is not None and not _dates_recalled(doc, anchor, date_mention):
        # "The governor visited Arbinda on Tuesday, where jihadists had killed eleven villagers last year": Tuesday is
        # the visit's day, and the recalled killing, a year or more before, is no recent one told in passing
        date_mention = None
    return SentenceEvent(
        sentence=sentence,
        sub_event_type=sub_event_type,
        event_type=ontology.type_of[sub_event_type],
        tags=tags,
        modality=_decided(text, tags, status) if anchor is not None else None,
        cues=frozenset(cues),
        rule=rule,
        parties=parties,
        date=resolve_event_date(doc, dates, date_mention, published),
        date_weak=date_mention is not None and dates_reporting(doc, date_mention),
        date_text=text[date_mention.start : date_mention.end] if date_mention else None,
        quantities=quantities,
        fatalities=fatalities,
        places=_places(sentence, doc),
        anaphoric=bool(_ANAPHORA.match(text)),
        same_happening=bool(_SAME_HAPPENING.match(text)),
        chain_days=chain_days(text),
        countries=[code for _, _, code in registry.countries_in(text)],
        country_names=[
            code
            for s, e, code in registry.countries_in(text)
            if registry.is_country_name(text[s:e]) and not _DIRECTION.search(text[max(0, s - 40) : s])
        ],
    )


_DOER_NOUNS = frozenset(load_data("clauses.json")["doer_nouns"]["words"])


def _names_doers(trigger: str) -> bool:
    """The trigger names people ('the attackers', 'the kidnappers'), not an act."""
    return is_person_noun(trigger) or trigger.lower() in _DOER_NOUNS


def _places(sentence: Sentence, doc: Any) -> list[tuple[int, int, str]]:
    """The sentence's place names (report offsets): the parse's, and those French place markers present ('près de
    Ouallam'), which the English model seldom tags, so that a French sentence naming another place is not read as
    the same event's."""
    at = sentence.start
    # the English model tags a French sentence's opening number ('Trois soldats ...', 'Quatorze villageois ...') as a
    # place; a toll sentence read as naming another place would not join the attack told before it
    places = [
        (at + e.start_char, at + e.end_char, e.text)
        for e in doc.ents
        if e.label_ in _PLACE_LABELS and not is_french_function_word(e.text) and not _NUMBER_WORD.fullmatch(e.text)
    ]
    for span in place_marker_spans([sentence]):
        if not _overlaps(span.start, span.end, [(s, e) for s, e, _ in places]):
            places.append((span.start, span.end, sentence.text[span.start - at : span.end - at]))
    for m in _NAMED_POST.finditer(sentence.text):
        if not _overlaps(at + m.start("name"), at + m.end("name"), [(s, e) for s, e, _ in places]):
            places.append((at + m.start("name"), at + m.end("name"), m.group("name")))
    return sorted(places)


# "04 AUG: Post Boulkessi attacked 0200Z; Post Mondoro attacked 0330Z": a line item opening with a named post (at the
# line's start or after its label's colon or a semicolon); one capitalised word followed by no other, so that "Camp
# Commander Ag Intalla said" names no place
_NAMED_POST = re.compile(
    r"(?:^|[:;]\s*)(?:\d{4}Z:?\s*)?(?:"
    + "|".join(re.escape(n) for n in load_data("clauses.json")["named_posts"]["nouns"])
    + r")\s+(?P<name>[A-ZÀ-Ý][\w'’-]+)(?!\s+[A-ZÀ-Ý])"
)


# "decided to close the border", "said it would close the crossing from Friday": the decree is the restriction
_DECIDED = re.compile("|".join(load_data("ontology.json")["decided_restrictions"]["patterns"]), re.IGNORECASE)
_UNDECIDED = re.compile("|".join(load_data("ontology.json")["decided_restrictions"]["unless"]), re.IGNORECASE)


def _decided(text: str, tags: set[str], modality: str | None) -> str | None:
    """A movement restriction an authority decided or announced happened (the decision), though told as to come."""
    to_come = modality in ("intent", "future", "hypothetical") and "movement_restriction" in tags
    if to_come and _DECIDED.search(text) and not _UNDECIDED.search(text):
        return None
    return modality


# "towards the border with Burkina Faso", "coming from southern Libya": where from or to, not where.
_DIRECTION = re.compile(
    r"\b(?:from|towards?|into|across|with|to|back\s+to|fled\s+to|entering)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _code(
    ontology: Ontology, cues: set[str], tags: set[str], hits: list[CueHit], fatalities: int | None
) -> tuple[tuple[str, int], set[str]] | None:
    """(sub-event type, rule index) by the rules; else by the first eventive border tag (rule -1); else deaths
    alone, marked as an addendum to the event told before ("3 smugglers were killed.")."""
    coded = ontology.classify(cues)
    if coded is not None:
        return coded, tags
    sub = ontology.tag_fallback(sorted(tags, key=_tag_order(hits)))
    if sub is not None:
        return (sub, -1), tags
    if fatalities and "kill" in cues:
        return ("Armed clash", -1), tags | {"_addendum"}
    return None


def _protest_behind_arrests(text: str, told: list[CueHit], eventive: list[CueHit]) -> set[str]:
    """'Police arrested twelve activists on Thursday who had staged a sit-in': the protest told in the background
    of the arrests, with no date after it (its own earlier day, 'last month'), is the occasion they ended."""
    background = [h.start for h in told if h.cue == "protest" and h not in eventive]
    if not background or not any(h.cue == "arrest" for h in eventive):
        return set()
    return set() if any(d.start > min(background) for d in find_dates(text)) else {"protest_occasion"}


def _foreground(
    doc: Any,
    eventive: list[CueHit],
    hits: list[CueHit],
    headline: bool = False,
    statuses: dict[CueHit, str | None] | None = None,
    this_year: int | None = None,
) -> tuple[list[CueHit], list[CueHit], list[tuple[int, int]]]:
    """Drop the cue occurrences that state no happening of this sentence's own (negated, intended, background),
    with the words that depend on them ("to denounce the killing of a young man"), unless nothing would be left:
    then the sentence is coded from all of them and its modality says why. `statuses` receives each cue's own
    `_status`, for the caller to read again."""
    status = {h: _status(doc, h, headline, this_year) for h in eventive}
    if statuses is not None:
        statuses.update(status)
    kept_roots = [r for h in eventive if status[h] is None and (r := _root(doc, h)) is not None]
    for h in eventive:
        root = _root(doc, h)
        if status[h] == "background" and root is not None and joins_its_occasion(root, kept_roots):
            status[h] = None
    kept = [h for h in eventive if status[h] is None]
    if not kept or len(kept) == len(eventive):
        return eventive, hits, []
    dropped = [h for h in eventive if h not in kept]
    # The words under a dropped cue go with it, but for a temporal clause of the same story ("... before
    # security forces killed the two assailants"), whose deaths and parties still count.
    spans = [_subtree_span(doc, h) for h in dropped if _background(doc, h) != "clause"]
    kept_starts = [h.start for h in kept]
    spans = [(s, e) for s, e in spans if not any(s <= k < e for k in kept_starts)]
    return kept, [h for h in hits if h not in dropped], spans


def _clauses_of_their_own(doc: Any, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The dropped spans that are an adverbial clause of the sentence's verb ('only hours after jihadists had killed
    five soldiers'): another happening with parties of its own. A relative clause ('militants who had attacked a
    village') tells more of this happening's party, whose words still say who it is."""
    clauses = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if span.root.dep_ == "advcl":
            clauses.append((start, end))
        elif span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "advcl":
            # "The attack comes two weeks after a clash between the army and militants left 10 dead": the happening
            # is the subject of the clause, whose words are all that other happening's
            clause = span.root.head
            first, last = doc[clause.left_edge.i], doc[clause.right_edge.i]
            clauses.append((first.idx, last.idx + len(last)))
    return clauses


def _dates_recalled(doc: Any, anchor: CueHit, date: DateMention) -> bool:
    """The date may date the happening a sentence only recalls: unless its own words place it a year or more before
    ('where jihadists had killed eleven villagers last year'), and the date is not among them."""
    root = _root(doc, anchor)
    if root is None or not years_before(root):
        return True  # a recent happening told in passing ("condemned on Tuesday the killing of ...") keeps the day
    start, end = doc[root.left_edge.i].idx, doc[root.right_edge.i].idx + len(doc[root.right_edge.i])
    return start <= date.start and date.end <= end


def _root(doc: Any, hit: CueHit) -> Any:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _background(doc: Any, hit: CueHit) -> str | None:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return background_kind(span.root) if span is not None and len(span) else None


def _tells_result(doc: Any, hit: CueHit) -> bool:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and tells_result(span.root)


def _subtree_span(doc: Any, hit: CueHit) -> tuple[int, int]:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return hit.start, hit.end
    tokens = list(span.root.subtree)
    return min(hit.start, tokens[0].idx), max(hit.end, tokens[-1].idx + len(tokens[-1]))


def _status_once(
    doc: Any, hit: CueHit, headline: bool, statuses: dict[CueHit, str | None], this_year: int | None
) -> str | None:
    """`_status`, read from `statuses` when `_foreground` read it already (same sentence, same headline)."""
    return statuses[hit] if hit in statuses else _status(doc, hit, headline, this_year)


def _status(doc: Any, hit: CueHit, headline: bool = False, this_year: int | None = None) -> str | None:
    """The trigger's modality or background; `this_year`, the report's, dates the bare years told before it."""
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root if len(span) > 1 else span[0]
    text = doc_text(doc)
    if is_french(text):
        # the English parse of a French sentence says nothing of its clauses ('a tué samedi six civils' read as
        # a relative clause): its words before the trigger do
        negated = "negated" if french_without(text, hit.start) else None
        recalled = french_background(text, hit.start) or french_recalled_year(text, hit.start, this_year)
        background = "background" if recalled else None
        modality = french_modality(text, hit.start) or negated or french_habitual_kind(text, hit.start)
        return modality or background
    recalled = is_background(token) or recalled_year(token, _subtree_text(token), this_year)
    own = modality_of(token) or ("background" if recalled else None) or habitual_kind(token, headline)
    # A long cue ("declared the mountains closed military zones") may reach into a clause of its own.
    return own or next((kind for t in span if t.i != token.i and (kind := habitual_kind(t, headline))), None)


def _subtree_text(token: Any) -> str:
    """The words of the trigger's phrase: a day named there dates it ('the 2019 attack' is no day's)."""
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1].text


_USING = {"use", "employ", "with", "using", "wield", "carry", "equip", "arm", "detonate", "fire", "throw"}
_INSTRUMENTS = {"ied", "grenade", "shelling"}


def _instruments(doc: Any, hits: list[CueHit]) -> set[str]:
    """Explosives an assault used ('used a car bomb against the gate before storming it', 'detonated a car bomb and
    attacked the headquarters'): the assault is the event, the bomb its means."""
    if not any(h.cue == "attack" for h in hits):
        return set()
    used = set()
    for hit in hits:
        if hit.cue in _INSTRUMENTS:
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            if root is not None and root.dep_ in ("dobj", "pobj") and lemma(root.head) in _USING:
                used.add(hit.cue)
    return used if used == {h.cue for h in hits if h.cue in _INSTRUMENTS} else set()


def _tag_order(hits: list[CueHit]) -> Any:
    first = {}
    for h in hits:
        if h.cue.startswith("tag:"):
            first.setdefault(h.cue[4:], h.start)
    return lambda tag: first.get(tag, 0)


def _mentions(text: str, doc: Any, registry: ActorRegistry) -> list[ActorMention]:
    """Registry mentions, then organisations the NER finds that no mention covers, then bare country names."""
    mentions = registry.find(text)
    covered = [(m.start, m.end) for m in mentions]
    for ent in doc.ents:
        if ent.label_ in _ORG_LABELS and not _overlaps(ent.start_char, ent.end_char, covered):
            if ent.label_ == "NORP" or len(ent.text) < 3:
                continue
            org = registry.org_mention(text, ent.start_char, ent.end_char)
            if org is not None:
                mentions.append(org)
                covered.append((ent.start_char, ent.end_char))
    for start, end, code in registry.countries_in(text):
        # Only a country's name can stand for its state ("Tunisia arrested"); "Chadian rebels" are no Chadian state.
        if (
            not _overlaps(start, end, covered)
            and registry.is_country_name(text[start:end])
            and not _qualifies_a_place(text, start, registry)
        ):
            mentions.append(ActorMention(start, end, text[start:end], "state", force="auto", country=code))
    return _own_forces(text, sorted(mentions, key=lambda m: m.start))


# "The Libyan National Army said its forces had clashed with rebels": its forces are the army's own.
_OWN_FORCES = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:forces|troops|fighters|units|men|soldiers|elements|combatants|members)\b",
    re.IGNORECASE,
)


def _own_forces(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A possessive's forces ('its forces', 'their fighters') stand for the named actor or force told before them."""
    for m in _OWN_FORCES.finditer(text):
        owner = next((a for a in reversed(mentions) if a.end <= m.start() and (a.named or a.force)), None)
        if owner is None or owner.force == "auto":
            continue
        rest = [a for a in mentions if not (m.start() <= a.start < m.end())]
        own = replace(owner, start=m.start(), end=m.end(), text=m.group())
        mentions = sorted([*rest, own], key=lambda a: a.start)
    return mentions


# "Our units neutralised two terrorists", "nos unités ont neutralisé", "attacked our post": a communiqué's first
# person is its speaker.
_FIRST_PERSON_FORCES = re.compile(
    r"\b(?:our|nos|notre)\s+(?:own\s+)?(?:forces|troops|units?|men|soldiers|elements|detachments?|patrols?|"
    r"unités|unité|éléments|détachements?|hommes|soldats|troupes|patrouilles?|"
    # what they hold: "terrorists attacked our post" targets the speaker
    r"posts?|bases?|positions?|convoys?|camps?|barracks|postes?|convois?|casernes?)\b",
    re.IGNORECASE,
)


def speaker_of(label: str | None, registry: ActorRegistry) -> ActorMention | None:
    """The state force a communiqué's label names ("Ministry of National Defence communiqué:" -> Algeria's
    military, "Interior Ministry statement:" -> the police), or None."""
    if not label:
        return None
    return next(
        (m for m in registry.find(label) if (m.force and m.force != "auto") or any(a.type == 1 for a in m.named)),
        None,
    )


def _first_person_forces(text: str, mentions: list[ActorMention], filer: Filer) -> list[ActorMention]:
    """'Our units', 'nos unités' (and a post's 'the post') stand for the communiqué's speaker, else for the state
    force the sentence names before them, else for a state's military (a force that speaks of its units in the
    first person is a state's), of the filer's country when they name none ('the Ministry of Defence announced
    that our units'). A force the sentence names with no country ('border guards', 'the gendarmerie') is the
    speaker's country's: a ministry's communiqué tells of its own forces."""
    speaker = filer.force
    if speaker is not None and speaker.country:
        mentions = [
            replace(a, country=speaker.country) if a.force not in (None, "auto") and a.country is None else a
            for a in mentions
        ]
    found = list(_FIRST_PERSON_FORCES.finditer(text))
    if speaker is not None and filer.own_words is not None:
        found = sorted([*found, *filer.own_words.finditer(text)], key=lambda m: m.start())
    for m in found:
        if any(a.start <= m.start() < a.end for a in mentions):
            continue
        before = next(
            (a for a in reversed(mentions) if a.end <= m.start() and a.party == "state" and a.force != "auto"), None
        )
        owner = speaker or before or ActorMention(0, 0, "", "state", force="military")
        country = owner.country or (filer.country if owner.force else None)  # a named actor has its own
        own = replace(owner, start=m.start(), end=m.end(), text=m.group(), country=country)
        mentions = sorted([*mentions, own], key=lambda a: a.start)
    return mentions


_AFTER_PLACE = re.compile(r"(?:\b(?P<word>[A-Z][\w'-]*)|\))\s*,\s*$")


# "au Burkina Faso", "en Libye", "in Mali": the country is where, not who
_IN_COUNTRY = re.compile(r"\b(?:au|aux|en|in|inside|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)


def _qualifies_a_place(text: str, start: int, registry: ActorRegistry) -> bool:
    """'near Ouallam, Niger', '(Soum), Burkina Faso', 'au Burkina Faso': the country says where the place or the
    event is (not 'Algeria, Tunisia')."""
    if _IN_COUNTRY.search(text[max(0, start - 12) : start]):
        return True
    m = _AFTER_PLACE.search(text[max(0, start - 40) : start])
    return m is not None and not (m.group("word") and registry.countries_in(m.group("word")))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _anchor(eventive: list[CueHit], ontology: Ontology, rule: int, tags: set[str]) -> CueHit | None:
    """The cue occurrence the event hangs on: one the deciding rule names, else the first eventive one."""
    if rule >= 0:
        named = ontology.rules[rule].all | ontology.rules[rule].any
        for hit in eventive:
            if hit.cue in named:
                return hit
    for hit in eventive:
        if hit.cue.startswith("tag:") and hit.cue[4:] in tags:
            return hit
    return eventive[0] if eventive else None


register_bases(_USING | {"lose"})
