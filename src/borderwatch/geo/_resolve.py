"""Ranking candidate places for the mentions of one document.

Two passes. The first ranks each distinct name on its own (population, kind of place, how well the name
matches). The document's context is read from that pass: the countries it is about, places already placed,
and administrative hints written next to a name ("Dogofri (Niono, Segou)", "Edmonton, Ky."). Context passes
rank again with it (a second one only for names still undecided): candidates in the document's countries and
near its other places gain; candidates far from all of them, in countries it does not name, lose with the
distance (a report about Mali needs strong evidence for a place 10,000 km away) and are marked `remote`, so
that recognition asks the text to present them as places. Every resolution carries a confidence: the share of
the score mass of its best candidate, scaled by how well the name matched; below `min_confidence` a mention
stays unresolved.

Modules: `_candidate_arrays` (what a name's candidates are before context: priors and columns), `_mention` (a
mention as ranked, and its `Resolution`), `_context` (what a pass says the document is about, and each
candidate's context score), `_containers` ('A, B': containers, pairs settled together); the ranking itself here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ._candidate_arrays import LOOSE_MATCH, MATCH_WEIGHT
from ._candidates import CandidateFinder
from ._containers import link_containers, outside_its_container, settle_pairs
from ._context import CONTEXT_WEIGHT, FOREIGN_SPELLING_PENALTY, Context, Geometry
from ._division_names import division_kind_countries, names_a_division, names_an_office_s_seat
from ._line_heads import names_a_wire_dateline_city
from ._loose_names import loose_name_change
from ._mention import GENERIC_WORDS, Mention, Resolution
from ._normalise import name_key
from ._ranking import ranking_weights
from ._support import mutual_support

__all__ = ["Resolver"]

_TEMPERATURE = ranking_weights().temperature
# 'New York Gov.': the name is a division or country (more than a seat's edge on its division)
_OFFICE_WEIGHT = ranking_weights().office
_OFFICE_GROUP = "#office"
# 'The Ouargla wilaya', 'Kidal region': the name is a division, or a region ('the Sahel region'), not a town.
_DIVISION_WEIGHT = ranking_weights().division
_DIVISION_GROUP = "#division"
_DIVISION_CODES = frozenset({"ADM1", "ADM2", "ADM3", "RGN"})
# 'Le cercle de Koro': only Mali has cercles; the candidates there gain (data/division_kind_countries.json).
_DIVISION_COUNTRY_WEIGHT = ranking_weights().division_country
_KIND_COUNTRY_GROUP = "#kind-country"
_DATELINE_GROUP = "#dateline"
_CONTEXT_PASSES = 2
_SETTLED_MARGIN = CONTEXT_WEIGHT
_DOUBT_FACTOR = ranking_weights().doubt_factor
# A match this high is a name the place bears (its main name or another), not a looser reading of it.
_NAMED_MATCH = 0.8


class Resolver:
    def __init__(self, finder: CandidateFinder, min_confidence: float = 0.15) -> None:
        self._finder = finder
        self.min_confidence = min_confidence

    def resolve(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        country_hint: str | None = None,
        exact_only: Sequence[bool] | None = None,
    ) -> list[Resolution | None]:
        """Resolve spans of one document; `exact_only[i]`: look span i up by its exact name only."""
        exact = exact_only or [False] * len(spans)
        mentions = []
        for i, (s, e) in enumerate(spans):
            candidates = self._finder.find(text[s:e], exact[i])
            mentions.append(Mention(i, s, e, name_key(text[s:e]), candidates, self._finder.read_as(text[s:e])))
        groups = link_containers(text, mentions)
        for mention in mentions:
            # 'New York Gov.' names the state, and only that mention does: the dateline 'NEW YORK (AP)' and the 'New
            # York Police Department' of the same story are the city (a group of their own).
            if names_an_office_s_seat(text, mention.start, mention.end):
                mention.office = True
                key, hints = groups[mention.index]
                groups[mention.index] = (key, (*hints, _OFFICE_GROUP))
            mention.kind_countries = division_kind_countries(text, mention.start, mention.end)
            if mention.kind_countries:
                # Ranked apart: the country the kind tells is this mention's own evidence.
                key, hints = groups[mention.index]
                groups[mention.index] = (key, (*hints, _KIND_COUNTRY_GROUP, *sorted(mention.kind_countries)))
            if names_a_wire_dateline_city(text, mention.start, mention.end):
                # Ranked apart and on its own: the city of a wire dateline is that of its own country, whatever the
                # report's other places ('WASHINGTON (Reuters) — ... talks in London' is not Washington, England).
                mention.dateline = True
                key, hints = groups[mention.index]
                groups[mention.index] = (key, (*hints, _DATELINE_GROUP))
            if names_a_division(text, mention.start, mention.end):
                # Ranked apart too: the name's other mentions may be the town ('Ouargla' beside 'the Ouargla wilaya').
                mention.division = True
                key, hints = groups[mention.index]
                groups[mention.index] = (key, (*hints, _DIVISION_GROUP))
        # One sense per name and document (unless hints tell namesakes apart): each group is ranked once.
        first_of: dict[tuple[str, tuple[str, ...]], Mention] = {}
        for mention in mentions:
            first_of.setdefault(groups[mention.index], mention)
        by_group = {group: self._rank(m, None) for group, m in first_of.items()}
        ranked = {m.index: by_group[groups[m.index]][0] for m in mentions}
        geometry: dict[tuple[int | str, ...], Geometry] = {}  # distances, by the document's places: kept across passes
        support = mutual_support(mentions)
        for _ in range(_CONTEXT_PASSES):
            context = Context.from_pass(mentions, ranked, country_hint, geometry, support)
            # A name whose best candidate already leads by more than the document's countries alone can move a
            # score (CONTEXT_WEIGHT) is settled: a further pass would not change it.
            by_group = {
                group: by_group[group]
                if by_group[group][1] > _SETTLED_MARGIN
                else self._rank(m, None if m.dateline else context)
                for group, m in first_of.items()
            }
            ranked = {m.index: by_group[groups[m.index]][0] for m in mentions}
        if settle_pairs(mentions, groups, by_group):
            ranked = {m.index: by_group[groups[m.index]][0] for m in mentions}
        results: list[Resolution | None] = []
        for mention in mentions:
            res = ranked[mention.index]
            if res is not None and outside_its_container(mention, res, ranked):
                res = None
            results.append(res if res is not None and res.confidence >= self.min_confidence else None)
        return results

    def _rank(self, mention: Mention, context: Context | None) -> tuple[Resolution | None, float]:
        """The best candidate of a mention with its confidence, and its lead over the second (once context is
        read: a single candidate has nothing left to decide)."""
        if not mention.candidates:
            return None, math.inf
        if len(mention.candidates) == 1:
            return _only_candidate(mention, context), (math.inf if context is not None else 0.0)
        if context is not None:
            return self._scored(mention, context)
        if mention.office or mention.division or mention.kind_countries:
            return self._scored(mention, None)
        # Without context the ranking depends on the candidates alone: kept with them, for the next document.
        kept = mention.arrays.plain
        if not kept:
            kept.append(self._scored(mention, None))
        return kept[0]

    def _scored(self, mention: Mention, context: Context | None) -> tuple[Resolution, float]:
        scores = mention.priors.copy()
        if mention.office:
            scores += _OFFICE_WEIGHT * mention.arrays.holding
        divisions = np.zeros(len(scores), dtype=bool)
        if mention.division:
            divisions = np.array([c.record.feature_code in _DIVISION_CODES for c in mention.candidates], dtype=bool)
            scores += _DIVISION_WEIGHT * divisions
        if mention.kind_countries:
            kind_country = np.array([c in mention.kind_countries for c in mention.arrays.countries], dtype=bool)
            scores += _DIVISION_COUNTRY_WEIGHT * kind_country
        doubtful = np.zeros(len(scores), dtype=bool)
        if context is not None:
            bonus, doubtful = context.bonus(mention)
            if mention.division:
                # Written as a division, it is no town of a country the report is not about: 'Guma LGA' in a report
                # about Nigeria is no village of China (the index holds no Nigerian second-level division).
                foreign_town = ~divisions & context.outside_countries(mention) & ~doubtful
                bonus -= FOREIGN_SPELLING_PENALTY * foreign_town
                doubtful = doubtful | foreign_town
            # What the document says about a division's area (its other places, its admin1) speaks for the division
            # as much as for a town in it that bears the same name ('Montana City' for 'Montana', 'Maryland City'):
            # context cannot favour the town over the division; priors (a seat's population) decide between them.
            for town, division in mention.arrays.inner_towns:
                bonus[town] = min(bonus[town], bonus[division])
            # A town called after a first-level division of its own country, outside it (the Wyomings and Delawares
            # of other states): in a report about that country the name most often means the division, and one place
            # named near such a town is weak evidence, since such towns are found all over the country. Context
            # cannot favour the town over the division either, save what the text writes around the name itself
            # ('Wyoming, Michigan'): priors decide.
            if mention.arrays.towns_named_after:
                held = context.containment(mention)
                for town, division in mention.arrays.towns_named_after:
                    bonus[town] = min(bonus[town], bonus[division] + max(0.0, held[town] - held[division]))
            scores += bonus
            # A name no candidate bears, read through a looser spelling: the report's countries and the likeness
            # of the spelling rank it, not population (`_loose_names`); a candidate they agree on is no doubt.
            # (A name's candidates all come from one reading: the first tells whether it was a spelling's.)
            if mention.candidates[0].spelling:
                # A place outside the region read through another of its names agrees only by lying in one of the
                # report's own countries: next door is no support ('Koutougou' in a report about Burkina Faso is no
                # Gbétogo, Côte d'Ivoire, by its other name 'Gouetougou').
                unsupported = context.foreign_aliases(mention) & context.outside_countries(mention)
                agrees = context.agrees(mention) & ~unsupported
                change = loose_name_change(mention.candidates, mention.priors, MATCH_WEIGHT, agrees)
                if change is not None:
                    scores += change + FOREIGN_SPELLING_PENALTY * (doubtful & agrees)
                    doubtful = doubtful & ~agrees
        best = int(np.argmax(scores))
        weights = np.exp((scores - scores[best]) / _TEMPERATURE)
        # Confidence is about where the place is: namesakes at the same spot (a town and its province, one
        # place from two sources) do not divide it.
        same_spot = mention.arrays.same_spot(best)
        share = float(weights[same_spot].sum() / weights.sum())
        candidate = mention.candidates[best]
        confidence = share * candidate.match * (_DOUBT_FACTOR if doubtful[best] else 1.0)
        remote = context is not None and context.remote(mention, best)
        margin = float(scores[best] - np.partition(scores, -2)[-2]) if context is not None else 0.0
        home = _home_namesake(mention, context, weights, best) if context is not None else None
        return Resolution(candidate.record, round(confidence, 3), candidate.match, remote, home), margin


def _home_namesake(mention: Mention, context: Context, weights: np.ndarray, best: int) -> Resolution | None:
    """The best candidate bearing the name in the countries the document agrees with (or the caller's), when the
    best one lies in none of the countries its places vote for; its confidence is its share among those only."""
    country = mention.arrays.countries[best]
    if country == context.hint or (
        context.countries.get(country, 0.0) > context.own_countries.get(mention.name, {}).get(country, 0.0)
    ):
        return None  # the caller or another place of the document puts the report in its country
    hinted = np.array([c == context.hint for c in mention.arrays.countries], dtype=bool)
    agrees = (context.agrees(mention) | hinted) & (np.array([c.match for c in mention.candidates]) >= _NAMED_MATCH)
    if not agrees.any() or agrees[best]:
        return None
    home = int(np.argmax(np.where(agrees, weights, -1.0)))
    candidate = mention.candidates[home]
    share = float(weights[home] / weights[agrees].sum())
    return Resolution(candidate.record, round(share * candidate.match, 3), candidate.match)


def _only_candidate(mention: Mention, context: Context | None) -> Resolution:
    """Nothing to choose between: only whether to believe it (a loose match or a generic word may be doubted)."""
    candidate = mention.candidates[0]
    alias = context is not None and bool(context.foreign_aliases(mention)[0])
    doubtable = candidate.match < LOOSE_MATCH or mention.key in GENERIC_WORDS or alias
    doubtful = context is not None and doubtable and bool(context.doubtful(mention)[0])
    # Doubted, a place outside the region reached through another of its names has nothing left for it: no spelling
    # of its own name, and no other candidate to share the doubt ('Boulkessi': Maglić, Serbia, by 'Bulkes').
    confidence = 0.0 if doubtful and alias else candidate.match * (_DOUBT_FACTOR if doubtful else 1.0)
    remote = context is not None and context.remote(mention, 0)
    return Resolution(candidate.record, round(confidence, 3), candidate.match, remote)
