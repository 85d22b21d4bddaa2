"""Roles in French sentences, from word order: the English parser reads French poorly.

"Trois civils ont été enlevés par des hommes armés": the parse would make the civilians the
subject of an active verb and leave the gunmen unattached. In a sentence that is French
(by its function words), a party right after "par" following a trigger, or after an attack
noun and "de" ("une attaque de jihadistes"), initiated the event; a party after "contre",
and the subject before a passive verb group, an "underwent" phrase ("est tombée dans une
embuscade") or a verb of answering an attack ("ont riposté"), suffered it. Other parties
keep the parse's role. The vocabulary is data (`data/roles_fr.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ._registry import ActorMention, outermost_matches
from ._roles import Party, moves_subject, with_marked_roles
from ._text import fold, load_data

__all__ = ["french_modality", "french_place_targets", "is_french", "is_french_function_word", "with_french_roles"]

_WORD = re.compile(r"[a-z]+")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:qui|alors|mais|tandis|et)\b|\b(?:lorsque|quand|apres que|alors que)\b")
# articles and counts between a marker and its party: "par trois hommes armes", "la vie a une dizaine de soldats"
_ARTICLES = re.compile(
    r"(?:\b(?:des|les|le|la|l|un|une|d|de|du|au|aux|plusieurs|quelques|presumes?|\d+|deux|trois|quatre|cinq|six|"
    r"sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|cent|"
    r"(?:dou|di|quin|vingt|tren|quaran|cinquan|cen)taines?)\s+)+$"
)

# "ont frappé des positions": after an auxiliary, a word spelt like an attack noun ("frappe", "tirs") is a verb,
# whose "des ..." is its object, not who made the attack
_AUXILIARIES = ("a", "ont", "avait", "avaient", "aurait", "auraient", "ete")
_NOT_AFTER_AUXILIARY = "".join(rf"(?<!\b{aux} )" for aux in _AUXILIARIES)


@dataclass(frozen=True)
class _Vocabulary:
    french: frozenset[str]
    english: frozenset[str]
    least: int
    agent: re.Pattern[str]  # "par" before a party (articles stripped)
    attack_of: re.Pattern[str]  # "attaque de" before a party
    attack_named_by: re.Pattern[str]  # "une attaque" right before an armed party's adjective ("une attaque terroriste")
    response_of: re.Pattern[str]  # "la riposte (vigoureuse) de" before a party: who answered the attack
    target: re.Pattern[str]  # "contre" before a party
    source: re.Pattern[str]  # "selon" before a party: who tells it
    suffered: tuple[re.Pattern[str], ...]  # verb groups whose subject suffered the event
    victim: re.Pattern[str]  # a participle right after a party: "neuf soldats tués"
    struck: re.Pattern[str]  # an accented striking participle right after a party (raw text): "Poste de police attaqué"
    repelled_by: re.Pattern[str]  # "repoussés par" before a party: the force the attackers were driven off by
    repelling: re.Pattern[str]  # a passive that repels: "ont été repoussés"
    during_unit_attack: re.Pattern[str]  # "lors d'une attaque contre le poste": the forces answered, the armed struck
    laid_for: re.Pattern[str]  # "une embuscade à un convoi de l'armée", "aux soldats": who the ambush was laid for
    active_subject: re.Pattern[str]  # " non identifiés ont tendu une ": from a subject to its verb group's trigger


@cache
def _vocabulary() -> _Vocabulary:
    data = load_data("roles_fr.json")

    def before(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(words) + r")\s+$")

    return _Vocabulary(
        french=frozenset(data["function_words"]),
        english=frozenset(data["english_words"]),
        least=int(data["min_function_words"]),
        agent=before([re.escape(m) for m in data["agent_markers"]]),
        attack_of=re.compile(
            _NOT_AFTER_AUXILIARY + r"\b(?:" + "|".join(data["attack_nouns"]) + r")\s+(?:de|des|d|du)\s+(?:\w+\s+)?$"
        ),
        attack_named_by=re.compile(_NOT_AFTER_AUXILIARY + r"\b(?:" + "|".join(data["attack_nouns"]) + r")\s+$"),
        response_of=re.compile(
            r"\b(?:" + "|".join(data["responding_nouns"]) + r")(?:\s+\w+)?\s+(?:de|des|d|du)\s+(?:\w+\s+)?$"
        ),
        target=re.compile(
            r"\b(?:" + "|".join(re.escape(m) for m in data["target_markers"]) + r")\s+"
            r"(?:(?:une?|le|la|les|des|l|leur|leurs|son|sa|ses)\s+(?:" + "|".join(data["target_units"]) + r")\s+)?$"
        ),
        source=before([re.escape(m) for m in data["source_markers"]]),
        suffered=tuple(
            re.compile(r"\b(?:" + "|".join(data[key]) + r")\b") for key in ("passive", "undergoing", "responding")
        ),
        victim=re.compile(r"\s+(?:" + "|".join(data["victim_participles"]) + r")\b"),
        struck=re.compile(r"\s*,?\s+(?:" + "|".join(data["struck_participles"]) + r")(?:é|ée|és|ées)\b"),
        repelled_by=re.compile(r"\b(?:" + "|".join(data["repelling_participles"]) + r")\s+(?:\w+\s+){0,2}?par\s+$"),
        repelling=re.compile(r"\bete\s+(?:" + "|".join(data["repelling_participles"]) + r")\b"),
        during_unit_attack=re.compile(
            r"\b(?:" + "|".join(data["during_markers"]) + r")\s+(?:de\s+|d\s+|du\s+)?(?:(?:l|une?|la|les)\s+)?"
            r"(?:" + "|".join(data["attack_nouns"]) + r")\s+(?:contre|du|de|des|d)\s+"
            r"(?:(?:le|la|les|l|un|une|leur|leurs|notre|nos)\s+)?(?:" + "|".join(data["target_units"]) + r")\b"
        ),
        laid_for=re.compile(
            r"\b(?:" + "|".join(data["laid_for"]) + r")\s+(?:(?:une?|le|la|les|l|des|leur|leurs)\s+)?"
            r"(?:(?:" + "|".join(data["target_units"]) + r")\s+(?:de la|de l|des|du|de|d)\s+)?(?:(?:le|la|les|l)\s+)?$"
        ),
        active_subject=re.compile(
            r"(?:\s+(?:"
            + "|".join(data["subject_qualifiers"])
            + r"))?"
            # the auxiliary ("ont attaqué", "a alors enlevé"), not a passive's "ete" nor a telling ("ont imputé")
            + r"\s+(?:ont|a|avaient|avait|auraient|aurait)\s+(?:(?!(?:ete|"
            + "|".join(data["telling_participles"])
            + r")\b)\w+\s+)?"
            + r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\s+)?(?:(?:une?|des|les|la|le|l)\s+)?"
        ),
    )


def is_french_function_word(word: str) -> bool:
    """A French article, preposition or number word ('Trois', 'Dans'): never a place's name on its own."""
    return " ".join(fold(word).split()) in _vocabulary().french


