"""Who files a report, as extraction may know it: the state force its first person and its shorthand stand for.

A communiqué's label names its speaker ("Ministry of National Defence communiqué:"); a monitoring post's field
report names none, yet its "patrol", "detachment" and "the post" are the post's own forces. Both belong to the
state of the filing agency when the pipeline gives its country (`Report.agency_country`): where the post stands
does not say whose forces they are (a post on the border may be placed in, or nearest to, the neighbour). A
ministry that speaks of "our units" without naming its state ("the Ministry of Defence announced that our
units ...") is the state of the report's dateline, else of the filing agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Report, ReportKind
from ._place_hints import place_country
from ._registry import ActorMention, ActorRegistry

__all__ = ["Filer", "filer_of"]

# A post's field report calls itself "the post" ("gunmen fired on the post"): the post is its own forces. Only
# the definite or demonstrative form: "a military post" or "the Malian post" is someone else's.
_THE_POST = re.compile(r"\b(?:the|this|our)\s+(?:post|outpost|checkpoint)\b(?!\s+(?:of|at|in)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Filer:
    """`force`: the state force the report speaks for (a communiqué label's, a post's military), or None.
    `country`: the state its first person ("our units") is when the text names none. `own_words`: more words
    that stand for `force` (a post's "the post")."""

    force: ActorMention | None = None
    country: str | None = None
    own_words: re.Pattern[str] | None = None


NO_FILER = Filer()


def filer_of(report: Report, label_speaker: ActorMention | None, dateline: list[str], registry: ActorRegistry) -> Filer:
    """Who the report speaks for, from its communiqué label, the texts of its dateline's place and region
    (`dateline`) and the filing agency's country. An agency of no country leaves a field report to its text.

    A label naming no state ("Ministry of Defence communiqué:") is the dateline's state, else the agency's. A field
    report with no label is its agency's country's military (a post's unnamed "patrol" is the army's, as it is for
    a report whose agency has no country)."""
    home = report.agency_country
    if report.kind is ReportKind.FIELD:
        if label_speaker is None and home:
            force = ActorMention(0, 0, "", "state", force="military", country=home)
            return Filer(force, home, _THE_POST)
        return _with_country(label_speaker, home)
    return _with_country(label_speaker, _dateline_country(dateline, registry) or home)


def _with_country(label_speaker: ActorMention | None, country: str | None) -> Filer:
    if label_speaker is not None and label_speaker.country:
        return Filer(label_speaker, label_speaker.country)
    if label_speaker is not None and country:
        return Filer(replace(label_speaker, country=country), country)
    return Filer(label_speaker, country)


def _dateline_country(dateline: list[str], registry: ActorRegistry) -> str | None:
    """The country a dateline names ("KASSERINE, Tunisia") or whose capital or province it names ("NIAMEY")."""
    text = ", ".join(dateline)
    named = {code for _, _, code in registry.countries_in(text)}
    if len(named) == 1:
        return named.pop()
    # Datelines write the place in capitals: the hints count only names written with a capital, in any case.
    return None if named else place_country(text.title())
