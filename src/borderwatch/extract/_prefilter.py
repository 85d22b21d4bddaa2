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

from ._text import phrase_regex

__all__ = ["Prefilter", "word_starts"]

_K = 6
_MAX = 20000
_WORD_START = re.compile(r"(?<![\w-])\w")


class _Unbounded(Exception):
    """The pattern can start with too many different strings to enumerate."""


class Prefilter:
    def __init__(self, patterns: Iterable[str]) -> None:
        self.prefixes: set[str] = set()
        residual = []
        by_prefix: dict[str, list[str]] = {}
        for pattern in patterns:
            try:
                starts = _prefixes(list(P.parse(pattern, re.IGNORECASE)))
            except _Unbounded:
                starts = {""}
            if "" in starts:
                residual.append(pattern)  # it can start anywhere: keep it as a regex
            else:
                self.prefixes |= starts
                for start in starts:
                    by_prefix.setdefault(start, []).append(pattern)
        # The patterns a word start can begin, as one regex per prefix: at a word start only these are tried.
        self._by_prefix = {start: _bounded(group) for start, group in by_prefix.items()}
        self._lengths = sorted({len(p) for p in self.prefixes})
        # Every word start where some prefix begins, in one pass of the regex engine (a trie of the prefixes, as a
        # lookahead so that no start hides another); a prefix ending in a space may match more: never fewer.
        trie = phrase_regex(self.prefixes).pattern.removeprefix("(?<![\\w])").removesuffix("(?![\\w])")
        self._starts_rx = re.compile(rf"(?<![\w-])(?={trie})") if self.prefixes else None
        body = "|".join(f"(?:{p})" for p in residual)
        self._residual = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE) if residual else None

    @property
    def unbounded(self) -> bool:
        """Some pattern can start anywhere: word starts alone cannot rule it out."""
        return self._residual is not None

    @property
    def lengths(self) -> list[int]:
        return self._lengths

    def may_match_starts(self, starts: set[str]) -> bool:
        """Like `may_match`, given the word starts of a text (see `word_starts`) computed once for many filters."""
        return self.unbounded or not self.prefixes.isdisjoint(starts)

    def positions(self, text: str) -> list[int] | None:
        """Where a bounded pattern can begin in `text` (word starts with one of the prefixes); None when lower-casing
        changes the text's length, so that offsets could not be trusted."""
        lowered = text.lower()
        if len(lowered) != len(text):
            return None
        return [m.start() for m in self._starts_rx.finditer(lowered)] if self._starts_rx is not None else []

    def search(self, text: str) -> bool | None:
        """Whether any of the patterns matches in `text` (as whole words), trying at each word start only the
        patterns that can begin with its first letters; None when lower-casing changes the text's length."""
        lowered = text.lower()
        if len(lowered) != len(text):
            return None
        if self._starts_rx is not None:
            by_prefix, lengths = self._by_prefix, self._lengths
            for m in self._starts_rx.finditer(lowered):
                i = m.start()
                for n in lengths:
                    rx = by_prefix.get(lowered[i : i + n])
                    if rx is not None and rx.match(text, i):
                        return True
        return self.residual_match(text)

    def residual_match(self, text: str) -> bool:
        """Whether one of the patterns that can begin anywhere matches."""
        return bool(self._residual and self._residual.search(text))

    def may_match(self, text: str) -> bool:
        """False only when no eventive cue can match in `text`."""
        lowered = text.lower()
        prefixes, lengths = self.prefixes, self._lengths
        for m in _WORD_START.finditer(lowered):
            i = m.start()
            if any(lowered[i : i + n] in prefixes for n in lengths):
                return True
        return bool(self._residual and self._residual.search(text))


def _bounded(patterns: list[str]) -> re.Pattern[str]:
    """The patterns as one whole-word alternation, as the cue regexes are compiled (`_ontology._compile`)."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def word_starts(text: str, lengths: Iterable[int]) -> set[str]:
    """The first n characters (lower-cased) of every word of `text`, for every n in `lengths`."""
    lowered = text.lower()
    lengths = tuple(lengths)
    return {lowered[m.start() : m.start() + n] for m in _WORD_START.finditer(lowered) for n in lengths}


def _prefixes(items: list) -> set[str]:  # type: ignore[type-arg]
    """The possible starts (up to _K characters) of what the parsed (sub)pattern matches; a start is cut short
    where the pattern goes on with something too open to enumerate (it still must begin the match)."""
    return _starts(items)[0]


def _starts(items: list) -> tuple[set[str], bool]:  # type: ignore[type-arg]
    """(starts, cut): `cut` when the enumeration stopped at something too open, so that nothing may be appended
    to these starts by what follows the (sub)pattern ('set (?:\\w+ ){0,4}on fire' starts with 'set ', never with
    'set o')."""
    partial = {""}
    for op, av in items:
        try:
            found = _options(op, av)
        except _Unbounded:
            return partial, True
        if found is None:
            continue  # zero-width
        options, cut = found
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
        if cut:
            return partial, True
        if all(len(p) >= _K for p in partial):
            break
    return partial, False


def _options(op: object, av: object) -> tuple[set[str], bool] | None:
    if op is C.LITERAL:
        return {chr(av).lower()}, False  # type: ignore[arg-type]
    if op is C.IN:
        return _charset(av), False  # type: ignore[arg-type]
    if op is C.BRANCH:
        branches = [_starts(list(branch)) for branch in av[1]]  # type: ignore[index]
        return set().union(*(b for b, _ in branches)), any(cut for _, cut in branches)
    if op is C.SUBPATTERN:
        return _starts(list(av[-1]))  # type: ignore[index]
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


def _repeat(low: int, high: int, sub: list) -> tuple[set[str], bool]:  # type: ignore[type-arg]
    once, cut = _starts(sub)
    if cut:
        return ({""} | once if low == 0 else once), True  # what one repetition starts with, and no further
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
    return result, False
