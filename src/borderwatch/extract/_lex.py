"""Lemmas and verbs without spaCy's attribute ruler and lemmatizer (a quarter of the neural pass's time).

The stages compare words against small sets of base forms ("say", "threaten",
"attack"); `lemma` maps the inflected forms of exactly those words back to their base
(regular endings plus the irregular past forms the sets need), and leaves every other
word lower-cased. `is_verb` reads the tagger's fine-grained tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["doc_text", "is_verb", "lemma", "register_bases"]

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "sought": "seek", "fought": "fight", "threw": "throw",
    "thrown": "throw", "took": "take", "taken": "take", "withdrew": "withdraw", "withdrawn": "withdraw", "led": "lead",
    "left": "leave", "sent": "send", "meant": "mean", "stood": "stand", "went": "go", "gone": "go", "wrote": "write",
    "written": "write", "shot": "shoot", "held": "hold", "made": "make", "gave": "give", "given": "give", "ran": "run",
    "brought": "bring", "began": "begin", "begun": "begin", "knew": "know", "known": "know", "did": "do",
    "done": "do", "had": "have", "has": "have", "was": "be", "were": "be", "is": "be", "are": "be", "been": "be",
    "set": "set", "put": "put", "struck": "strike", "hit": "hit", "overran": "overrun", "rode": "ride",
    "fled": "flee", "lost": "lose", "won": "win", "spoke": "speak", "spoken": "speak", "fell": "fall",
    "fallen": "fall", "drove": "drive", "driven": "drive", "found": "find", "bought": "buy", "caught": "catch",
    "forbade": "forbid", "forbidden": "forbid", "withstood": "withstand", "underwent": "undergo", "came": "come",
}  # fmt: skip
_FORMS: dict[str, str] = dict(_IRREGULAR)


def register_bases(bases: Iterable[str]) -> None:
    """Let `lemma` map the regular inflections of these base forms back to them (in a fixed order, so that a
    form two bases could make always maps to the same one, whatever the hash seed)."""
    for base in sorted(bases):
        for form in _inflections(base):
            _FORMS.setdefault(form, base)


def _inflections(base: str) -> set[str]:
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # "plan" -> "planned"
    return forms


def lemma(token: Any) -> str:
    word = token.lower_
    return _FORMS.get(word, word)


def is_verb(token: Any) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


_TEXT_KEY = "borderwatch.text"


def doc_text(doc: Any) -> str:
    """`doc.text`, joined once per doc: spaCy rebuilds the string from every token at each call, and the stages ask
    for a sentence's text many times over (a tenth of the extraction's Python time before it was kept)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
