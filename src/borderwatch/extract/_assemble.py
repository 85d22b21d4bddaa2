"""An event group to the output contract's `EventMention`: actors in ACLED roles, date, numbers, confidence.

ACLED conventions applied here: actor1 is the initiator the text names (else the
side the sub-type implies: protesters protest, state forces arrest, an unidentified
armed group plants a bomb); actor2 the target; violence against civilians always has
civilians as actor2; generic actors take the event's country. Fatalities are counted
by `_tolls`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..model import Actor, EventMention, Evidence, Location, Quantity
from ._confidence import Calibration, raw_score
from ._dates import ResolvedDate
from ._detect import SentenceEvent
from ._merge import EventGroup
from ._quantities import to_quantities
from ._registry import ActorMention, ActorRegistry, load_registry
from ._roles import Party
from ._text import fold, load_data, phrase_regex
from ._tolls import fatalities_of_event

__all__ = ["assemble_event", "event_country"]

_FORCE_FOR_SUB = {
    "Arrests": "police", "Agreement": "government", "Other": "government", "Change to group/activity": "military",
    "Protest with intervention": "police", "Excessive force against protesters": "police",
}  # fmt: skip
_GOVERNMENT_SUBS = {"Agreement", "Change to group/activity", "Other"}
_MILITARY_TAGS = {"joint_operation", "patrol", "deployment", "movement_restriction", "weapons_seizure"}
# A movement restriction a civil government orders (closing a border, a governor's ban on motorbikes) stays the
# government's act; a junta's, or a curfew, is its army's (actors.json government.military_rule, army_measures).
_CIVIL_MEASURE_TAGS = {"movement_restriction"}
_RANK = {"named": 0, "force": 1, "org": 2, "generic": 3}


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


def _names_across(folded: str, start: int, end: int) -> bool:
    """The country word at folded[start:end] names what lies across a border from the event."""
    before = folded[max(0, start - 40) : start]
    if _BORDER_WITH.search(before) or _BORDER_BEFORE.search(before):
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
_TELLING_AFTER = re.compile(r"\s*,?\s+(?:said|say|says|told|tell|reported|report|reports|claimed|claim|claims)\b")


def _tellers_places(group: EventGroup) -> set[str]:
    """The countries the event's sentences name only as where its tellers are ('refugees in Niger said')."""
    telling, other = _countries_named(
        group,
        lambda folded, start, end: bool(
            _TELLERS_IN.search(folded[max(0, start - 12) : start]) and _TELLING_AFTER.match(folded, end)
        ),
    )
    return telling - other


def _countries_named(group: EventGroup, named_so: Callable[[str, int, int], bool]) -> tuple[set[str], set[str]]:
    """The countries the event's sentences name, split into those named so (`named_so(folded sentence, start, end)`
    at one of their mentions) and those named otherwise at one of them."""
    registry = load_registry()
    so: set[str] = set()
    otherwise: set[str] = set()
    for member in group.members:
        text = member.sentence.text
        folded = fold(text)
        for start, end, code in registry.countries_in(text):
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


def assemble_event(
    group: EventGroup,
    registry: ActorRegistry,
    *,
    report_text: str,
    date: ResolvedDate | None,
    published: dt.date | None,
    country: str | None,
    location: Location | None,
    calibration: Calibration,
    crowded: bool = False,
    filer_country: str | None = None,
    filer_force: str | None = None,
) -> EventMention:
    """`crowded`: the report tells other events besides this one (its confidence is lower). `filer_country`: the
    state whose forces filed the report (a post's, a ministry's), whose are the state forces the text leaves
    unnamed in what they did or suffered (`filer_force`: which of its forces, military or police, when known);
    `country`, where the event is, names the other side's generic actors."""
    main = group.main
    when = date.date if date else published  # the ruling period in force when reported, if not when it happened
    actor1, actor2, assoc = _actors(group, registry, when, country, filer_country, filer_force)
    quantities = _quantities(group)
    # A peaceful protest has no dead by ACLED's definition (violence makes it another sub-type): a count read with it
    # belongs to a past the sentence recalls ("Residents of Tillia, which lost 40 villagers last year, marched").
    fatalities = 0 if main.sub_event_type == "Peaceful protest" else fatalities_of_event(group, registry)
    tags = sorted({t for m in group.members for t in m.tags if not t.startswith("_")})
    evidence = Evidence(sentence=main.sentence.text, start=main.sentence.start, end=main.sentence.end)
    score = raw_score(group, has_actor=actor1 is not None, has_date=date is not None, crowded=crowded)
    return EventMention(
        id=_event_id(report_text, main.sentence.start, main.sub_event_type),
        event_type=main.event_type,  # type: ignore[arg-type]
        sub_event_type=main.sub_event_type,
        tags=tags,
        modality=main.modality,
        date=date.date.isoformat() if date else None,
        time_precision=date.precision if date else None,  # type: ignore[arg-type]
        actor1=actor1,
        actor2=actor2,
        assoc_actors=assoc,
        location=location,
        fatalities=fatalities,
        quantities=quantities,
        evidence=evidence,
        confidence=calibration(score),
    )