# a past participle's French plural or feminine ending, written with its accent ("tués", "neutralisées")
_FRENCH_PARTICIPLE = re.compile(r"\b\w{2,}(?:és|ées|ée)\b")


# asked of one sentence by detection, roles, dates and place markers: counted once
@lru_cache(maxsize=1024)
def is_french(text: str) -> bool:
    vocabulary = _vocabulary()
    words = _WORD.findall(fold(text))
    fr = sum(w in vocabulary.french for w in words)
    en = sum(w in vocabulary.english for w in words)
    # a short toll sentence has few function words ("Trois gendarmes ont été tués."), but none of them English; a
    # communiqué's toll line may have none at all, but its participles' French endings ("Bilan provisoire : 12
    # terroristes neutralisés, 3 militaires tués")
    participles = len(_FRENCH_PARTICIPLE.findall(text))
    return (fr >= vocabulary.least and fr > 2 * en) or (fr >= 2 and en == 0) or (en == 0 and participles + fr >= 2)


@cache
def _modality_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = load_data("roles_fr.json")["modality"]
    words = r"(?:\s+[a-z]+){0,4}?"  # "a démenti lundi avoir perdu", "a menacé dimanche d'attaquer"
    return (
        ("negated", re.compile(r"\b(?:" + "|".join(data["negated_adjacent"]) + r")\s+$")),
        ("negated", re.compile(r"\b(?:" + "|".join(data["negated"]) + r")\b" + words + r"\s+$")),
        ("intent", re.compile(r"\b(?:" + "|".join(data["intent"]) + r")\b" + words + r"\s+(?:de|d|a)?\s*$")),
    )


