"""Proper names in an evidence sentence, reduced to keys that survive transliteration.

Reports of one happening spell its places several ways (In Guezzam / Aïn Guezzam / In-Guezzam,
Bordj Badji Mokhtar / Bourj Baji Mukhtar, Aguelhok / Aguel'hoc, Tinzaouatène / Tinzawaten), and a
geocoder may resolve one spelling to a namesake far away or to nothing. Fusion therefore also
compares the names the sentences themselves contain: each name becomes a consonant skeleton (accents
and vowels dropped, French and English spellings of one sound mapped together, doubled letters
collapsed), so that the spellings above share a key. Words that are capitalised but name no
particular place or person (weekdays, months, countries and their adjectives, institutions, titles)
and generic parts of place names ("Jebel", "Bordj", "Ben") are data (`data/names.json`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

__all__ = [
    "fold",
    "generic_heads",
    "lead_keys",
    "name_keys",
    "name_keys_within",
    "names_place",
    "place_keys",
    "skeleton",
]

_PARENTHESES = re.compile(r"\([^)]*\)")  # "(Synthetic Wire)", "(03)": credits and figures, not names
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_GAP = re.compile(r"[\s\-]*$")  # what may separate two words of one name (matched from its start)
_CLAUSE = re.compile(r"[.:;!?\"“”—–]")  # after these, a capital may just open a clause
_SOUNDS = (("tch", "s"), ("sch", "s"), ("ch", "s"), ("sh", "s"), ("dj", "j"), ("kh", "k"), ("gh", "g"))
_LETTERS = str.maketrans({"c": "k", "q": "k", "x": "k", "a": None, "e": None, "i": None, "o": None, "u": None,
                          "y": None, "h": None, "w": None})  # fmt: skip
_MAX_NAMES = 24
_ALIKE = 80  # two spellings of one word ("Siwa" / "Siwah" 89; "Sahel" / "Sulu" 44)


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = _data()
    return frozenset(data["not_names"]), frozenset(data["place_words"]), frozenset(data["connectors"])


@cache
def _data() -> dict[str, list[str]]:
    text = resources.files("borderwatch.fuse").joinpath("data", "names.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _titles() -> frozenset[str]:
    return frozenset(_data()["titles"])


_LAST_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")


def _person(text: str, at: int, words: tuple[str, ...]) -> bool:
    """Whether the name beginning at `at` is a person's: it opens with a title ("General Issa Abdou") or
    follows one ("the governor Ali Moussa")."""
    titles = _titles()
    if words[0] in titles:
        return True
    before = _LAST_WORD.search(text, max(0, at - 24), at)
    return before is not None and _fold(before.group(1)) in titles


def fold(text: str) -> str:
    """Lower case without accents."""
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")


_fold = fold


@cache
def skeleton(word: str) -> str:
    """The key of one (folded) word: its consonants, one letter per sound, doubled letters collapsed. A word
    of five letters or more keeps a two-consonant skeleton ("Dehiba" / "Dhiba" / "Dhehiba": "db"); a shorter
    word ("Gao", "Sulu"), or one with a single consonant ("Ayorou"), is its own key: two consonants of a
    short word say too little ("Sulu" / "Sahel")."""
    folded = "".join(ch for ch in _fold(word) if ch.isalpha())
    key = _collapsed(_consonants(folded))
    return key if len(key) >= 3 or (len(key) == 2 and len(folded) >= 5) else folded


@cache
def _consonants(folded: str) -> str:
    """A folded word's consonants, one letter per sound, doubled letters not yet collapsed."""
    for spelling, sound in _SOUNDS:
        folded = folded.replace(spelling, sound)
    return folded.translate(_LETTERS)


def _collapsed(key: str) -> str:
    return "".join(ch for i, ch in enumerate(key) if i == 0 or ch != key[i - 1])


def _run_key(words: list[str]) -> str:
    """The key of a name's words run together, each word's sounds read within it: a word's end and the next
    word's start make no sound together ("Mount Chaambi" is "mnt" + "smb", not "mn" + "tch" + ...), so that the
    run's generic part keeps its own key (`generic_head`)."""
    return _collapsed("".join(_consonants("".join(ch for ch in w if ch.isalpha())) for w in words))