def _event_id(text: str, start: int, sub: str) -> str:
    digest = hashlib.sha1(f"{start}:{sub}:{text}".encode()).hexdigest()
    return f"ev-{digest[:12]}"


def _quantities(group: EventGroup) -> list[Quantity]:
    best: dict[str, Quantity] = {}
    for member in group.members:
        for q in to_quantities(member.quantities):
            if q.kind not in best or q.value > best[q.kind].value:
                best[q.kind] = q
    return list(best.values())


def _kind(mention: ActorMention) -> str:
    if mention.named:
        return "named"
    if mention.force:
        return "force"
    return "org" if mention.org else "generic"


def _ordered(parties: list[tuple[int, Party]], roles: tuple[str, ...]) -> list[Party]:
    """Parties of the main sentence first, then of the others; in text order, generic words after names. A force
    that fights beside a state's (Wagner, Africa Corps, the VDP) comes after that state's forces named in the same
    sentence: ACLED codes a joint operation to the national forces, their auxiliaries associated."""
    chosen = [(i, p) for i, p in parties if p.role in roles]
    with_forces = {i for i, p in chosen if p.mention.force not in (None, "auto") and not _auxiliary(p)}
    # 'Customs and army units clashed with smugglers': ACLED codes a joint operation of a state's police and army
    # to its military, the police associated, whichever the text names first.
    with_army = {i for i, p in chosen if p.mention.force == "military"}
    return [
        p
        for _, p in sorted(
            chosen,
            key=lambda ip: (
                ip[0],
                ip[1].fallen,  # the side struck before the dead counted among it
                ip[0] in with_forces and _auxiliary(ip[1]),
                ip[0] in with_army and ip[1].mention.force == "police",
                _kind(ip[1].mention) == "generic",
                ip[1].mention.start,
            ),
        )
    ]


_COORDINATED = re.compile(r"\s*,?\s+(?:and|et)\s+(?:des\s+|les\s+|the\s+)?", re.IGNORECASE)


def _with_joint_forces(group: EventGroup, parties: list[tuple[int, Party]]) -> list[tuple[int, Party]]:
    """'Des mercenaires de Wagner et des soldats maliens ont exécuté ...': a state force coordinated with an
    auxiliary that acts acts with it, whatever role the word order gave it."""
    out = list(parties)
    for i, party in parties:
        if party.role not in ("agent", "both") or not _auxiliary(party):
            continue
        text = group.members[i].sentence.text
        for n, (j, other) in enumerate(out):
            if (
                j == i
                and other.role not in ("agent", "both")
                and other.mention.force not in (None, "auto")
                and other.mention.start >= party.mention.end
                and _COORDINATED.fullmatch(text[party.mention.end : other.mention.start])
            ):
                out[n] = (j, replace(other, role="agent"))
    return out


# a later sentence telling what a party has done before ('IS Sahel has previously shelled positions around Ménaka'):
# no side of this event (roles.json background_markers)
_BACKGROUND = phrase_regex(load_data("roles.json")["background_markers"])


def _auxiliary(party: Party) -> bool:
    return bool(party.mention.named) and all(n.beside_state for n in party.mention.named)


