"""Names a site word presents as a settlement or a post: 'la localité de Mangaïzé', 'le village de Kouroutaga', 'le
poste de Djibasso', 'la commune rurale de Tangoundaré', 'the village of ...' (`site_nouns` of data/recognition.json).

Such a name is a place whatever the entity model made of it (the small English model reads French poorly: it tags
'près de la localité de Mangaïzé' a person, 'Le poste de X' an organisation, and leaves many names untagged), and
even when no installed source holds it: it is then kept unresolved rather than dropped, so that the event is still
known to have a place of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ._capitalised_runs import CAPITALISED, NAME_LINK, NON_NAMES, trim_span
from ._normalise import name_key
from ._recognise import Proposal
from ._recognition_words import alternatives, calendar_words, vocabulary

__all__ = ["site_named_spans", "with_site_names"]

Loose = tuple[int, int, int]


@lru_cache(maxsize=1)
def _site_pattern() -> re.Pattern[str]:
    """A site noun, a link word ('de', "d'", 'du', 'of') and an article when there is one, ending where the name
    starts (searched at the end of a window)."""
    words = vocabulary()
    nouns = sorted({noun for language in ("en", "fr") for noun in words["site_nouns"][language]})
    links = sorted({link for language in words["locatives"]["links"].values() for link in language})
    spaced = [link for link in links if link[-1] not in "'’"]
    elided = [link for link in links if link[-1] in "'’"]
    articles = [a for a in words["locatives"]["articles"] if a[-1] not in "'’"]
    elided_articles = [a for a in words["locatives"]["articles"] if a[-1] in "'’"]
    link = rf"(?:(?:{alternatives(spaced)})\s+(?:(?:{alternatives(articles)})\s+|{alternatives(elided_articles)})?"
    link += rf"|{alternatives(elided)})"
    return re.compile(rf"(?<![\w'’-])(?:{alternatives(nouns)})\s+{link}$", re.IGNORECASE)


# A link word, an article when there is one, and a capital letter: where a site phrase may end (few places in a text;
# the site nouns are looked for only before them).
_LINK_BEFORE_A_NAME = re.compile(
    r"(?<![\w'’-])(?:of|de|du|d['’])(?:\s+(?:(?:the|la|le|les)\s+|l['’])?|(?<=['’]))(?=[A-ZÀ-ÖØ-Þ])"
)
_WINDOW = 40


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(name_key(word) for word in vocabulary()["site_nouns"]["not_names"])


@lru_cache(maxsize=1)
def _division_words() -> frozenset[str]:
    """The words of `division_words_after` ('province', 'local government area', 'lga'), one by one, as keys."""
    return frozenset(word for phrase in vocabulary()["division_words_after"] for word in name_key(phrase).split())


def site_named_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each capitalised name right after a site noun and its link word, with the words of a
    name joined as in a run of capitalised words ('le village de Tin Akoff', "la commune rurale d'In-Tillit")."""
    found = []
    for joint in _LINK_BEFORE_A_NAME.finditer(text):
        if not _site_pattern().search(text, max(0, joint.start() - _WINDOW), joint.end()):
            continue
        word = CAPITALISED.match(text, joint.end())
        if word is None or name_key(word.group()) in NON_NAMES:
            continue
        end = word.end()
        while (link := NAME_LINK.match(text, end)) and (more := CAPITALISED.match(text, link.end())):
            word_key = name_key(more.group())
            if word_key in NON_NAMES or word_key in calendar_words():
                break  # 'Téra on Sunday', 'Kouroutaga Mai': a weekday, month or title is no word of the name
            end = more.end()
        start, end = trim_span(text, word.start(), end)
        if end <= start:
            continue
        words = name_key(text[start:end]).split()
        if words[0] in _not_names():
            continue  # 'le poste de Premier ministre': the noun names an office
        if any(word in _division_words() for word in words[1:]):
            continue  # 'Torkula village of Guma Local Government Area': the village's division, which is no site
        found.append((start, end))
    return found


def with_site_names(text: str, proposals: list[Proposal], loose: list[Loose]) -> tuple[list[Proposal], list[Loose]]:
    """The proposals with every site-named span read as a place the text presents (the model's own span of it
    made a place span, or a new one), and the untagged spans that overlap one left out."""
    sites = site_named_spans(text)
    if not sites:
        return proposals, loose
    kept: list[Proposal] = []
    for proposal in proposals:
        same = (proposal.start, proposal.end) in sites
        overlapping = any(s < proposal.end and proposal.start < e for s, e in sites)
        if same and proposal.demonym is None:
            kept.append(replace(proposal, origin="place", locative=True, site=True))
        elif not overlapping or proposal.origin == "place" or proposal.demonym is not None:
            kept.append(proposal)
        # else: a person's or organisation's span across the site name is the model misreading French
    places = [(p.start, p.end) for p in kept if p.origin == "place" or p.demonym is not None]
    for start, end in sites:
        if not any(s < end and start < e for s, e in places):
            kept.append(Proposal(start, end, "place", True, None, site=True))
    loose = [x for x in loose if not any(s < x[1] and x[0] < e for s, e in sites)]
    return kept, loose
