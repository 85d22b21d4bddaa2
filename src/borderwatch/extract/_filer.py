"""Who files a report, as extraction may know it: the state force its first person and its shorthand stand for.

A communiqué's label names its speaker ("Ministry of National Defence communiqué:"); a monitoring post's field
report names none, yet its "patrol", "detachment" and "the post" are the post's own forces. Both belong to the
state of the filing agency when the pipeline gives its country (`Report.agency_country`): where the post stands
does not say whose forces they are (a post on the border may be placed in, or nearest to, the neighbour).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Report, ReportKind
from ._registry import ActorMention

__all__ = ["filing_force", "post_self_references"]

# A post's field report calls itself "the post" ("gunmen fired on the post"): the post is its own forces. Only
# the definite or demonstrative form: "a military post" or "the Malian post" is someone else's.
_THE_POST = re.compile(r"\b(?:the|this|our)\s+(?:post|outpost|checkpoint)\b(?!\s+(?:of|at|in)\b)", re.IGNORECASE)


def filing_force(report: Report, label_speaker: ActorMention | None) -> ActorMention | None:
    """The state force the report speaks for, or None when nothing says.

    A communiqué's label names its force; when the label names no state ("Ministry of Defence communiqué:"),
    the filing agency's country is its state. A field report with no label is its agency's country's military
    (a post's unnamed "patrol" is the army's, as it is for a report whose agency has no country). An agency of
    no country leaves everything as the text alone says.
    """
    home = report.agency_country
    if label_speaker is not None:
        if label_speaker.country is None and home:
            return replace(label_speaker, country=home)
        return label_speaker
    if report.kind is ReportKind.FIELD and home:
        return ActorMention(0, 0, "", "state", force="military", country=home)
    return None


def post_self_references(report: Report) -> re.Pattern[str] | None:
    """The words by which a field report names its own post, or None for other reports."""
    return _THE_POST if report.kind is ReportKind.FIELD else None