def _actors(
    group: EventGroup,
    registry: ActorRegistry,
    when: dt.date | None,
    country: str | None,
    filer: str | None = None,
    filer_force: str | None = None,
) -> tuple[Actor | None, Actor | None, list[Actor]]:
    sub = group.main.sub_event_type
    # A country's name stands for its state only as the subject of what happened ("Tunisia arrested ...").
    parties = [
        (i, p)
        for i, m in enumerate(group.members)
        if i == 0 or not _BACKGROUND.search(fold(m.sentence.text))
        for p in m.parties
        if p.mention.force != "auto" or p.role in ("agent", "both")
    ]
    parties = _with_joint_forces(group, parties)
    army_measure = any(registry.names_army_measure(m.sentence.text) for m in group.members)
    name = _Namer(registry, sub, {t for m in group.members for t in m.tags}, when, country, army_measure)
    name.home = _tellers_country(group, parties)
    agents = [name(p) for p in _ordered(parties, ("agent", "both"))]
    targets = [name(p) for p in _ordered(parties, ("target", "both"))]
    others = [name(p) for p in _ordered(parties, ("other",)) if _kind(p.mention) in ("named", "force", "org")]
    partners = [name(p) for p in _ordered(parties, ("partner",))]  # "in coordination with": associated only
    candidates = others
    if group.main.event_type == "Violence against civilians":
        # "the bodies of five herders were found, a gendarmerie source said", "sept civils ont été tués, a annoncé
        # l'armée": who tells of an attack on civilians is not who committed it (the unnamed attackers are); nor
        # are the forces a report names beside it with no part in it ("troops have launched a search", "les
        # militaires ont ratissé la zone"), unless it lays the killing at their door
        tellers = {name(p).name for i, p in parties if p.role == "other" and _tells(p, group.members[i])}
        bystanders = {
            name(p).name
            for i, p in parties
            if p.role == "other" and p.mention.party == "state" and not _blames(group.members[i])
        }
        candidates = [a for a in others if a.name not in tellers | bystanders]
    actor1, actor2 = _pick_pair(agents, targets, candidates)
    if actor1 is None and group.main.event_type in _FIGHTS:
        actor1, actor2 = _attackers_first(parties, name, actor1, actor2)
    elif not agents and not targets and group.main.event_type in _FIGHTS:
        actor1, actor2 = _teller_struck(group, parties, name, actor1, actor2)
    actor1, actor2 = _credited(parties, name, actor1, actor2, group)
    if sub == "Agreement" and actor2 is None and actor1 is not None:
        actor2 = next((a for a in agents if a.name != actor1.name), None)  # the parties agree with each other
    actor1, actor2 = _initiative(group, parties, name, actor1, actor2)
    actor1, actor2 = _credited(parties, name, actor1, actor2, group)
    actor1, actor2 = _defaults(sub, group, registry, actor1, actor2, when, country, filer, filer_force)
    if group.claimants and group.main.event_type != "Protests":
        actor1, actor2 = _claimed(registry.actor_for(group.claimants[0], when, country), actor1, actor2, others)
    seen = {a.name for a in (actor1, actor2) if a is not None}
    assoc = []
    for actor in [*agents, *targets, *others, *partners]:
        if actor.name not in seen and len(assoc) < 3:
            assoc.append(actor)
            seen.add(actor.name)
    if filer and any("joint_operation" in m.tags for m in group.members):
        actor1, assoc = _filer_joins(registry, filer, when, actor1, actor2, assoc)
    return actor1, actor2, assoc


def _filer_joins(
    registry: ActorRegistry,
    filer: str,
    when: dt.date | None,
    actor1: Actor | None,
    actor2: Actor | None,
    assoc: list[Actor],
) -> tuple[Actor | None, list[Actor]]:
    """A joint operation that a post or a ministry reports is one its own forces take part in ('coordinated sweep
    with Algerian gendarmerie units', filed by a Tunisian post): unless the text names them, they are actor1 and
    the partner force the text names is associated with them, as ACLED codes a joint operation."""
    if any(a is not None and a.type == 1 and a.country == filer for a in (actor1, actor2, *assoc)):
        return actor1, assoc
    own = registry.force_actor("military", filer, when)
    if actor1 is None:
        return own, assoc
    if actor1.type in (1, 8):  # a state's forces (type 8 where they operate abroad)
        return own, [actor1, *assoc][:3]
    return actor1, assoc


