"""A party of a sentence: an actor mention and its role relative to the event's trigger words."""

from __future__ import annotations

from dataclasses import dataclass

from ._registry import ActorMention

__all__ = ["Party"]


@dataclass(frozen=True)
class Party:
    mention: ActorMention
    role: str  # agent | target | both | other | partner (beside a side: an associated actor, never actor1/2)
    stance: str | None = None  # initiator ("terrorists who had attacked"), responder ("officers, who returned fire")
    # a target only as the dead or wounded of a sentence whose other trigger says what was struck ("a Chadian soldier
    # was killed when jihadists attacked a Nigerien army position"): counted among the side struck, not that side
    fallen: bool = False
