"""Bodies found: whoever finds the dead did not kill them.

"Residents found the bodies of four herders", "soldiers discovered the bodies of three men executed by jihadists":
the subject of a verb of finding whose object is the bodies is a finder, not the event's agent (ACLED codes the
killing, by the party the text names or an unidentified armed group, with the finders out of it). Whoever the text
says did the killing ("executed by jihadists") keeps the role the parse gives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ._lex import lemma, register_bases
from ._roles import Party

__all__ = ["without_finders"]

_BODY_WORDS = {"bodies", "body", "corpses", "corpse", "remains", "corps", "cadavres", "cadavre"}
_FINDING = {"find", "discover", "recover", "retrieve", "unearth", "exhume", "locate", "pull", "spot"}
register_bases(_FINDING)


def without_finders(doc: Any, parties: list[Party]) -> list[Party]:
    """The parties, with the subjects of a verb of finding whose object is the dead made bystanders."""
    spans = [
        (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
        for token in doc
        if lemma(token) in _FINDING and _finds_bodies(token)
        for subject in token.children
        if subject.dep_ == "nsubj"
    ]
    if not spans:
        return parties
    return [replace(p, role="other") if p.role in ("agent", "both") and _inside(p, spans) else p for p in parties]


def _finds_bodies(verb: Any) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _BODY_WORDS for c in verb.children)


def _inside(party: Party, spans: list[tuple[int, int]]) -> bool:
    return any(start <= party.mention.start < end for start, end in spans)