def french_modality(text: str, start: int) -> str | None:
    """Why a French sentence's trigger at `start` did not happen (negated, intent), read from the words just
    before it; None when they say nothing of the kind or the sentence is not French."""
    if not is_french(text):
        return None
    before = fold(text[max(0, start - 60) : start])
    before = re.split(r"[.;:,]", before)[-1]  # within the trigger's own clause
    return next((kind for kind, rx in _modality_rules() if rx.search(" " + before)), None)


def with_french_roles(text: str, parties: list[Party], triggers: list[tuple[int, int]]) -> list[Party]:
    """The parties with the roles French word order gives them (unchanged for a sentence that is not French)."""
    if not parties or not triggers or not is_french(text):
        return parties
    vocabulary = _vocabulary()
    folded = fold(text)
    first_trigger = min(start for start, _ in triggers)
    # "des renforts ont été déployés": a passive that moves its subject says who acted, not who suffered
    # nor does one that repels: "les assaillants ont été repoussés" (they attacked)
    suffered = [
        m.start()
        for rx in vocabulary.suffered
        for m in rx.finditer(folded)
        if not moves_subject(m.group()) and not vocabulary.repelling.search(m.group())
    ]
    # "nos unités ont neutralisé dix terroristes lors d'une attaque contre le poste de Tassia": the post was attacked
    unit_attacked = bool(vocabulary.during_unit_attack.search(folded))
    opposed = _opposed_sides(folded, parties)
    out = []
    for party in parties:
        mention = party.mention
        if mention.start in opposed:
            out.append(replace(party, role=opposed[mention.start]))
            continue
        before = folded[max(0, mention.start - 40) : mention.start]
        # "par des hommes armés", "contre une patrouille de l'armée": articles and "de" sit before the name
        bare = _ARTICLES.sub("", before)
        if vocabulary.source.search(bare):
            out.append(replace(party, role="other"))
        elif unit_attacked and mention.party in ("state", "armed"):
            out.append(replace(party, role="target" if mention.party == "state" else "agent"))
        elif vocabulary.repelled_by.search(bare):
            out.append(replace(party, role="target"))  # "repoussés par l'armée": the army was attacked
        elif (
            (mention.start > first_trigger and vocabulary.agent.search(bare))
            or (
                vocabulary.attack_of.search(before)
                and mention.party in ("armed", "state")  # not "l'attaque d'un village"
            )
            or (vocabulary.attack_named_by.search(before) and mention.party == "armed")
        ):
            # "le poste a fait l'objet d'une attaque terroriste": the adjective after the attack names its doers
            out.append(replace(party, role="agent"))
        elif vocabulary.response_of.search(before) and mention.party == "state":
            out.append(replace(party, role="target"))  # "la riposte de nos forces a permis de neutraliser"
        elif vocabulary.laid_for.search(before):
            out.append(replace(party, role="target"))  # "ont tendu une embuscade aux soldats"
        elif (
            vocabulary.target.search(bare)
            or any(_subject_before(text, folded, mention.end, at) for at in suffered)
            or vocabulary.victim.match(folded, mention.end)
            or vocabulary.struck.match(text.lower(), mention.end)  # "Poste de police attaqué à Tahoua"
        ):
            out.append(replace(party, role="target"))
        elif any(vocabulary.active_subject.fullmatch(folded[mention.end : start]) for start, _ in triggers):
            out.append(replace(party, role="agent"))  # "des hommes armés ont attaqué": the subject did it
        elif any(
            vocabulary.active_subject.fullmatch(folded[other.end : start])
            for other in _coordinated_after(folded, mention, parties)
            for start, _ in triggers
        ):
            # "des unités de l'armée et de la garde nationale ont tué": every side of the subject did it
            out.append(replace(party, role="agent"))
        elif any(_DIRECT_OBJECT.fullmatch(folded[end : mention.start]) for _, end in triggers):
            out.append(replace(party, role="target"))  # "ont attaqué le village", "ont enlevé un infirmier"
        elif any(_unit_object().fullmatch(folded[end : mention.start]) for _, end in triggers):
            out.append(replace(party, role="target"))  # "ont attaqué lundi un poste des FAMa": the unit's force
        elif any(_QUALIFIED_OBJECT.fullmatch(folded[end : mention.start]) for _, end in triggers):
            # "ont frappé des positions jihadistes", "a bombardé un rassemblement de terroristes": the party names
            # whose the struck thing is, whatever the English parse made of a French adjective
            out.append(replace(party, role="target"))
        else:
            out.append(party)
        if _initiator_relative().match(folded, mention.end):
            out[-1] = replace(out[-1], stance="initiator")  # "dix assaillants qui avaient attaqué leur poste"
    return with_marked_roles(text, out)  # "appuyés par des VDP", "un poste tenu par des gendarmes"


