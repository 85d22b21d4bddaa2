"""The words the role readers look for, from `data/roles.json`: verbs by what they say of their subject and object,
the nouns of the dead and of targets, field reports' codes, and the prepositions that aim at a target.

Sets of lower-case words or base forms (`_lex.lemma`), compared with one token at a time.
"""

from __future__ import annotations

from ._text import load_data

__all__ = [
    "ACCUSING_VERBS", "AFTERMATH_VERBS", "AIMING_VERBS", "ANNOUNCING_VERBS", "ANSWERED_ATTACKS", "ANSWERING_VERBS",
    "BLAMED_BEFORE", "BLAMING_VERBS", "CLAIM_WORDS", "COMPASS_WORDS", "DEATH_LEMMAS", "DEATH_WORDS",
    "DEFENDING_VERBS", "INITIATING_VERBS", "INTO_VERBS", "MOVEMENT_VERBS", "ONLY_TRANSITIVE_REPELLING", "PRONOUNS",
    "REACTING_VERBS", "RECEIVED_FIRE", "RECEIVING_VERBS", "REPELLING_PHRASALS", "REPORTING_VERBS", "RESPONDING_NOUNS",
    "RESPONDING_VERBS", "SEQUENCE_PREPS", "STRIKING_VERBS", "STRUCK_UNITS", "SUFFERING_VERBS", "TARGET_NOUNS",
    "TARGET_PREPS", "TOLL_CODES", "VICTIM_NOUNS",
]  # fmt: skip

_DATA = load_data("roles.json")


def _words(key: str) -> frozenset[str]:
    return frozenset(_DATA[key])


DEATH_WORDS = _words("death_words")  # the words that say a party died, was hurt or taken ("slain", "detained")
DEATH_LEMMAS = _words("death_lemmas")
TOLL_CODES = _words("toll_codes")  # field reports' killed, wounded and missing in action
VICTIM_NOUNS = _words("victim_nouns")  # "civilian deaths", "the soldiers' bodies": whose they are was struck
TARGET_NOUNS = _words("target_nouns")  # "the post was the target of an attack", "were the victims of"
REPORTING_VERBS = _words("reporting_verbs")
ANNOUNCING_VERBS = _words("announcing_verbs")
CLAIM_WORDS = _words("claim_words")
# "blamed the attack on", "attributed the ambush to": each verb's lemma, and the preposition before who did it
BLAMED_BEFORE: dict[str, str] = dict(_DATA["blaming_verbs"])
BLAMING_VERBS = frozenset(BLAMED_BEFORE)
ACCUSING_VERBS = _words("accusing_verbs")  # whom they blame, accuse or suspect (of a deed another clause tells) did it
AIMING_VERBS = _words("aiming_verbs")  # "fired at a convoy": what they are aimed 'at' is struck
INITIATING_VERBS = _words("initiating_verbs")
# Answering within the same fight; who fights back or gives chase afterwards starts a fight of their own.
RESPONDING_VERBS = _words("responding_verbs")
DEFENDING_VERBS = _words("defending_verbs")
ONLY_TRANSITIVE_REPELLING = _words("only_transitive_repelling")
SUFFERING_VERBS = _words("suffering_verbs")  # "the army suffered an ambush", "... heavy losses when"
REACTING_VERBS = _words("reacting_verbs")  # "the ministry mourns two guardsmen who fell": no side of the fight
INTO_VERBS = _words("into_verbs")  # "ran into an ambush"
MOVEMENT_VERBS = _words("movement_verbs")
AFTERMATH_VERBS = _words("aftermath_verbs")
STRUCK_UNITS = _words("struck_units")
STRIKING_VERBS = _words("striking_verbs")
RECEIVING_VERBS = _words("receiving_verbs")
RECEIVED_FIRE = _words("received_fire")
ANSWERING_VERBS = _words("answering_verbs")
RESPONDING_NOUNS = _words("responding_nouns")
ANSWERED_ATTACKS = _words("answered_attacks")
REPELLING_PHRASALS = _words("repelling_phrasals")
TARGET_PREPS = _words("target_prepositions")
SEQUENCE_PREPS = _words("sequence_prepositions")
PRONOUNS = _words("self_pronouns")  # who speaks of itself: "said it had repelled", "an attack on its positions"
COMPASS_WORDS = _words("compass_words")  # a field report's distance and bearing, "12 km NW of"
