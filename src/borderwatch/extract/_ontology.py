"""The event ontology as data: ACLED types and sub-types, border tags, cue vocabulary and classification rules.

`Ontology.scan` finds the cues of a sentence (cheap regexes: it runs on every
sentence to pick the candidates); `Ontology.classify` applies the ordered rules
of `data/ontology.json` to a set of cues and returns the ACLED sub-event type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ._prefilter import Prefilter, word_starts
from ._text import load_data

__all__ = ["CueHit", "Ontology", "Rule", "TagSpec", "load_ontology"]


@dataclass(frozen=True)
class CueHit:
    """A cue (or a tag, named "tag:<name>") found at characters [start, end) of a sentence."""

    cue: str
    start: int
    end: int


@dataclass(frozen=True)
class TagSpec:
    name: str
    sub_event_type: str
    eventive: bool


@dataclass(frozen=True)
class Rule:
    sub_event_type: str
    all: frozenset[str]
    any: frozenset[str]
    none: frozenset[str]

    def matches(self, cues: frozenset[str]) -> bool:
        return self.all <= cues and (not self.any or bool(self.any & cues)) and not (self.none & cues)


# Official communiqués write numbers twice, "four (04) smugglers": the figure in brackets is glued to the word
# before it (same length, so offsets hold) and no longer counts as a word between a cue's verb and its object.
_FIGURE_GLOSS = re.compile(r"(?<=\w) \(\d{1,6}\)(?= )")


def without_figure_glosses(text: str) -> str:
    return _FIGURE_GLOSS.sub(lambda m: "_" * len(m.group()), text) if "(" in text else text


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


class Ontology:
    """Types, sub-types, tags, cues and rules, compiled once."""

    def __init__(self, data: dict) -> None:
        self.event_types: dict[str, list[str]] = data["event_types"]
        self.type_of: dict[str, str] = {sub: t for t, subs in self.event_types.items() for sub in subs}
        self.tags = {
            name: TagSpec(name, spec["sub_event_type"], spec["eventive"]) for name, spec in data["tags"].items()
        }
        self._cues = {name: _compile(spec["patterns"]) for name, spec in data["cues"].items()}
        self._cues.update({f"tag:{name}": _compile(spec["patterns"]) for name, spec in data["tags"].items()})
        # Cues read as another once the parse confirms them ("held" is an arrest when a person is held).
        cues = data["cues"]
        self.counts_as: dict[str, str] = {n: spec["counts_as"] for n, spec in cues.items() if "counts_as" in spec}
        self.person_patient = frozenset(n for n, spec in cues.items() if spec.get("patient") == "person")
        # Cues that count only when their "by" agent is an armed group ("engaged by UAG", "engaged by JNIM fighters").
        self.armed_agent = frozenset(n for n, spec in cues.items() if spec.get("agent") == "armed")
        self.eventive = frozenset(
            [name for name, spec in data["cues"].items() if spec["eventive"]]
            + [f"tag:{name}" for name, spec in data["tags"].items() if spec["eventive"]]
        )
        # Whether a sentence has any eventive cue at all (most do not): a cheap test on word starts, then one regex.
        eventive_patterns = [p for name, spec in data["cues"].items() if spec["eventive"] for p in spec["patterns"]]
        eventive_patterns += [p for spec in data["tags"].values() if spec["eventive"] for p in spec["patterns"]]
        self._word_starts = Prefilter(eventive_patterns)
        # Each cue's own word-start filter: a sentence runs only the regexes of cues whose first letters it has.
        specs = {**data["cues"], **{f"tag:{name}": spec for name, spec in data["tags"].items()}}
        self._cue_filters = {name: Prefilter(spec["patterns"]) for name, spec in specs.items()}
        self._start_lengths = sorted({n for f in self._cue_filters.values() for n in f.lengths})
        self._prefilter = _compile(
            [p for name, spec in data["cues"].items() if spec["eventive"] for p in spec["patterns"]]
            + [p for spec in data["tags"].values() if spec["eventive"] for p in spec["patterns"]]
        )
        self.rules = [
            Rule(
                r["sub_event_type"],
                frozenset(r.get("all", ())),
                frozenset(r.get("any", ())),
                frozenset(r.get("none", ())),
            )
            for r in data["rules"]
        ]
        self.vague_numbers: dict[str, int | None] = data["vague_numbers"]
        unknown = {r.sub_event_type for r in self.rules} - set(self.type_of)
        unknown |= {t.sub_event_type for t in self.tags.values()} - set(self.type_of)
        if unknown:
            raise ValueError(f"ontology names unknown sub-event types: {sorted(unknown)}")
        if set(self.counts_as.values()) - set(cues):
            raise ValueError(f"ontology cues count as unknown cues: {sorted(set(self.counts_as.values()) - set(cues))}")

    def scan(self, text: str) -> list[CueHit]:
        """Every cue and tag occurrence in `text`, in text order; none at all when no eventive cue is there."""
        text = without_figure_glosses(text)
        if not self._has_eventive_cue(text):
            return []
        starts = word_starts(text, self._start_lengths)
        hits = [
            CueHit(name, m.start(), m.end())
            for name, rx in self._cues.items()
            if self._cue_filters[name].may_match_starts(starts)
            for m in rx.finditer(text)
        ]
        return sorted(hits, key=lambda h: (h.start, -h.end))

    def _has_eventive_cue(self, text: str) -> bool:
        """The eventive cues, each tried only where a word starts as it can (anchored there: running their
        alternation over the whole sentence, or all of it at every such word, cost more than the rest of the scan),
        and the few unbounded ones."""
        found = self._word_starts.search(text)
        return self._prefilter.search(text) is not None if found is None else found

    def finds(self, cue: str, text: str) -> bool:
        """Whether one cue occurs in `text` (for sentences the event scan skipped)."""
        return self._cues[cue].search(without_figure_glosses(text)) is not None

    def is_candidate(self, hits: Iterable[CueHit]) -> bool:
        return any(h.cue in self.eventive for h in hits)

    def classify(self, cues: Iterable[str]) -> tuple[str, int] | None:
        """The sub-event type of the first rule the cues satisfy, with that rule's index; None if none does."""
        present = frozenset(cues)
        for index, rule in enumerate(self.rules):
            if rule.matches(present):
                return rule.sub_event_type, index
        return None

    def tag_fallback(self, tags: Iterable[str]) -> str | None:
        """For an event anchored only by border tags: the ACLED sub-type of the first eventive tag."""
        for name in tags:
            spec = self.tags.get(name)
            if spec is not None and spec.eventive:
                return spec.sub_event_type
        return None


@cache
def load_ontology() -> Ontology:
    return Ontology(load_data("ontology.json"))