# "l'armée et la garde nationale", "les FAMa, les VDP et les chasseurs dozos": parties joined as one subject (a noun
# may head the next one: "les chasseurs dozos")
_COORDINATION = re.compile(
    r"\s*(?:,|\bet\b|\bainsi que\b)\s*(?:(?:de|d)\s+)?(?:(?:la|l|les|le|des|du)\s+)?(?:[a-z]+\s+)?"
)


def _coordinated_after(folded: str, mention: ActorMention, parties: list[Party]) -> list[ActorMention]:
    """The parties joined after this one into the same subject, each to the next by a comma, 'et' or 'ainsi que'."""
    joined = []
    end = mention.end
    for other in sorted((p.mention for p in parties if p.mention.start >= mention.end), key=lambda m: m.start):
        if not _COORDINATION.fullmatch(folded[end : other.start]):
            break
        joined.append(other)
        end = other.end
    return joined


# "des affrontements ont opposé (samedi) l'armée à des hommes armés", "des combats opposant le GATIA à l'EIGS": the
# sides of a fight "opposer" joins; the first named, as ACLED orders them, is actor1, the other the side it fought
_OPPOSING = re.compile(
    r"\boppos(?:e|es|ee|ees|ent|ant|aient|ait|erent)\s+"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\s+(?:soir\s+|matin\s+)?)?"
)


def _opposed_sides(folded: str, parties: list[Party]) -> dict[int, str]:
    """The roles, by mention start, of the two sides an 'opposer' joins: the first 'agent', the second 'both'."""
    m = _OPPOSING.search(folded)
    if m is None:
        return {}
    ordered = sorted((p.mention for p in parties if p.mention.start >= m.end()), key=lambda a: a.start)
    # a noun may head the first side ("des chasseurs dozos"), no clause between
    if not ordered or len(_words_but_articles(folded[m.end() : ordered[0].start])) > 1:
        return {}
    roles = {ordered[0].start: "agent"}
    second = _words_but_articles(folded[ordered[0].end : ordered[1].start]) if len(ordered) > 1 else None
    if second in ([], ["a"], ["et"]):  # "aux" is an article
        roles[ordered[1].start] = "both"
    return roles


