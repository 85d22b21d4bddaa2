"""Shapes of the dependency parse the role readers share: the token a span stands for, the path to the root, a
phrase's head, a verb's object and voice, and the parser's known misreadings of reports' shorthand."""

from __future__ import annotations

from typing import Any

from ._lex import is_verb
from ._role_words import COMPASS_WORDS

__all__ = ["Token", "acronym", "bearing", "has_object", "head_of_phrase", "passive", "path_up", "token_at"]


Token = Any  # spacy.tokens.Token; typed loosely so this module imports without spaCy


def token_at(doc: Any, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ in ("prep", "punct", "cc"):
        # "terrorists of the so-called Islamic State in the Sahel", with "in the Sahel" attached above the span: the
        # phrase's noun heads it, not the preposition that also hangs from outside
        nouns = [t for t in span if t.tag_.startswith("NN") and not span.start <= t.head.i < span.end]
        if nouns:
            return nouns[0]
    if (root.dep_ in ("aux", "auxpass") or is_verb(root)) and acronym(root):
        # "IS Sahel fighters": the fighters head the phrase, whether the parser took 'IS' for an auxiliary or for the
        # sentence's main verb ("IS Sahel fighters clashed with ...", the clash then a clause under 'is')
        heads = [t for t in span if t.i != root.i and not span.start <= t.head.i < span.end]
        # "IS Sahel militants clashed ...": the parser hung the militants on 'is' as its attribute
        heads = heads or [t for t in span if t.head.i == root.i and t.i != root.i and t.tag_.startswith("NN")]
        return heads[0] if heads else root
    return root


def path_up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 40:
        path.append(path[-1].head)
    return path


def acronym(token: Token) -> bool:
    """'IS Sahel fighters attacked': the parser reads the acronym before a name as the auxiliary 'is'."""
    following = token.i + 1 < len(token.doc) and token.nbor(1).tag_ == "NNP"
    return token.text.isupper() and len(token.text) > 1 and following


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") and not acronym(c) for c in verb.children)


def has_object(verb: Token) -> bool:
    """The verb has a direct object, or shares one with the verb it is joined to ('arrested and flogged two men')."""
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and is_verb(c)]
    return any(
        (c.dep_ == "dobj" and not bearing(c)) or _misparsed_object(v, c) for v in (verb, *conjuncts) for c in v.children
    )


def bearing(noun: Token) -> bool:
    """'ambushed 12 km NW of Ouallam': a field report's distance and bearing the parser took for the object says
    where it happened, not whom it struck."""
    return noun.lower_ in COMPASS_WORDS and any(t.like_num for t in noun.subtree)


def _misparsed_object(verb: Token, child: Token) -> bool:
    """A plural noun after the verb that the parser hung on it as a bare adverbial: its object, cut off by an
    aside ('arrested, in coordination with the border guards, four smugglers'); not a day ('arrested Sunday')."""
    return (
        child.dep_ == "npadvmod"
        and child.i > verb.i
        and child.tag_ in ("NNS", "NNPS")
        and child.ent_type_ not in ("DATE", "TIME")
        # "3 smugglers detained, 12 migrants handed to the Red Crescent": a shorthand's next clause, with its own verb
        and not any(c.dep_ == "acl" and c.tag_ == "VBN" for c in child.children)
    )


_PHRASE_DEPS = {"conj", "appos", "compound", "nmod", "amod", "nummod", "cc", "det", "poss", "quantmod", "npadvmod"}


def head_of_phrase(below_edge: list[Token]) -> bool:
    """The mention heads the phrase that fills the role, or is one of its conjuncts or 'of' complements."""
    for node in below_edge:
        if node.dep_ in _PHRASE_DEPS:
            continue
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "between", "among", "including"):
            continue
        if node.dep_ == "prep" and node.lower_ in ("of", "between", "among", "including"):
            continue
        return False
    return True
