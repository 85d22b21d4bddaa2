"""The actor registry: canonical actors in ACLED naming, and the mentions of actors in a sentence.

A mention is one of: a named actor of the registry (any alias, folded for accents
and hyphens; acronyms case-sensitive), a state force ("Malian soldiers", "the
gendarmerie of Niger", "FAMa"), or a generic party ("gunmen", "villagers",
"protesters"). `ActorRegistry.actor_for` turns a mention into an `Actor` once the
event's date and country are known; organisations the registry lacks are resolved
by fuzzy match (rapidfuzz) or become new actors with a guessed type.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from ..model import Actor, ActorType
from ._text import fold, load_data, phrase_regex

__all__ = ["ActorMention", "ActorRegistry", "NamedActor", "load_registry", "outermost_matches"]

# The class of party each ACLED actor type is, for the role rules.
PARTY_OF_TYPE = {
    1: "state",
    2: "armed",
    3: "armed",
    4: "armed",
    5: "rioters",
    6: "protesters",
    7: "civilian",
    8: "armed",
}
_GENERIC_PARTY = {
    "armed": "armed", "communal": "armed", "civilians": "civilian", "protesters": "protesters", "rioters": "rioters",
    "people": "people",  # "five people were killed": victims of unknown standing, neither civilians nor fighters
}  # fmt: skip
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{1,7}$")


def outermost_matches(text: str, patterns: dict[str, re.Pattern[str]]) -> list[tuple[str, re.Match[str]]]:
    """Each pattern's matches (labelled by its key), save those inside a longer match of another: in 'a refugee
    camp' the civilian place is the whole phrase, not the state's 'camp' within it ('an aid convoy', 'un convoi
    humanitaire' likewise)."""
    found = [(label, m) for label, rx in patterns.items() for m in rx.finditer(text)]
    return [
        (label, m)
        for label, m in found
        if not any(
            o.start() <= m.start() and m.end() <= o.end() and o.end() - o.start() > m.end() - m.start()
            for _, o in found
        )
    ]


_CAPITALS_WORD = re.compile(r"[A-ZÀ-Ý]{2,}")


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Whether a capitals word has capitals words on both sides (a headline or header in capitals)."""
    before = text[:start].split()[-1:]
    after = text[end:].split()[:1]
    return bool(before and after and _CAPITALS_WORD.fullmatch(before[0]) and _CAPITALS_WORD.fullmatch(after[0]))


_TYPE_GUESSES = [
    (re.compile(r"\b(?:police|army|military|gendarmerie|ministry|government|guard|customs|armed forces)\b", re.I), 1),
    (re.compile(r"\b(?:militia|self-?defen[cs]e|hunters|dozos?|communal|ethnic|vigilantes?)\b", re.I), 4),
    (
        re.compile(
            r"\b(?:brigade|battalion|katiba|katibat|front|movement|jihad\w*|islamic|ansar|jama\w*|liberation|rebels?|"
            r"state|caliphate|mujahideen|shura|emirate|salafist|fighters)\b",
            re.I,
        ),
        2,
    ),
    (re.compile(r"\b(?:union|party|association|syndicate|federation|collective|students|teachers)\b", re.I), 6),
]


@dataclass(frozen=True)
class NamedActor:
    name: str
    type: int
    country: str | None
    parent: str | None = None
    parent_since: str | None = None
    countries: tuple[str, ...] = ()  # where it operates (picks among groups sharing an alias)
    beside_state: bool = False  # fights beside a country's forces (VDP, Wagner): its dead count with theirs


# a word, then a comma or 'and'/'et', right before a force's own country adjective ('Malian and Burkinabe troops')
_JOINED_BEFORE = re.compile(r"\b(?P<adj>[a-z]+)(?:\s*,\s*(?:and\s+|et\s+)?|\s+and\s+|\s+et\s+)$")


@dataclass(frozen=True)
class ActorMention:
    """Who a span of a sentence names. Exactly one of `named`, `force`, `generic` is set (or `org` for unknowns)."""

    start: int
    end: int
    text: str
    party: str  # state | armed | civilian | protesters | rioters
    named: tuple[NamedActor, ...] = ()  # several when an alias is shared (resolved by country)
    force: str | None = None  # military | police | government
    generic: str | None = None  # armed | communal | civilians | protesters | rioters
    country: str | None = None  # the country the words themselves give
    org: str | None = None  # an organisation the registry does not know


class ActorRegistry:
    def __init__(self, data: dict) -> None:
        self._countries: dict[str, dict] = data["countries"]
        self._kinds: dict[str, dict] = data["force_kinds"]
        self._generic: dict[str, dict] = data["generic"]
        self._build_countries(data.get("named_features", {}))
        self._build_supporting(data.get("supporting_words", {}))
        self._build_named(data["groups"])
        self._build_forces()
        self._build_generic()
        self._build_media()
        self.state_targets = phrase_regex(data["party_classes"]["state_targets"])
        self.civilian_targets = phrase_regex(data["party_classes"]["civilian_targets"])
        government = data["force_kinds"]["government"]
        self._military_rule = phrase_regex(fold(w) for w in government.get("military_rule", ()))
        self._army_measures = phrase_regex(fold(w) for w in government.get("army_measures", ()))

    # --- building the matchers -------------------------------------------------------------
    def _build_countries(self, features: dict) -> None:
        self._country_of: dict[str, str] = {}
        for code, spec in self._countries.items():
            for word in [*spec["names"], *spec["adjectives"], *spec["fr"]]:
                self._country_of[" ".join(fold(word).split())] = code
        self.country_rx = phrase_regex(self._country_of)
        # "the Niger river", "delta du Niger": the country's name names a feature, not the country.
        after = "|".join(re.escape(fold(w)) for w in features.get("after", []))
        before = "|".join(re.escape(fold(w)) for w in features.get("before", []))
        self._feature_after = re.compile(rf"\s+(?:{after})\b") if after else None
        self._feature_before = re.compile(rf"\b(?:{before})\s+$") if before else None

    def _build_supporting(self, words: dict) -> None:
        after = "|".join(re.escape(fold(w)) for w in words.get("after", []))
        before = "|".join(re.escape(fold(w)) for w in words.get("before", []))
        # "Turkish-made": the hyphen is folded to a space
        self._support_after = re.compile(rf"\s+(?:{after})\b") if after else None
        self._support_before = re.compile(rf"\b(?:{before})\s+(?:de\s+la\s+|du\s+|de\s+|d\s+)?$") if before else None

    def describes_support(self, text: str, start: int, end: int) -> bool:
        """The country word at text[start:end] says who helped or where the arms came from ('their Russian allies',
        'Turkish-made drones', 'ses alliés russes'), not where the event is nor whose forces acted
        (`supporting_words` in data/actors.json)."""
        folded = fold(text)
        if self._support_after is not None and self._support_after.match(folded, end):
            return True
        window = folded[max(0, start - 24) : start]
        return self._support_before is not None and bool(self._support_before.search(window))

    def _names_a_feature(self, folded: str, start: int, end: int) -> bool:
        if self._feature_after is not None and self._feature_after.match(folded, end):
            return True
        window = folded[max(0, start - 24) : start]
        return self._feature_before is not None and bool(self._feature_before.search(window))

    def _build_named(self, groups: list[dict]) -> None:
        self._by_alias: dict[str, list[NamedActor]] = {}
        self._by_acronym: dict[str, list[NamedActor]] = {}
        self.actors: dict[str, NamedActor] = {}
        for g in groups:
            actor = NamedActor(
                g["name"],
                g["type"],
                g.get("country"),
                g.get("parent"),
                g.get("parent_since"),
                tuple(g.get("countries", ())),
                bool(g.get("beside_state", False)),
            )
            self.actors[actor.name] = actor
            for alias in [g["name"], *g["aliases"]]:
                self._add_alias(alias, actor)
        self._force_aliases: dict[str, tuple[str, str]] = {}
        for code, spec in self._countries.items():
            for kind, aliases in spec.get("extra", {}).items():
                for alias in aliases:
                    target = self._by_acronym if _ACRONYM.match(alias) else self._force_aliases
                    key = alias if _ACRONYM.match(alias) else " ".join(fold(alias).split())
                    if target is self._by_acronym:
                        self._by_acronym.setdefault(key, []).append(NamedActor(f"@{kind}", 1, code))
                    else:
                        self._force_aliases[key] = (kind, code)
        self.named_rx = phrase_regex([*self._by_alias, *self._force_aliases])
        self.acronym_rx = phrase_regex(self._by_acronym)
        self._fuzzy_choices = list(self._by_alias)

    def _add_alias(self, alias: str, actor: NamedActor) -> None:
        if _ACRONYM.match(alias):
            self._by_acronym.setdefault(alias, []).append(actor)
        else:
            entries = self._by_alias.setdefault(" ".join(fold(alias).split()), [])
            if actor not in entries:
                entries.append(actor)

    def _build_forces(self) -> None:
        self._force_word: dict[str, str] = {}
        for kind, spec in self._kinds.items():
            for word in spec["generic"]:
                if _ACRONYM.match(word):
                    self._by_acronym.setdefault(word, []).append(NamedActor(f"@{kind}", 1, None))
                else:
                    self._force_word[" ".join(fold(word).split())] = kind
        self.acronym_rx = phrase_regex(self._by_acronym)
        countries = "|".join(
            r"\s+".join(map(re.escape, c.split())) for c in sorted(self._country_of, key=len, reverse=True)
        )
        words = phrase_regex(self._force_word).pattern
        # French puts the adjective after the force ("soldats nigériens", "l'armée malienne") or names the country
        # with "du"/"de la" ("l'armée du Niger"): without them a force abroad took the country of where it fought.
        french = "|".join(
            sorted({r"\s+".join(map(re.escape, fold(w).split())) for c in self._countries.values() for w in c["fr"]})
        )
        self.force_rx = re.compile(
            rf"(?:(?<![\w])(?P<pre>{countries})(?:\s+s)?\s+)?(?P<word>{words})"
            rf"(?:\s+(?:of|du|de\s+la|de\s+l|d)\s+(?P<post>{countries})(?![\w])|\s+(?P<frpost>{french})(?![\w]))?"
        )
        # "Egyptian warplanes", "French forces": words that name a force only with a country before them.
        adj_words = {" ".join(fold(w).split()): k for k, spec in self._kinds.items() for w in spec.get("adj_words", ())}
        self._force_word.update({w: k for w, k in adj_words.items() if w not in self._force_word})
        self.adj_force_rx = re.compile(
            rf"(?<![\w])(?P<pre>{countries})(?:\s+s)?\s+(?P<word>{phrase_regex(adj_words).pattern})"
        )

    def _build_generic(self) -> None:
        self._generic_word: dict[str, str] = {}
        self._generic_acronym: dict[str, str] = {}  # a field report's 'EN', 'UAG': as written, never folded ('en')
        for kind, spec in self._generic.items():
            for word in spec["words"]:
                if _ACRONYM.match(word):
                    self._generic_acronym.setdefault(word, kind)
                else:
                    self._generic_word.setdefault(" ".join(fold(word).split()), kind)
        self.generic_rx = phrase_regex(self._generic_word)
        self._generic_acronym_rx = phrase_regex(self._generic_acronym)

    def _build_media(self) -> None:
        """Each country's news agencies and broadcasters: acronyms as written, other names folded."""
        self._media_of: dict[str, str] = {}
        self._media_acronym_of: dict[str, str] = {}
        for code, spec in self._countries.items():
            for name in spec.get("media", ()):
                if _ACRONYM.match(name):
                    self._media_acronym_of[name] = code
                else:
                    self._media_of[" ".join(fold(name).split())] = code
        self._media_rx = phrase_regex(self._media_of)
        self._media_acronym_rx = phrase_regex(self._media_acronym_of)

    # --- finding mentions ---------------------------------------------------------------------
    def knows_country(self, code: str | None) -> bool:
        """The registry names this country's forces and generic actors (the region's and the foreign forces' in it)."""
        return code is not None and code.upper() in self._countries

    def is_country_name(self, words: str) -> bool:
        key = " ".join(fold(words).split())
        code = self._country_of.get(key)
        return code is not None and key in {" ".join(fold(n).split()) for n in self._countries[code]["names"]}

    def countries_in(self, text: str) -> list[tuple[int, int, str]]:
        """Country names and adjectives in `text`: (start, end, ISO alpha-2)."""
        folded = fold(text)
        return [
            (m.start(), m.end(), self._country_of[" ".join(m.group().split())])
            for m in self.country_rx.finditer(folded)
            if not self._names_a_feature(folded, m.start(), m.end())
        ]

    def find(self, text: str) -> list[ActorMention]:
        """Actor mentions in a sentence, longest first where they overlap, in text order."""
        folded = fold(text)
        found = [*self._named_in(text, folded), *self._forces_in(text, folded), *self._generic_in(text, folded)]
        # Where mentions overlap, a named actor beats a force, a force a generic word; then the longer wins.
        found.sort(key=lambda m: (0 if m.named else 1 if m.force else 2, -(m.end - m.start), m.start))
        kept: list[ActorMention] = []
        for mention in found:
            if not any(mention.start < k.end and k.start < mention.end for k in kept):
                kept.append(mention)
        return _absorb_generic(sorted(kept, key=lambda m: m.start), text)

    def _named_in(self, text: str, folded: str) -> list[ActorMention]:
        out = []
        for m in self.named_rx.finditer(folded):
            key = " ".join(m.group().split())
            if key in self._force_aliases:
                kind, code = self._force_aliases[key]
                out.append(
                    ActorMention(m.start(), m.end(), text[m.start() : m.end()], "state", force=kind, country=code)
                )
                continue
            actors = tuple(self._by_alias[key])
            out.append(ActorMention(m.start(), m.end(), text[m.start() : m.end()], _party(actors[0]), named=actors))
        for m in self.acronym_rx.finditer(text):
            actors = tuple(self._by_acronym[m.group()])
            if actors[0].name.startswith("@"):
                kind = actors[0].name[1:]
                out.append(ActorMention(m.start(), m.end(), m.group(), "state", force=kind, country=actors[0].country))
            else:
                out.append(ActorMention(m.start(), m.end(), m.group(), _party(actors[0]), named=actors))
        return out

    def _forces_in(self, text: str, folded: str) -> list[ActorMention]:
        out = []
        for m in [*self.force_rx.finditer(folded), *self.adj_force_rx.finditer(folded)]:
            kind = self._force_word[" ".join(m.group("word").split())]
            country_words = m.group("pre") or m.groupdict().get("post") or m.groupdict().get("frpost")
            country = self._country_of[" ".join(country_words.split())] if country_words else None
            # a French adjective after the force says whose it is, but the mention stays the force's words: the
            # French word order rules read what follows them ("des soldats maliens ont exécuté")
            end = m.end("word") if m.groupdict().get("frpost") else m.end()
            out.append(ActorMention(m.start(), end, text[m.start() : end], "state", force=kind, country=country))
            if m.group("pre"):
                out += self._coordinated_countries(text, folded, m.start(), kind)
        return out

    def _coordinated_countries(self, text: str, folded: str, start: int, kind: str) -> list[ActorMention]:
        """'Malian and Burkinabe troops', 'Nigerien, Chadian and Nigerian forces': the country adjectives joined
        before the one on the force word name forces of their own, of the same kind."""
        out = []
        while (joined := _JOINED_BEFORE.search(folded, 0, start)) is not None:
            word = joined.group("adj")
            code = self._country_of.get(word)
            if code is None or self.is_country_name(word):
                break  # "Mali and Burkinabe troops": a country's name is a place, not whose forces
            begin, end = joined.span("adj")
            out.append(ActorMention(begin, end, text[begin:end], "state", force=kind, country=code))
            start = begin
        return out

    def _generic_in(self, text: str, folded: str) -> list[ActorMention]:
        out = []
        for m in self.generic_rx.finditer(folded):
            kind = self._generic_word[" ".join(m.group().split())]
            out.append(ActorMention(m.start(), m.end(), text[m.start() : m.end()], _GENERIC_PARTY[kind], generic=kind))
        for m in self._generic_acronym_rx.finditer(text):
            if _in_capitals_run(text, m.start(), m.end()):
                continue  # "ATTAQUE EN COURS": a headline in capitals, not the enemy
            kind = self._generic_acronym[m.group()]
            out.append(ActorMention(m.start(), m.end(), m.group(), _GENERIC_PARTY[kind], generic=kind))
        return out

    def rules_by_army(self, mention: ActorMention) -> bool:
        """Whether a government mention names a junta ('Niger's junta'): its security measures are its army's."""
        return bool(self._military_rule.search(fold(mention.text)))

    def names_army_measure(self, text: str) -> bool:
        """Whether a text names a measure only a state's security forces enforce (a curfew, a state of emergency)."""
        return bool(self._army_measures.search(fold(text)))

    def force_word_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of the force words a text holds ('la Garde nationale', 'the Border Guards'): a name the parser tags
        inside one is the force's, not a place ('La Garde' is also a town in France)."""
        return [(m.start, m.end) for m in self._forces_in(text, fold(text))]

    def foreign_force_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans naming foreign forces ('Russian Africa Corps', 'French Barkhane troops'): the country word in them
        says whose forces, not where."""
        return [
            (m.start(), m.end())
            for m in self.named_rx.finditer(fold(text))
            if (actors := self._by_alias.get(" ".join(m.group().split()))) and all(a.type == 8 for a in actors)
        ]

    def force_alias_countries(self, text: str) -> list[str]:
        """The countries of the state forces a text names by their own names ('FAMa', 'the National People's Army',
        'Garde nationale tunisienne', 'Ministry of National Defence'), first mention first, then of the news
        agencies and broadcasters it cites ('the news agency AIB reported', 'selon Mosaïque FM')."""
        folded = fold(text)
        forces = [
            m.country
            for m in self._named_in(text, folded)
            if m.country and (m.force is not None or any(a.type == 1 for a in m.named))
        ]
        media = sorted(
            [(m.start(), self._media_of[" ".join(m.group().split())]) for m in self._media_rx.finditer(folded)]
            + [(m.start(), self._media_acronym_of[m.group()]) for m in self._media_acronym_rx.finditer(text)]
        )
        return forces + [code for _, code in media]

    def named_in_text(self, text: str) -> list[Actor]:
        """The registry's named actors (groups, not generic words) a whole text mentions, first mention first."""
        country = None
        found: dict[str, Actor] = {}
        for mention in sorted(self._named_in(text, fold(text)), key=lambda m: m.start):
            if mention.named:
                actor = self.actor_for(mention, None, country)
                found.setdefault(actor.name, actor)
        return list(found.values())

    def org_mention(self, text: str, start: int, end: int) -> ActorMention | None:
        """An organisation named in the text (an ORG entity): a registry actor if it is close enough to an alias."""
        name = text[start:end]
        hit = process.extractOne(" ".join(fold(name).split()), self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=88)
        if hit is not None:
            actors = tuple(self._by_alias[hit[0]])
            return ActorMention(start, end, name, _party(actors[0]), named=actors)
        guessed = next((t for rx, t in _TYPE_GUESSES if rx.search(name)), None)
        if guessed is None:
            return None  # a name with nothing of an organisation about it (often a place the NER took for one)
        return ActorMention(
            start, end, name, PARTY_OF_TYPE[guessed], org=name.removeprefix("the ").strip(), generic=str(guessed)
        )

    # --- naming --------------------------------------------------------------------------------
    def actor_for(self, mention: ActorMention, date: dt.date | None, country: str | None) -> Actor:
        """The canonical actor a mention names, for an event on `date` in `country` (either may be None)."""
        if mention.named:
            named = self._pick(mention.named, country)
            named = self.parent_of(named, date) or named
            return Actor(text=mention.text, name=named.name, type=ActorType(named.type), country=named.country)
        if mention.force is not None:
            where = mention.country or country
            return self.force_actor(self._kind_in(where, mention), where, date, mention.text, country)
        if mention.org is not None:
            return Actor(
                text=mention.text, name=mention.org, type=ActorType(int(mention.generic or 3)), country=country
            )
        spec = self._generic[mention.generic or "armed"]
        return Actor(
            text=mention.text,
            name=_with_country(spec["name"], self._name(country)),
            type=ActorType(spec["type"]),
            country=country,
        )

    def force_actor(
        self, kind: str, country: str | None, date: dt.date | None, text: str | None = None, where: str | None = None
    ) -> Actor:
        """A state force: "Military Forces of Mali (2021-)", for the period in force on `date` (the latest if none)."""
        spec = self._kinds[kind]
        if country is None or country not in self._countries:
            return Actor(
                text=text, name=spec["name"].format(country="Unidentified Country"), type=ActorType(spec["type"])
            )
        info = self._countries[country]
        name = spec["name"].format(country=info["name"])
        periods = info.get("periods") or []
        if periods:
            when = date.isoformat() if date else "9999"
            current = [p for p in periods if p[0] <= when] or periods[:1]
            name = f"{name} ({current[-1][1]})"
        external = info.get("external", False) or (where is not None and where != country)
        kind_type = 8 if external and kind == "military" else spec["type"]
        return Actor(text=text, name=name, type=ActorType(kind_type), country=country)

    def _kind_in(self, country: str | None, mention: ActorMention) -> str:
        """The force kind a mention names in `country`: the country's own convention (`kinds`: Mali's National Guard
        is military) before the general one."""
        kinds = self._countries[country].get("kinds", {}) if country in self._countries else {}
        words = " ".join(fold(mention.text).split())
        return next(
            (
                kind
                for kind, names in kinds.items()
                if any(re.search(rf"\b{re.escape(fold(n))}\b", words) for n in names)
            ),
            mention.force or "military",
        )

    def _pick(self, actors: tuple[NamedActor, ...], country: str | None) -> NamedActor:
        """Among groups sharing an alias ("Ansar al-Sharia", "Islamic State"): the one of the event's country."""
        return next((a for a in actors if a.country == country), None) or next(
            (a for a in actors if country in a.countries), actors[0]
        )

    def _name(self, country: str | None) -> str | None:
        return self._countries[country]["name"] if country in self._countries else None

    def parent_of(self, named: NamedActor, date: dt.date | None) -> NamedActor | None:
        """The umbrella group a component belonged to on `date` (Katiba Macina -> JNIM from 2017)."""
        if named.parent is None or (named.parent_since and (date is None or date.isoformat() < named.parent_since)):
            return None
        return self.actors.get(named.parent)


_JOIN_AFTER = re.compile(r"\s+")
# 'soldiers of Operation Barkhane', 'fighters loyal to the LNA', 'militaires de l'opération Barkhane', 'combattants
# fidèles au GNU': a word and the state force it belongs to
_JOIN_STATE = re.compile(
    r"\s+(?:of|from|belonging to|affiliated (?:to|with)|loyal to)\s+(?:the\s+)?"
    r"|\s+(?:de|du|des|de la|fid[eè]les?\s+(?:à|au|aux|à la)|loyaux\s+(?:à|au|aux|à la))\s+"
    r"|\s+(?:d|de l|fid[eè]les?\s+à l)['’]",
    re.I,
)
# 'fighters of JNIM', 'terrorist elements belonging to the so-called "Jund al-Khilafa" organisation'.
_JOIN_BEFORE = re.compile(
    r"\s+(?:(?:elements|members|fighters|militants|men|cells?)\s+)?"
    r"(?:of|from|belonging to|linked to|affiliated (?:to|with)|loyal to|claiming to be from)\s+(?:the\s+)?"
    r"(?:(?:so-called|self-styled|self-proclaimed|terrorist|jihadist|armed)\s+)*(?:(?:group|organi[sz]ation)\s+)?"
    r"[\"“«]?\s*",
    re.I,
)


def _absorb_generic(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """'JNIM militants', 'jihadists of the Islamic State in the Greater Sahara', 'Africa Corps troops': one named
    party, not two."""
    out: list[ActorMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        between = text[prev.end : mention.start] if prev is not None else ""
        if (
            prev is not None
            and prev.named
            and prev.party == "armed"
            # "Africa Corps troops", "Wagner soldiers": a bare force word after a named force is that force
            and (mention.generic == "armed" or (mention.force is not None and mention.country is None))
            and _JOIN_AFTER.fullmatch(between)
        ):
            out[-1] = ActorMention(
                prev.start, mention.end, text[prev.start : mention.end], prev.party, named=prev.named
            )
            continue
        if (
            prev is not None
            and mention.named
            and mention.party == "armed"
            and prev.generic == "armed"
            and _JOIN_BEFORE.fullmatch(between)
        ):
            named = mention.named
            out[-1] = ActorMention(prev.start, mention.end, text[prev.start : mention.end], mention.party, named=named)
            continue
        if prev is not None and _serves_in(prev, mention) and _JOIN_STATE.fullmatch(between):
            # "soldiers of Operation Barkhane", "fighters loyal to the Libyan National Army", "militaires de
            # l'opération Barkhane": the unnamed word is the force the name after it gives (its country with it)
            out[-1] = ActorMention(
                prev.start,
                mention.end,
                text[prev.start : mention.end],
                mention.party,
                named=mention.named,
                force=mention.force,
                country=mention.country,
            )
            continue
        out.append(mention)
    return out


def _serves_in(word: ActorMention, force: ActorMention) -> bool:
    """An unnamed armed word or a bare force word (no country), and after it a state's force a name or a country
    gives: the men of that force."""
    bare = word.generic == "armed" or (word.force is not None and word.country is None and not word.named)
    return bare and force.party == "state" and (bool(force.named) or force.country is not None)


def _party(actor: NamedActor) -> str:
    return PARTY_OF_TYPE.get(actor.type, "armed")


def _with_country(template: str, country_name: str | None) -> str:
    if country_name is None:
        return template.replace(" ({country})", "")
    return template.format(country=country_name)


@cache
def load_registry() -> ActorRegistry:
    return ActorRegistry(load_data("actors.json"))