@cache
def generic_heads() -> tuple[str, ...]:
    """Keys of the generic parts of place names that weigh in a run's key ("jbl" of Jebel and Djebel, "mnt" of
    Mount and Mont, "mnts" of Monts, "brj" of Bordj): three consonants or more; shorter ones ("sd" of Sidi) are
    as often the start of a name."""
    _, place_words, _ = _vocabulary()
    return tuple(sorted({head for head in (_collapsed(_consonants(w)) for w in place_words) if len(head) >= 3}))


def _words(token: str) -> str:
    """One token as a word: "d'In" -> "In" (an elided article), "Mali's" -> "Mali", "Aguel'hoc" -> "Aguelhoc"."""
    parts = re.split(r"['’]", token)
    if len(parts) > 1 and len(parts[0]) <= 2 and parts[0].islower():
        parts = parts[1:]
    if len(parts) > 1 and parts[-1].lower() == "s":
        parts = parts[:-1]
    return "".join(parts)


@lru_cache(maxsize=8192)
def _keys_of(words: tuple[str, ...]) -> frozenset[str]:
    """Keys of one name (its words, folded): each distinctive word's, and the whole name's run together, so
    that "Tin Zaouatine" meets "Tinzaouatène", "Ben Guerdane" meets "Ben Gardane" and "In-Tahaka" meets
    "Intahaka" (a generic part of a place name, "In" or "Ain", is kept in the run even where the word alone
    names nothing)."""
    not_names, place_words, connectors = _vocabulary()
    kept = [w for w in words if w not in not_names]
    keys = {skeleton(w) for w in kept if len(w) >= 3 and w not in place_words and w not in connectors}
    joined = [w for w in words if w not in not_names or w in place_words]
    if len(joined) > 1 and kept:
        keys.add(_run_key(joined))
    return frozenset(keys)


@cache
def place_keys(name: str | None) -> frozenset[str]:
    """Keys of a resolved place's name ("Bordj Badji Mokhtar": mokhtar's, badji's, and the whole name's)."""
    if not name:
        return frozenset()
    return _keys_of(tuple(_fold(_words(t)) for t in _TOKEN.findall(_PARENTHESES.sub(" ", name))))


def name_keys_within(text: str, start: int, end: int) -> frozenset[str]:
    """`name_keys` of the names of `text` that begin in [start, end) (the text's names are found once)."""
    keys: set[str] = set()
    for at, words in _placed_runs(text):
        if start <= at < end:
            keys |= _keys_of(words)
    return frozenset(sorted(keys)[:_MAX_NAMES])


def lead_keys(text: str, start: int, end: int, place: frozenset[str]) -> frozenset[str]:
    """Keys of the names of `text` in [start, end) that come before the first one naming `place` (the keys of
    the mention's own place); all of them when none does. News name where a thing happened first and the
    places it is measured from or fled to after ("at Aguelhok, 80 km south of Tessalit"): a place named
    before the geocoded one may be where it happened. Persons' names (after a title) are no places."""
    keys: set[str] = set()
    for at, words in _placed_runs(text):
        if start <= at < end:
            found = _keys_of(words)
            if found & place:
                break
            if not _person(text, at, words):
                keys |= found
    return frozenset(sorted(keys)[:_MAX_NAMES])