def _tellers_country(group: EventGroup, parties: list[tuple[int, Party]]) -> str | None:
    """The one country of the state forces that tell the event ('..., the Nigerien army said', 'selon l'armée
    malienne'): the forces the event names without a country ('soldiers killed eight militants near the border
    with Mali') are theirs, wherever the place lies."""
    homes = {
        p.mention.country
        for i, p in parties
        if p.role == "other"
        and p.mention.force not in (None, "auto")
        and p.mention.country
        and _tells(p, group.members[i])
    }
    return homes.pop() if len(homes) == 1 else None


class _Namer:
    """Party -> canonical actor, with the force a bare country or 'the authorities' stands for in this event."""

    home: str | None = None  # the country of the forces that tell the event: that of its forces named without one

    def __init__(
        self,
        registry: ActorRegistry,
        sub: str,
        tags: set[str],
        when: dt.date | None,
        country: str | None,
        army_measure: bool = False,
    ):
        self.registry, self.sub, self.tags, self.when, self.country = registry, sub, tags, when, country
        self.army_measure = army_measure  # the event's sentences name a curfew or a state of emergency

    def __call__(self, party: Party) -> Actor:
        mention, sub = party.mention, self.sub
        where = mention.country or self.country
        if mention.force == "auto" or (mention.force == "government" and sub not in _GOVERNMENT_SUBS):
            # "Tunisia arrested ...", "the authorities imposed a curfew": the force that does such things.
            if sub in _FORCE_FOR_SUB and sub not in _GOVERNMENT_SUBS:
                kind = _FORCE_FOR_SUB[sub]
            elif self._military_measure(mention) and sub != "Agreement":  # states agree; patrols are what they agree on
                kind = "military"
            else:
                kind = _FORCE_FOR_SUB.get(sub, "military")
            return self.registry.force_actor(kind, where, self.when, mention.text, self.country)
        if mention.force == "government" and self._military_measure(mention) and sub != "Agreement":
            return self.registry.force_actor("military", where, self.when, mention.text, self.country)
        if self.home and mention.force is not None and not mention.country and not mention.named:
            mention = replace(mention, country=self.home)  # "soldiers ..., the Nigerien army said": Niger's
        return self.registry.actor_for(mention, self.when, self.country)

    def _military_measure(self, mention: ActorMention) -> bool:
        """Whether the event is a measure the state's army takes for it: patrols, deployments, seizures always; a
        movement restriction only when a junta or a bare country orders it, or it is a curfew, not when a civil
        government closes a border or bans motorbikes."""
        tags = self.tags & _MILITARY_TAGS
        if mention.force == "government" and not self.army_measure and not self.registry.rules_by_army(mention):
            tags -= _CIVIL_MEASURE_TAGS
        return bool(tags)


def _credited(
    parties: list[tuple[int, Party]], name: _Namer, actor1: Actor | None, actor2: Actor | None, group: EventGroup
) -> tuple[Actor | None, Actor | None]:
    """A named group in the event's sentences, neither target nor bystander, that speaks of its own ("X said its
    fighters", "forces aligned with the GNA said they had recaptured") is who the text credits, if it is of the
    kind actor1 is and actor1 names no one: the unnamed "rebels" of the lead are the group that speaks later."""
    if actor1 is not None and not actor1.name.startswith(
        ("Unidentified Armed Group", "Military Forces of", "Police Forces of")
    ):
        return actor1, actor2
    party = "armed" if actor1 is None or actor1.name.startswith("Unidentified") else "state"
    named = [
        p
        for i, p in parties
        if p.role == "other" and p.mention.named and p.mention.party == party and _speaks_of_itself(p, group.members[i])
    ]
    if not named:
        return actor1, actor2
    credited = name(named[0])
    # "JNIM said its fighters had attacked a camp": JNIM did it, whatever the bystander pass made it
    return credited, None if actor2 is not None and actor2.name == credited.name else actor2


