"""Name keys: how a place name is written in the index and looked up.

Two keys per name:
- `name_key`: case, accents, punctuation and common abbreviations folded ("St. Étienne" -> "saint etienne");
  an exact match on it is a name match.
- `skeleton`: a transliteration-tolerant consonant key for Arabic- and Berber-derived names written the French,
  English or Arabic-chat way ("Bourj Baji Mukhtar" and "Bordj Badji Mokhtar" both give "brjbjmktr", "3in Amenas"
  and "Ain Amenas" both "anmns"); a match on
  it only proposes candidates, which are then scored by string similarity.
- `spelling_key`: what a name is filed under for those look-ups: its skeleton, or, for a name with fewer than three
  consonants ("Tahoua", "Taoua", "Tahwah": a lone "t"), its vowel-shaped loose form ("=ta"), which a two-letter
  skeleton would share with hundreds of unrelated names and an empty one with every name of one consonant.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "compact_form",
    "fold",
    "is_indexable",
    "is_vowel_shape",
    "joined_form",
    "loose_form",
    "name_key",
    "skeleton",
    "spelling_key",
]

# Letters NFKD does not decompose.
_SPECIAL = str.maketrans(
    {
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t",
        "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "ʿ": "'", "ʾ": "'",
        "–": "-", "—": "-", "‐": "-",
    }
)  # fmt: skip
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_NON_WORD = re.compile(r"[^\w']+")
_LATIN_OR_ARABIC = re.compile(r"^[a-z0-9' \u0600-\u06ff]+$")

# Skeleton: generic words of Maghrebi and Sahelian toponymy written many ways, each to one form.
_ARTICLES = {"al", "el", "ad", "ar", "as", "at", "an", "az", "ed", "er", "es", "et", "ech", "esh", "ash", "le", "la"}
_WORD_FORMS = {
    "ain": "ain", "ayn": "ain", "ein": "ain", "in": "ain", "aine": "ain", "'ain": "ain", "'ayn": "ain", "'in": "ain",
    "oued": "wadi", "wadi": "wadi", "ouadi": "wadi", "wad": "wadi", "wed": "wadi", "oudi": "wadi",
    "djebel": "jabal", "jebel": "jabal", "jabal": "jabal", "jbel": "jabal", "djbel": "jabal", "gebel": "jabal",
    "ben": "bin", "bin": "bin", "ibn": "bin", "bou": "abu", "abu": "abu", "abou": "abu", "bu": "abu",
    "bir": "bir", "bi'r": "bir", "ber": "bir", "bier": "bir",
    "sidi": "sidi", "sidy": "sidi", "sid": "sidi",
    "ras": "ras", "rass": "ras", "raas": "ras",
}  # fmt: skip
# Ordered digraph rewrites, then single letters; vowels, h, w and y are dropped last.
_DIGRAPHS = (
    ("tch", "sh"), ("sch", "sh"), ("dj", "j"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("rh", "g"),
    ("ch", "sh"), ("ph", "f"), ("ck", "k"), ("qu", "k"), ("gu", "g"), ("ou", "u"), ("zh", "j"), ("ts", "s"),
)  # fmt: skip
# q, k and g stand for one another across French, English and Maghrebi spellings (Gafsa/Qafsa, Kairouan/Qayrawan).
_LETTERS = str.maketrans({"q": "k", "g": "k", "x": "ks", "c": "k", "'": None, "-": None})
# Arabic chat ('Arabizi') writes the letters Latin lacks with digits that look like them: 3 'ayn (written as an
# apostrophe elsewhere: '3in Amenas', 'Cha3nbi'), 2 hamza, 7 ha, 5 kha, 9 qaf, 6 ta, 8 ghayn. Read only inside a
# word that has letters, so that numbers ('Route 66', 'PK 23') stay numbers.
_ARABIZI = str.maketrans({"3": "'", "2": "'", "7": "h", "5": "kh", "9": "q", "6": "t", "8": "gh"})
_ARABIZI_WORD = re.compile(r"^(?=.*[a-z])(?=.*[235-9])[a-z0-9']+$")
_VOWEL_LETTERS = re.compile(r"[aeiouwy]")
# Below this many consonants a skeleton tells too little ('db' for Dehiba, 't' for Tahoua): the loose form is used.
_MIN_SKELETON = 3
# Shorter names are not looked up by spelling (see `_candidates`): nor are they filed under a loose form.
_MIN_SPELLING_NAME = 4
_SHORT_NAME_MARK = "="
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, with typographic quotes and dashes made plain."""
    if text.isascii():  # nothing to decompose (most names in English news): skip the per-character pass
        return text.casefold().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_SPECIAL)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The exact-match key: folded, dots of abbreviations removed, punctuation as spaces, 'St' as 'saint'."""
    folded = fold(text).replace(".", "").replace("&", " and ")
    words = [w.strip("'") for w in _NON_WORD.split(folded.replace("_", " "))]
    words = [_ABBREVIATIONS.get(w, w) for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_indexable(key: str) -> bool:
    """Whether a name key is worth indexing: Latin or Arabic script, not empty, not only digits."""
    return bool(key) and not key.replace(" ", "").isdigit() and bool(_LATIN_OR_ARABIC.match(key))


@lru_cache(maxsize=65536)
def loose_form(key: str) -> str:
    """The key with transliteration variants folded but vowels kept (all as 'a'): what similarity is measured on."""
    words = key.replace("-", " ").split()
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    parts = []
    for word in words:
        if _ARABIZI_WORD.match(word):
            word = word.translate(_ARABIZI)
        word = _WORD_FORMS.get(word, word)
        if word[:3] in ("al'", "el'"):
            word = word[3:]
        for old, new in _DIGRAPHS:
            word = word.replace(old, new)
        word = word.translate(_LETTERS)
        if word.startswith("sh"):
            word = "s" + word[2:]
        parts.append(_VOWEL_LETTERS.sub("a", word.replace("sh", "s").replace("h", "")))
    return _DOUBLES.sub(r"\1", "".join(parts))


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Transliteration-tolerant key of a name key (see the module docstring); '' when too short to be useful."""
    result = _DOUBLES.sub(r"\1", loose_form(key).replace("a", ""))
    return result if len(result) >= 2 else ""


@lru_cache(maxsize=65536)
def spelling_key(key: str) -> str:
    """What a name key is filed and looked up under for transliterated matches: its skeleton when it has at least
    three consonants, else (from four letters) its loose form marked '=' ('tahoua', 'taoua', 'tawa' and 'tahwah'
    all give '=ta'); '' for names too short to be matched by spelling."""
    skel = skeleton(key)
    if len(skel) >= _MIN_SKELETON:
        return skel
    if len(key) < _MIN_SPELLING_NAME:
        return ""
    loose = loose_form(key)
    return _SHORT_NAME_MARK + loose if len(loose) >= 2 else ""


def is_vowel_shape(spelling: str) -> bool:
    """Whether a spelling key is a short name's vowel shape ('=ta'), not a consonant skeleton."""
    return spelling.startswith(_SHORT_NAME_MARK)


def joined_form(key: str) -> str:
    """A multi-word key written as one word ('ta wa' -> 'tawa'), or '' when it is one word already."""
    return key.replace(" ", "") if " " in key else ""


def compact_form(key: str) -> str:
    """A name key without its spaces ('bani bangou' -> 'banibangou'; `name_key` has made hyphens spaces): the one
    key under which a name written in one word, in parts or with hyphens meets itself."""
    return key.replace(" ", "")