# A report's mentions are fused in the order of their days, not one after the other (a received page's
# mentions span years): the names of every report of a page stay here until its last mention is fused.
@lru_cache(maxsize=1024)
def _placed_runs(text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    starts: list[int] = []
    runs = _runs(text, starts)
    return tuple(zip(starts, map(tuple, runs), strict=True))


def name_keys(text: str) -> frozenset[str]:
    """Keys of the proper names in a text: runs of capitalised words (joined by spaces, hyphens or connectors
    like "ibn"); acronyms are left out (groups, which the actors compare), but not a capitalised dateline
    ("NIAMEY, Feb 26"). A lone capitalised word that opens the text or a clause counts only before a colon
    or comma ("Menaka: ...", not "Gunmen attacked")."""
    keys: set[str] = set()
    for _, words in _placed_runs(text):  # cached: a mention's sentence is read again for `lead_keys`
        keys |= _keys_of(words)
    return frozenset(sorted(keys)[:_MAX_NAMES])


def names_place(text: str, place_name: str) -> bool:
    """Whether a text names a place (one of its distinctive words, spelled alike or with the same key): a
    place resolved from a name the text does not contain ("Sahel Province" read as Sulu) is not to be trusted."""
    not_names, place_words, connectors = _vocabulary()
    wanted = [w for w in (_fold(_words(t)) for t in _TOKEN.findall(place_name)) if len(w) >= 3]
    wanted = [w for w in wanted if w not in not_names and w not in place_words and w not in connectors]
    if not wanted:
        return True  # a country or a generic name: nothing to check
    present, keys = _present(text)
    return any(
        skeleton(w) in keys or any(fuzz.ratio(w, p) >= _ALIKE for p in present if abs(len(p) - len(w)) <= 3)
        for w in wanted
    )


@lru_cache(maxsize=16)
def _present(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a text's names (and each name run together), and their keys: asked once per report."""
    runs = [words for _, words in _placed_runs(text)]
    present = frozenset({w for words in runs for w in words} | {"".join(words) for words in runs})
    return present, frozenset(skeleton(w) for w in present)


def _runs(text: str, starts: list[int] | None = None) -> list[list[str]]:
    """The names of a text, each as its folded words (and, into `starts`, the offset where each begins).
    Runs per report: lower-case words, most of a text, take the short path."""
    text = _PARENTHESES.sub(lambda m: " " * len(m.group(0)), text)  # blanked, not removed: offsets stay
    _, _, connectors = _vocabulary()
    names: list[list[str]] = []
    run: list[str] = []
    run_starts_clause = dateline = False
    last_end = run_start = 0
    first = True
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if "'" in raw or "’" in raw:
            raw = _words(raw)  # "d'In" -> "In", "Aguel'hoc" -> "Aguelhoc", "Mali's" -> "Mali"
        if not raw or not raw[0].isupper():
            if run:
                if raw in connectors and _GAP.match(text, last_end, match.start()) is not None:
                    run.append(raw)
                else:
                    _close(run, run_starts_clause, text, last_end, names, starts, run_start)
                    run, dateline = [], False
            last_end, first = match.end(), False
            continue
        word = raw
        between = text[last_end : match.start()]
        opens = first or _CLAUSE.search(between) is not None
        joined = bool(run) and _GAP.match(between) is not None
        acronym = len(word) > 1 and word.isupper()
        if acronym and (_dateline(text, match, opens) or (joined and dateline)):
            acronym, dateline = False, True  # "BORDJ BADJI MOKHTAR, Algeria": a dateline, not acronyms
        if acronym:
            _close(run, run_starts_clause, text, last_end, names, starts, run_start)
            run, dateline = [], False
        else:
            if not joined:
                _close(run, run_starts_clause, text, last_end, names, starts, run_start)
                run, run_starts_clause, run_start = [], opens, match.start()
            run.append(word.lower() if word.isascii() else _fold(word))
        last_end, first = match.end(), False
    _close(run, run_starts_clause, text, last_end, names, starts, run_start)
    return names


def _dateline(text: str, match: re.Match[str], opens: bool) -> bool:
    """A capitalised place opening a dateline: "NIAMEY, Feb 26" or "BORDJ BADJI MOKHTAR, Algeria"."""
    rest = text[match.end() : match.end() + 40]
    return opens and len(match.group(0)) >= 3 and re.match(r"^(?:[\s\-]+[A-Z'’\-]+)*\s*,", rest) is not None


def _close(
    run: list[str],
    at_start: bool,
    text: str,
    end: int,
    names: list[list[str]],
    starts: list[int] | None,
    start: int,
) -> None:
    _, _, connectors = _vocabulary()
    while run and run[-1] in connectors:
        run.pop()
    if not run:
        return
    if at_start and len(run) == 1 and text[end : end + 1] not in (":", ","):
        return
    names.append(list(run))
    if starts is not None:
        starts.append(start)