def _words_but_articles(text: str) -> list[str]:
    """The words of a stretch of folded text less its articles and counts ('des chasseurs ' -> ['chasseurs']); a
    punctuation mark counts as a word, so a clause break is never skipped."""
    return [w for w in re.findall(r"[a-z]+|[^\sa-z]", text) if not _ARTICLES.fullmatch(w + " ")]


@cache
def _initiator_relative() -> re.Pattern[str]:
    """A relative clause right after a party that says it started the fight: 'qui avaient attaqué leur poste', 'qui
    ont ouvert le feu' (`initiator_relatives` in data/roles_fr.json; folded text)."""
    verbs = "|".join(load_data("roles_fr.json")["initiator_relatives"])
    auxiliary = r"(?:(?:ont|a|avaient|avait|auraient|aurait)\s+(?:\w+\s+)?)?"
    return re.compile(rf"\s*,?\s+(?:qui|lesquels)\s+{auxiliary}(?:{verbs})\b")


# A count stands for the article: "ont tué lundi six civils", "ont enlevé une dizaine d'otages".
_COUNT = (
    r"(?:(?:au moins|plus de|pas moins de)\s+)?"
    r"(?:(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|"
    r"quarante|cinquante|cent|plusieurs|quelques)\s+|(?:dou|di|quin|vingt|tren|quaran|cinquan|cen)taines?\s+de?\s+)"
)
_DIRECT_OBJECT = re.compile(
    r"\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\s+(?:soir\s+|matin\s+)?)?"
    rf"(?:(?:le|la|les|l|un|une|des|du|de la|d|leur|leurs|son|sa|ses)\s+|{_COUNT})"
)

# The object's noun, then the party that qualifies it: an adjective right after it ("des positions terroristes") or
# a complement after "de" ("un rassemblement de jihadistes", "un camp des assaillants").
_QUALIFIED_OBJECT = re.compile(_DIRECT_OBJECT.pattern + r"[a-z]+\s+(?:(?:de la|de l|des|du|de|d)\s+)?")


@cache
def _unit_object() -> re.Pattern[str]:
    """The direct object is one of a force's units and the force follows it: 'un poste des FAMa', 'une patrouille
    de la garde nationale' (`target_units` in data/roles_fr.json)."""
    units = "|".join(load_data("roles_fr.json")["target_units"])
    return re.compile(_DIRECT_OBJECT.pattern + rf"(?:{units})\s+(?:de la|de l|des|du|de|d)\s+")


def _subject_before(text: str, folded: str, end: int, verb_at: int) -> bool:
    """The party ends before the verb group, with no clause boundary and no other verb group between. The
    auxiliary 'a' is read in the text itself: 'nos positions à Diapaga ont été attaquées' holds a place, no verb."""
    if verb_at < end or verb_at - end > 60:
        return False
    between = folded[end:verb_at]
    return not _CLAUSE_BREAK.search(between) and " ont " not in f" {between} " and " a " not in f" {text[end:verb_at]} "


def french_place_targets(text: str, targets: dict[str, re.Pattern[str]], triggers: list[tuple[int, int]]) -> set[str]:
    """'ont attaqué un poste militaire', 'une attaque contre le marché', 'l'attaque d'un convoi militaire': the places
    and units a French sentence's event strikes, by word order (`targets`: cue -> regex over folded text)."""
    if not triggers or not is_french(text):
        return set()
    folded = fold(text)
    vocabulary = _vocabulary()
    cues = set()
    for cue, m in outermost_matches(folded, targets):
        before = folded[max(0, m.start() - 40) : m.start()]
        after_verb = any(_DIRECT_OBJECT.fullmatch(folded[end : m.start()]) for _, end in triggers)
        # "l'attaque d'un convoi militaire", "l'attaque du village": what an attack noun is of, when it is a
        # place or a unit rather than a party, is what it struck
        if after_verb or vocabulary.target.search(_ARTICLES.sub("", before)) or vocabulary.attack_of.search(before):
            cues.add(cue)
    return cues
