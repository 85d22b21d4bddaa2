"""Small text helpers shared by the stages: offset-preserving folding, phrase regexes, data files."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = ["fold", "folded_phrases", "load_data", "phrase_regex", "phrase_trie"]

_SEPARATORS = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "'": " ", "’": " ", "`": " ", "ʼ": " "})


_FOLDED: dict[int, str] = {}  # translation table, grown as new characters are met


# The registry folds a whole report's text once for every country word and mention it checks: kept, it is folded once.
@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Lower case, accents and hyphens/apostrophes folded, with exactly one output character per input character.

    Matching runs on the folded text and reports offsets valid in the original, so
    "Al-Qaïda" and "al Qaida" meet without losing the evidence span.
    """
    if text.isascii():
        return text.translate(_SEPARATORS).lower()
    for ch in set(text):
        if ord(ch) not in _FOLDED:
            _FOLDED[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLDED)


def _fold_char(ch: str) -> str:
    ch = ch.translate(_SEPARATORS)
    base = unicodedata.normalize("NFKD", ch)[0] if ord(ch) > 127 else ch
    low = base.lower()
    return low if len(low) == 1 else base


def _fold_phrase(phrase: str) -> str:
    return " ".join(fold(phrase).split())


def phrase_alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation to embed in a larger pattern: longest first, each escaped, its spaces
    matching any run of spaces (`phrase_regex` compiles whole-word phrases on their own)."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def phrase_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One regex matching any of the phrases as whole words (longest first), spaces matching any run of spaces.

    The phrases are given as they should match (fold them first to match `fold(text)`;
    acronyms stay as they are, for a case-sensitive match of the raw text). The
    alternatives are laid out as a trie, so that a thousand aliases cost little more
    than one: the regex engine shares their common prefixes.
    """
    return re.compile(rf"(?<![\w])(?:{phrase_trie(phrases)})(?![\w])", flags)


def phrase_trie(phrases: Iterable[str]) -> str:
    """The phrases as one regex (no word bounds) laid out as a trie, spaces matching any run of spaces; a regex
    that matches nothing when there are none."""
    words = {tuple(p.split()) for p in phrases if p.strip()}
    return _trie_pattern(_trie(words)) if words else "(?!)"


def _trie(phrases: set[tuple[str, ...]]) -> dict:
    root: dict = {}
    for words in phrases:
        node = root
        for i, word in enumerate(words):
            for ch in (" " if i else "") + word:
                node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return root


def _trie_pattern(node: dict) -> str:
    """Longest alternatives first at every branch, so that the longest phrase wins where several match."""
    ends = "" in node
    branches = []
    for ch in sorted((c for c in node if c), key=lambda c: -_depth(node[c])):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_pattern(node[ch]))
    if not branches:
        return ""
    inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{inner})?" if ends else inner


def _depth(node: dict) -> int:
    return 1 + max((_depth(child) for key, child in node.items() if key), default=0)


def folded_phrases(phrases: Iterable[str]) -> list[str]:
    return [_fold_phrase(p) for p in phrases]


@cache
def load_data(name: str) -> Any:
    """A JSON file from the package's data folder (read once per process)."""
    ref = resources.files("borderwatch.extract").joinpath("data", name)
    return json.loads(ref.read_text(encoding="utf-8"))
