"""Candidate places for a name: exact name keys first, then transliteration skeletons scored by similarity."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from ._division_names import division_s_name
from ._normalise import compact_form, is_vowel_shape, loose_form, name_key, spelling_key
from ._recognition_words import facility_words, natural_feature_words
from ._store import Gazetteer, PlaceRecord

__all__ = ["Candidate", "CandidateFinder"]

# Words that qualify a place name without changing which place it is: tried away when the whole name has no match.
_LEADING = {
    "north", "northern", "south", "southern", "east", "eastern", "west", "western", "central", "greater",
    "upper", "lower", "downtown", "metro", "metropolitan", "rural", "outer", "inner", "mid", "old", "new",
}  # fmt: skip
_TRAILING = {
    "area", "region", "county", "province", "district", "city", "state", "governorate", "wilaya",
    "department", "valley", "coast", "municipality", "prefecture", "town", "village", "oasis", "border",
    "crossing", "countryside", "outskirts", "metro", "metropolitan", "suburbs", "area's", "parish",
}  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s?$")
_MIN_SIMILARITY = 75.0
# A one-word name is looked for written in parts ('Banibangou' for Bani Bangou) from this length: shorter words are
# rarely two names run together, and are many (people's, organisations').
_MIN_COMPACT_LENGTH = 6
_MIN_PART_LENGTH = 2
_MIN_TRANSLITERATED_LENGTH = 4
_INNER_NAME_WEIGHT = 0.6


class Candidate(NamedTuple):
    record: PlaceRecord
    match: float  # 1.0 main name, 0.8 alternate name, less for partial or transliterated matches
    # Found through a transliteration skeleton ('Salloum' for As Sallūm), not under the name or a name inside it.
    spelling: bool = False
    # Found only through a short name's vowel shape ('Taoua' for Tahoua): the weakest of the readings.
    shape: bool = False
    # Found through a spelling of another of its names ('Bulkes' of Maglić, Serbia, for 'Boulkessi'), not its main
    # name: a name in another language of a place abroad is rarely the one a report's spelling means.
    alias: bool = False


class CandidateFinder:
    def __init__(self, gazetteer: Gazetteer, cache_size: int = 50000) -> None:
        self._gazetteer = gazetteer
        self.find = lru_cache(maxsize=cache_size)(self._find)
        self._by_key: dict[str, list[tuple[PlaceRecord, bool]]] = {}
        self._known: dict[str, bool] = {}  # whether a key names a place, for keys not (yet) read in `_by_key`
        self._read_as: dict[str, str] = {}  # key -> the name inside it that its candidates bear ('paris')
        # key -> the names it is written as in one word or in parts ('banibangou' -> 'bani bangou'), for keys that
        # name no place as written
        self._compact: dict[str, tuple[str, ...]] = {}
        self._cache_size = cache_size

    def known(self, texts: Iterable[str]) -> set[str]:
        """The name keys of `texts` that name places (cheap: no place is read)."""
        keys = {_key(t) for t in texts} - {""}
        self._make_room(self._known, self._compact)
        unseen = [k for k in keys if k not in self._by_key and k not in self._known]
        # A name in parts may be filed in one word ('Bani Bangou' as Banibangou): its one-word form is asked in
        # the same query as the names as written, one query per text. A one-word name's parts are looked for only
        # when it is resolved (`find`): a text's every capitalised word would cost a look-up each.
        joined = self._one_word_forms(keys)
        asked = set(unseen) | set(joined.values())
        found = self._gazetteer.known_keys(asked) if asked else set()
        if unseen:
            self._known.update((k, k in found) for k in unseen)
        if joined:
            self._compact.update((k, (one,) if one in found else ()) for k, one in joined.items())
        for key in keys:
            if " " in key and key not in self._compact:
                self._compact[key] = ()  # too short a name, or parts too short, to be one written in parts
        named = {k for k in keys if (bool(self._by_key[k]) if k in self._by_key else self._known[k])}
        return named | {k for k in keys - named if self._compact.get(k)}

    def prefetch(self, texts: Iterable[str]) -> set[str]:
        """Look the exact names of many texts up at once (one query); returns the keys that name places."""
        keys = {_key(t) for t in texts} - {""}
        self._make_room(self._by_key, self._compact)
        # Names in parts not met by `known` (the entity model's spans) are asked in one word in the same query.
        joined = self._one_word_forms(keys)
        missing = {k for k in keys if k not in self._by_key} | {j for j in joined.values() if j not in self._by_key}
        if missing:
            found = self._gazetteer.by_keys(sorted(missing))
            for key in missing:
                self._by_key[key] = found.get(key, [])
        if joined:
            self._compact.update((k, (one,) if self._by_key.get(one) else ()) for k, one in joined.items())
        return {k for k in keys if self._by_key[k]}

    def _one_word_forms(self, keys: Iterable[str]) -> dict[str, str]:
        """key -> its one-word form, for the keys in parts not yet known to name a place or to be one in one word."""
        return {
            k: compact_form(k)
            for k in keys
            if k not in self._compact and _may_be_in_parts(k) and not (self._by_key.get(k) or self._known.get(k))
        }

    def read_as(self, text: str) -> str:
        """The key of the name a text's candidates bear: the text's own, or the name inside it that was found
        ('paris' for 'Paris Regional Medical Center', 'kidal' for 'Kidal region'). Asked after `find`."""
        key = _key(text)
        return self._read_as.get(key, key)

    def _find(self, text: str, exact_only: bool = False) -> tuple[Candidate, ...]:
        """Candidates for a name; `exact_only` skips the (costlier) transliterated and partial matches."""
        key = _key(text)
        if not key:
            return ()
        # A one-word name's parts are looked for only in a full look-up: an exact-only one is a person's or
        # organisation's name the text does not present as a place, or an untagged word already known as written.
        found = self._exact(key, 1.0) or (self._written_compact(key) if " " in key or not exact_only else [])
        if found or exact_only:
            return tuple(found)
        core = _core(key)
        if core != key:
            # 'Sahel Province', 'Eastern Ghouta': the name without its qualifiers, before any looser reading of
            # the whole (whose generic words would make unrelated names look alike: 'Sulu Province').
            found = self._exact(core, 0.75)
            if not found:
                found = [c._replace(match=c.match * 0.8) for c in self._transliterated(core)]
            if found:
                self._remember(key, core)
            return tuple(found or self._inner(key))
        return tuple(self._transliterated(key) or self._inner(key))

    def _remember(self, key: str, inner: str) -> None:
        self._make_room(self._read_as)
        self._read_as[key] = inner

    def _make_room(self, *caches: dict[str, Any]) -> None:
        """Empty each full cache, before what is missing from it is worked out (emptied after, a key found cached
        would be gone when read)."""
        for cache in caches:
            if len(cache) > self._cache_size:
                cache.clear()

    def _exact(self, key: str, weight: float) -> list[Candidate]:
        rows = self._by_key.get(key)
        if rows is None:
            rows = self._gazetteer.by_key(key)
        make = Candidate._make
        return [make((record, weight * (1.0 if main else 0.8), False, False, False)) for record, main in rows]

    def _written_compact(self, key: str) -> list[Candidate]:
        """The places of the name written in one word or in parts ('Inamenas', 'Tin Zaouatine' for 'Tinzaouatine'):
        one name whatever its spaces and hyphens, matched as exactly as the name itself."""
        if key not in self._compact:
            self._read_compact([key])
        return [candidate for other in self._compact[key] for candidate in self._exact(other, 1.0)]

    def _read_compact(self, keys: list[str]) -> None:
        """Find the names each key is written as in one word or in parts: a key in parts by its one word (one
        query for all), a long one-word key among the names of its skeleton (which spaces do not change)."""
        self._make_room(self._compact)
        joined = {key: compact_form(key) for key in keys if _may_be_in_parts(key)}
        known = self._gazetteer.known_keys(joined.values()) if joined else set()
        for key in keys:
            if " " in key:
                self._compact[key] = (joined[key],) if joined.get(key) in known else ()
                continue
            skel = spelling_key(key) if len(key) >= _MIN_COMPACT_LENGTH and key.isalpha() else ""
            if not skel or is_vowel_shape(skel):  # short names' one-word forms are filed as names (`IndexWriter`)
                self._compact[key] = ()
                continue
            others = self._gazetteer.skeleton_keys(skel)
            self._compact[key] = tuple(sorted(o for o in others if " " in o and compact_form(o) == key))

    def _transliterated(self, key: str) -> list[Candidate]:
        skel = spelling_key(key)
        if not skel or len(key) < _MIN_TRANSLITERATED_LENGTH:
            return []
        # Similar once transliteration variants are folded, and still alike as written.
        shape = is_vowel_shape(skel)
        if shape:
            # Every name of a short name's vowel shape has its loose form: only how alike they are as written tells,
            # and the names alike are chosen before any place is read, or the world's large places, whose many names
            # fill every shape, would crowd out a small town ('Dhiba': Dubai, Davao ... before Dehiba).
            similarity = {other: _likeness(key, None, other) for other in self._gazetteer.skeleton_keys(skel)}
            alike = sorted(other for other, value in similarity.items() if value >= _MIN_SIMILARITY)
            rows = self._gazetteer.by_skeleton(skel, alike)
        else:
            loose = loose_form(key)
            rows = self._gazetteer.by_skeleton(skel)
            similarity = {other: _likeness(key, loose, other) for other in {other for _, other in rows}}
        best: dict[int, Candidate] = {}
        for record, other_key in rows:
            if similarity[other_key] < _MIN_SIMILARITY:
                continue
            match = 0.45 + 0.35 * similarity[other_key] / 100
            if record.id not in best or best[record.id].match < match:
                best[record.id] = Candidate(record, match, True, shape, other_key != name_key(record.name))
        return list(best.values())

    def _inner(self, key: str) -> list[Candidate]:
        """Names of things named after a place ('Colorado State University', 'Liverpool Academy'): the longest
        place name inside, with a lower match. Not for natural features: the Niger River is not Niger."""
        words = key.split()
        if words[-1] in natural_feature_words():
            return []
        generic = _LEADING | _TRAILING | facility_words() | natural_feature_words()
        parts = [
            " ".join(words[i : i + size])
            for size in range(len(words) - 1, 0, -1)
            for i in range(len(words) - size + 1)
            if size > 1 or (words[i] not in generic and len(words[i]) >= 4)
        ]
        # Every part in one query (a long name has many), kept for `_exact`.
        self._make_room(self._by_key)
        unread = [part for part in parts if part not in self._by_key]
        if unread:
            rows = self._gazetteer.by_keys(unread)
            self._by_key.update((part, rows.get(part, [])) for part in unread)
        for part in parts:
            found = self._exact(part, _INNER_NAME_WEIGHT)
            if found:
                self._remember(key, part)
                return found
        return []


def _likeness(key: str, loose: str | None, other: str) -> float:
    """0-100: how alike two names are as written, averaged with their loose forms' likeness when given."""
    written = fuzz.ratio(key, other)
    return written if loose is None else (fuzz.ratio(loose, loose_form(other)) + written) / 2


def _may_be_in_parts(key: str) -> bool:
    """Whether a key may be a one-word name written in parts: only names of several letters a part ('A US' or 'In A'
    are words, not a name in parts: 'aus')."""
    return " " in key and len(key) > _MIN_COMPACT_LENGTH and min(map(len, key.split())) >= _MIN_PART_LENGTH


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return name_key(_POSSESSIVE.sub("", text.strip()))


def _core(key: str) -> str:
    """A name without the words that qualify it ('Northern Mali' -> 'mali', 'Kidal region' -> 'kidal', 'the
    wilaya de Tamanrasset' -> 'tamanrasset')."""
    words = (division_s_name(key) or key).split()
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    while len(words) > 1 and words[-1] in _TRAILING:
        words = words[:-1]
    return " ".join(words)
