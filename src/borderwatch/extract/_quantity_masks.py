"""What the count patterns must not read in a sentence, masked before they run (for _quantities.py): years and days
of months written as letters of the same length ("On 3 May 2026 gunmen killed a chief" counts no three), and a
source's scare quotes and a communiqué's gloss of its verb blanked ('neutralised (killed) nine "terrorists"'). Each
mask keeps the text's length, so that the counts' spans still point into the sentence as written."""

from __future__ import annotations

import re

from ._quantity_patterns import MONTHS_OF_LABEL

__all__ = ["without_scare_quotes", "without_years"]


# "On 12 June 2026 our forces neutralised five terrorists", "In 2025, the army ...": a year, not 2026 of the dead.
# A year-like number is a year after a month, a day or a word that dates, or before a comma or a determiner; a count
# of that size is followed by whom it counts ("1,900 migrants", "1900 personnes").
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d]|[,.]\d)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|"
    r"déc)[a-zéû]*\.?|\b(?:in|en|since|depuis|of|de|année|annee|year|fiscal|\d{1,2}(?:st|nd|rd|th|er)?,?)|\d{1,2}[/.-])\s*$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(
    r"\s*(?:[,;:)]|(?:our|the|its|their|his|her|a|an|nos|notre|les|la|le|l['’]|ses|leurs|leur|un|une|des|"
    r"attacks?|attaques?|assaults?|ambush|offensives?|coup|elections?|élections?|agreements?|accords?|campaigns?|"
    r"war|guerre|crisis|crise|census|budget|season|saison)\b)",
    re.IGNORECASE,
)


# "On 3 May 2026 gunmen killed a chief", "le 1er mai des hommes armés ont tué": the day before its month is a date, not
# three gunmen killed; "May 3, 2026", "June 12th": after its month too, when a comma, a year or an ordinal's ending
# closes it. English "May" only capitalised ("3 may have died" counts three)
_MONTH_NAMES = "|".join(m for m in MONTHS_OF_LABEL.split("|") if m.lower() != "may")
_DAY_OF_MONTH = re.compile(
    rf"(?<![\w,.])(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?\s+(?:(?i:{_MONTH_NAMES})\b|(?:May|MAY)\b)"
    rf"|(?:\b(?i:{_MONTH_NAMES})\.?|\b(?:May|MAY))\s+(?P<after>[0-3]?\d)"
    r"(?=(?:st|nd|rd|th)\b|\s*,|\s+(?:19|20)\d\d\b)"
)


def without_years(text: str) -> str:
    """The text with each year and each day of a month written as letters of the same length, so that no count
    pattern reads them and the counts after them are still read ('SITREP 14/03/2026 2 FF KIA', 'On 3 May 2026 gunmen
    killed a chief')."""
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _YEAR_BEFORE.search(before) or _YEAR_AFTER.match(text, m.end()):
            text = text[: m.start()] + "yyyy" + text[m.end() :]
    for m in _DAY_OF_MONTH.finditer(text):
        start, end = m.span("day") if m.group("day") else m.span("after")
        text = text[:start] + "d" * (end - start) + text[end:]
    return text


# 'the army said nine "terrorists" were neutralised', 'avoir « neutralisé » neuf assaillants': quotes a source's word
# (one to three words, no clause), read as if unquoted, as a verb's gloss is read as if left out
_SCARE_QUOTES = re.compile(
    r"([\"“«]\s?)([^\W\d_][\w'’-]*(?:\s[\w'’-]+){0,2})(\s?[\"”»])"
    # single quotes only between a space and a word's end, so that no apostrophe ("the army's") is one
    r"|(?<![\w'‘’])(['‘])([^\W\d_][\w-]*(?:\s[\w-]+){0,2})(['’])(?![\w'’])"
)


# "neutralised (killed) three terrorists", "a neutralisé (abattu) deux terroristes": a communiqué's gloss of its verb
_VERB_GLOSS = re.compile(
    r"(?P<verb>\b(?:neutrali[sz]ed|eliminated|neutralis[ée]s?|[ée]limin[ée]s?))(?P<gloss>\s\((?:killed|shot\s+dead|abattus?|"
    r"abattre|tu[ée]s?|tuer)\))(?=\s)",
    re.IGNORECASE,
)


def without_scare_quotes(text: str) -> str:
    text = _VERB_GLOSS.sub(lambda m: m.group("verb") + " " * len(m.group("gloss")), text)
    return _SCARE_QUOTES.sub(
        lambda m: (
            " " * len(m.group(1) or m.group(4)) + (m.group(2) or m.group(5)) + " " * len(m.group(3) or m.group(6))
        ),
        text,
    )