# A party that tells the event: followed by a speech verb ("the army said", "a gendarmerie source said", "military
# sources told") or after one ("according to the army", "a annoncé l'armée", "selon la gendarmerie"); the words are
# roles.json `telling_verbs` and `telling_markers`.
_TOLD_AFTER = re.compile(
    r"\s*(?:sources?\s+|spokes(?:man|woman|person)\s+)?(?:,\s*)?"
    + phrase_regex(load_data("roles.json")["telling_verbs"]).pattern,
    re.IGNORECASE,
)
_TOLD_BEFORE = re.compile(
    phrase_regex(load_data("roles.json")["telling_markers"]).pattern
    + r"\s+(?:(?:the|an?|le|la|les|des|une?)\s+|l['’]\s*)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


_BLAME = re.compile(r"\b(?:blam|accus|attribut|imput|responsib|responsab|held|tenu)", re.IGNORECASE)


def _blames(member: SentenceEvent) -> bool:
    """The sentence lays the event at someone's door ('residents blamed the army', 'accusent l'armée')."""
    return bool(_BLAME.search(member.sentence.text))


def _tells(party: Party, member: SentenceEvent) -> bool:
    """The party is who tells the event in its sentence ('X said', 'according to X'), no side of it."""
    text = member.sentence.text
    mention = party.mention
    return bool(
        _TOLD_AFTER.match(text, mention.end) or _TOLD_BEFORE.search(text[max(0, mention.start - 60) : mention.start])
    )


_SELF = re.compile(
    r"\b(?:its|their|our|we|they|itself|themselves)\b"
    # "the Islamic State's Sahel branch later said it carried out the attack": 'it' only right after the saying
    r"|\b(?:said|says|claimed|claims|announced|stated)\s+(?:that\s+)?it\b",
    re.IGNORECASE,
)


def _speaks_of_itself(party: Party, main: SentenceEvent) -> bool:
    """'X said its fighters ...', 'X said they had ...': the group tells of its own doing (not 'according to X')."""
    return bool(_SELF.search(main.sentence.text, party.mention.end))


def _initiative(
    group: EventGroup, parties: list[tuple[int, Party]], name: _Namer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """In a fight the text says who started ('terrorists who had attacked a convoy', 'the officers, who returned
    fire'): the one who started it is actor1."""
    if group.main.event_type not in ("Battles", "Explosions/Remote violence"):
        return actor1, actor2
    starters = [name(p) for _, p in parties if p.stance == "initiator"]
    if starters and actor1 is not None and _names_more(actor1, starters[0]):
        starters = []  # "JNIM said its fighters had attacked": the fighters are JNIM's
    answering = {name(p).name for _, p in parties if p.stance == "responder"}
    if starters and (actor1 is None or actor1.name != starters[0].name):
        other = actor1 if actor1 is not None and actor1.name != starters[0].name else actor2
        return starters[0], other
    if actor1 is not None and actor1.name in answering and (actor2 is None or actor2.name not in answering):
        return actor2, actor1  # "the army returned fire": who fired first is the other side (unnamed: the defaults)
    return actor1, actor2


_FIGHTS = {"Battles", "Explosions/Remote violence"}
_ATTACKER_NOUNS = phrase_regex(load_data("roles.json")["attacker_nouns"])


def _attackers_first(
    parties: list[tuple[int, Party]], name: _Namer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """'One soldier and three attackers were killed': no party of the fight has an active role nor is named
    beside it, and the word that names one side says that it attacked. That side is actor1; the other side it
    struck stays actor2."""
    named_attackers = [
        name(p) for _, p in parties if p.role in ("target", "other") and _ATTACKER_NOUNS.search(fold(p.mention.text))
    ]
    if not named_attackers or (actor1 is not None and actor1.name == named_attackers[0].name):
        return actor1, actor2
    attacker = named_attackers[0]
    struck = [a for a in (actor1, actor2) if a is not None and a.name != attacker.name]
    return attacker, struck[0] if struck else None


def _teller_struck(
    group: EventGroup, parties: list[tuple[int, Party]], name: _Namer, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """'A military convoy hit by gunfire lost two vehicles, the army said': no party of the fight has a role but the
    state force that tells it, and what was struck is the state's (a post, a convoy): the teller's forces were
    struck, by someone the text does not name (the defaults), and did not start it."""
    cues = {c for m in group.members for c in m.cues}
    if actor1 is None or actor1.type != 1 or "target_state" not in cues:
        return actor1, actor2
    tellers = {name(p).name for i, p in parties if p.role == "other" and _tells(p, group.members[i])}
    if actor1.name not in tellers:
        return actor1, actor2
    return None, actor1


def _names_more(actor: Actor, generic: Actor) -> bool:
    """A named armed group where the text's other words only say 'fighters' or 'militants'."""
    unnamed = generic.name.startswith("Unidentified Armed Group")
    return unnamed and actor.type in (2, 3, 4) and actor.name != generic.name


def _claimed(
    claimant: Actor, actor1: Actor | None, actor2: Actor | None, others: list[Actor]
) -> tuple[Actor | None, Actor | None]:
    """'X claimed responsibility': X initiated it; a state force or civilians coded first become the target."""
    if actor1 is not None and actor1.name == claimant.name:
        return actor1, actor2
    if claimant.type == 1:  # a state force blamed for it: it struck; what it struck stays the target
        return claimant, actor2 if actor2 is None or actor2.name != claimant.name else None
    if actor1 is not None and actor1.type in (1, 7, 8) and actor2 is None:
        actor2 = actor1
    if actor1 is not None and actor1.type not in (1, 7, 8) and not actor1.name.startswith("Unidentified"):
        others.append(actor1)
    return claimant, actor2


def _pick_pair(agents: list[Actor], targets: list[Actor], others: list[Actor]) -> tuple[Actor | None, Actor | None]:
    actor1 = agents[0] if agents else None
    rest = [a for a in targets if actor1 is None or a.name != actor1.name]
    # the other side first: "LNA forces clashed with Chadian rebels; five rebels and two LNA soldiers died"
    actor2 = next((a for a in rest if actor1 is None or a.type != actor1.type), rest[0] if rest else None)
    if actor1 is None:
        # a party the text names without a role, unless it is the side that suffered ("... selon l'armée")
        actor1 = next((a for a in others if actor2 is None or a.name != actor2.name), None)
    if actor2 is None and actor1 is not None:
        rest = [a for a in [*agents[1:], *others] if a.name != actor1.name]
        # another kind of actor first; two armed groups fight each other too ("between IS Sahel and JNIM")
        actor2 = next((a for a in rest if a.type != actor1.type), None) or next(
            (a for a in rest if actor1.type in (2, 3, 4) and a.type in (2, 3, 4)), None
        )
    return actor1, actor2


def _defaults(
    sub: str,
    group: EventGroup,
    registry: ActorRegistry,
    actor1: Actor | None,
    actor2: Actor | None,
    when: dt.date | None,
    country: str | None,
    filer: str | None = None,
    filer_force: str | None = None,
) -> tuple[Actor | None, Actor | None]:
    """The side a sub-type implies when the text leaves it unnamed (ACLED's generic actors). The state forces
    that arrest, patrol, disarm or are fired upon are the filer's (`filer`: a post's or a ministry's state) when
    the report has one, else the event's country's; generic actors and strikes seen from afar are the country's."""
    cues = {c for m in group.members for c in m.cues}
    own = filer or country  # whose forces the unnamed state side of the report's own doings is

    def generic(kind: str) -> Actor:
        return registry.actor_for(ActorMention(0, 0, "", "", generic=kind), when, country).model_copy(
            update={"text": None}
        )

    if group.main.event_type == "Protests" and (actor1 is None or actor1.type != 6):
        # "security forces fired on protesters": the protesters are actor1, the forces actor2
        force = actor1 if actor1 is not None and actor1.type == 1 else None
        actor1, actor2 = generic("protesters"), force or (actor2 if actor2 is not None and actor2.type != 6 else None)
    if group.main.event_type == "Riots" and (actor1 is None or actor1.type != 5):
        # "fishermen clashed with police": the police are the other side, the fishermen the rioters themselves
        force = actor1 if actor1 is not None and actor1.type == 1 else None
        actor1, actor2 = (
            generic("rioters"),
            force or actor2 or (actor1 if actor1 and actor1.type not in (5, 6, 7) else None),
        )
    if sub == "Peaceful protest" and actor2 is not None and actor2.type != 6:
        # ACLED codes a peaceful protest to its protesters (a counter-protest aside): the police who looked on, or
        # the authorities protested against, did nothing to them
        actor2 = None
    if sub in ("Protest with intervention", "Excessive force against protesters") and actor2 is None:
        actor2 = registry.force_actor("police", country, when)
    if group.main.event_type == "Violence against civilians":
        if actor1 is None or actor1.type == 7:
            actor1 = generic("armed")
        if actor2 is None or actor2.type != 7:
            actor2 = generic("civilians")
    if sub == "Shelling/artillery/missile attack" and actor1 is None:
        actor1 = generic("armed")
    if sub in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade") and (
        actor1 is None or actor1.type in (1, 7, 8)
    ):
        # State forces and civilians are the victims of bombs here, not who planted them; an armed group named
        # beside them planted it ("a convoy hit a bomb planted by JNIM").
        if actor2 is not None and actor2.type in (2, 3, 4):
            actor1, actor2 = actor2, actor1
        else:
            actor2 = actor2 if actor2 is not None and (actor1 is None or actor2.type != actor1.type) else actor1
            actor1 = generic("armed")
    remote = group.main.event_type == "Explosions/Remote violence"
    if remote and actor2 is None and "target_state" in cues and (actor1 is None or actor1.type != 1):
        actor2 = registry.force_actor("military", own, when)  # "a military post came under mortar fire"
    if sub in ("Air/drone strike", "Chemical weapon") and actor1 is None and country:
        # Unnamed aircraft are the state's, unless what they struck is the state's own forces ("the army post came
        # under drone attack"): then an armed group the text does not name flew them (ACLED's unidentified actor).
        struck_state = actor2 is not None and actor2.type == 1
        actor1 = generic("armed") if struck_state else registry.force_actor("military", country, when)
    if sub == "Arrests" and actor1 is None:
        # "three support elements were arrested", in a defence ministry's communiqué: by its forces, not the police
        kind = filer_force if filer_force in ("military", "police") else "police"
        actor1 = registry.force_actor(kind, own, when)
    # A post's shorthand names no force ("patrol found and destroyed 1 IED", "joint patrol conducted along the
    # border strip", "checkpoint: seized 1 lorry of fuel"): who disarms bombs, patrols a border or stops its
    # smugglers is the state's military.
    tags = {t for m in group.members for t in m.tags}
    patrolling = sub == "Other" and tags & {"patrol", "joint_operation", "deployment", "smuggling", "trafficking"}
    # What a post or a ministry reports done without saying by whom ("checkpoint: seized 1 lorry of flour") its own
    # forces did.
    patrolling = patrolling or (filer is not None and sub == "Other")
    if (sub == "Disrupted weapons use" or patrolling) and actor1 is None and own:
        actor1 = registry.force_actor("military", own, when)
    battle = group.main.event_type == "Battles"
    if battle and actor2 is None and "target_state" in cues and (actor1 is None or actor1.type != 1):
        actor2 = registry.force_actor("military", own, when)
    if group.main.event_type == "Battles" and actor1 is None and actor2 is not None and actor2.type in (1, 8):
        actor1 = generic("armed")  # "a convoy was ambushed": by someone the text does not name
    if battle and actor1 is None and actor2 is not None and actor2.type in (2, 3) and own:
        actor1 = registry.force_actor("military", own, when)  # "a terrorist was killed in a security operation"
    if group.main.event_type == "Battles" and actor1 is not None and actor2 is None and actor1.type == 1:
        actor2 = generic("armed") if "any_armed_party" in cues else None
    if battle and actor2 is not None and actor2.type == 7:
        # A battle has two armed sides: the people killed in it ("three people were killed when fighting broke
        # out between a brigade and a local armed group") count in its toll, and its other side is armed.
        actor2 = generic("armed")
    if battle and actor1 is None and actor2 is not None:
        actor1, actor2 = actor2, None  # "clashes erupted near Djibo, killing five people": unnamed armed men fought
    if battle and actor1 is None and actor2 is None and country:
        actor1 = generic("armed")  # a post's "contact 10 km E of post; 2 KIA friendly, 3 EKIA": someone unnamed fought
    return actor1, actor2
