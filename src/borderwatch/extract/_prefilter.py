"""A fast test for "can any eventive cue match in this sentence?", derived from the cue regexes themselves.

Every cue pattern is parsed (Python's own regex parser) into the set of its possible
first three characters; a sentence can only match where a word starts with one of
them. Checking the word starts of a sentence against that set is much cheaper than
running the full alternation of all patterns on every sentence, and the few patterns
whose start is unbounded (a leading wildcard) are kept as a small residual regex.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
from collections.abc import Iterable

__all__ = ["Prefilter"]

_K = 6
_MAX = 20000
_WORD_START = re.compile(r"(?<![\w-])\w")


class _Unbounded(Exception):
    """The pattern can start with too many different strings to enumerate."""


class Prefilter:
    def __init__(self, patterns: Iterable[str]) -> None:
        self.prefixes: set[str] = set()
        residual = []
        for pattern in patterns:
            try:
                starts = _prefixes(list(P.parse(pattern, re.IGNORECASE)))
            except _Unbounded:
                starts = {""}
            if "" in starts:
                residual.append(pattern)  # it can start anywhere: keep it as a regex
            else:
                self.prefixes |= starts
        self._lengths = sorted({len(p) for p in self.prefixes})
        body = "|".join(f"(?:{p})" for p in residual)
        self._residual = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE) if residual else None

    def may_match(self, text: str) -> bool:
        """False only when no eventive cue can match in `text`."""
        lowered = text.lower()
        prefixes, lengths = self.prefixes, self._lengths
        for m in _WORD_START.finditer(lowered):
            i = m.start()
            if any(lowered[i : i + n] in prefixes for n in lengths):
                return True
        return bool(self._residual and self._residual.search(text))


def _prefixes(items: list) -> set[str]:  # type: ignore[type-arg]
    """The possible starts (up to _K characters) of what the parsed (sub)pattern matches; a start is cut short
    where the pattern goes on with something too open to enumerate (it still must begin the match)."""
    partial = {""}
    for op, av in items:
        try:
            options = _options(op, av)
        except _Unbounded:
            return partial
        if options is None:
            continue  # zero-width
        grown = set()
        for head in partial:
            if len(head) >= _K:
                grown.add(head)
                continue
            for option in options:
                grown.add((head + option)[:_K])
        if len(grown) > _MAX:
            raise _Unbounded
        partial = grown
        if all(len(p) >= _K for p in partial):
            break
    return partial


def _options(op: object, av: object) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av).lower()}  # type: ignore[arg-type]
    if op is C.IN:
        return _charset(av)  # type: ignore[arg-type]
    if op is C.BRANCH:
        return set().union(*(_prefixes(list(branch)) for branch in av[1]))  # type: ignore[index]
    if op is C.SUBPATTERN:
        return _prefixes(list(av[-1]))  # type: ignore[index]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub = av  # type: ignore[misc]
        return _repeat(low, high, list(sub))
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return None
    raise _Unbounded


def _charset(members: list) -> set[str]:  # type: ignore[type-arg]
    chars: set[str] = set()
    for op, av in members:
        if op is C.LITERAL:
            chars.add(chr(av).lower())
        elif op is C.RANGE and av[1] - av[0] < 40:
            chars |= {chr(c).lower() for c in range(av[0], av[1] + 1)}
        else:
            raise _Unbounded
    return chars


def _repeat(low: int, high: int, sub: list) -> set[str]:  # type: ignore[type-arg]
    once = _prefixes(sub)
    result = {""} if low == 0 else set()
    current = {""}
    for count in range(1, min(high, _K) + 1):
        current = {(a + b)[:_K] for a in current for b in once}
        if len(current) > _MAX:
            raise _Unbounded
        if count >= low:
            result |= current
    if low > _K:
        result = current
    return result
