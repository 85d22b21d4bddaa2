"""Near-duplicates (the same story from two outlets): MinHash signatures and LSH band keys.

Exact copies are caught earlier by the content hash. A report whose estimated Jaccard
similarity to a stored one reaches the threshold is linked to it, never dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

import numpy as np
from datasketch import MinHash

__all__ = ["NearDuplicateFinder", "Signature"]

_NUM_PERM = 100
# 20 bands of 5 rows: pairs at similarity 0.7 share a band with probability ~0.98, pairs at 0.3 ~0.05.
_BANDS, _ROWS = 20, 5
_SHINGLE = 3
_WORD = re.compile(r"\w+")
_SEED_MINHASH = MinHash(num_perm=_NUM_PERM, seed=20131)  # fixed seed and scheme: signatures are stored
_PERMUTATIONS, _SCHEME = _SEED_MINHASH.permutations, _SEED_MINHASH.scheme


class Signature:
    """A report's MinHash signature and its band keys."""

    __slots__ = ("_band_keys", "values")

    def __init__(self, values: np.ndarray) -> None:
        self.values = values.astype(np.uint32)
        self._band_keys: list[int] | None = None

    @property
    def band_keys(self) -> list[int]:
        if self._band_keys is None:
            self._band_keys = [_band_key(i, self.values[i * _ROWS : (i + 1) * _ROWS]) for i in range(_BANDS)]
        return self._band_keys

    def to_bytes(self) -> bytes:
        return self.values.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype=np.uint32))

    def similarity(self, other: Signature) -> float:
        if other.values.shape != self.values.shape:
            return 0.0
        return float(np.count_nonzero(self.values == other.values)) / len(self.values)


class NearDuplicateFinder:
    def __init__(self, threshold: float = 0.7) -> None:
        self.threshold = threshold

    def signature(self, text: str) -> Signature:
        words = _WORD.findall(text.casefold())
        n = _SHINGLE if len(words) >= _SHINGLE else 1
        shingles = {" ".join(words[i : i + n]).encode("utf-8") for i in range(max(1, len(words) - n + 1))}
        minhash = MinHash(num_perm=_NUM_PERM, permutations=_PERMUTATIONS, scheme=_SCHEME)
        minhash.update_batch(list(shingles))
        return Signature(minhash.hashvalues)

    def matches(self, signature: Signature, candidates: Mapping[str, bytes | Signature]) -> list[tuple[str, float]]:
        """Candidates (id -> signature) similar enough to link, most similar first."""
        found = []
        for report_id, other in candidates.items():
            other_sig = other if isinstance(other, Signature) else Signature.from_bytes(other)
            score = signature.similarity(other_sig)
            if score >= self.threshold:
                found.append((report_id, round(score, 3)))
        return sorted(found, key=lambda pair: -pair[1])


def _band_key(index: int, values: np.ndarray) -> int:
    digest = hashlib.blake2b(index.to_bytes(2, "little") + values.tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
