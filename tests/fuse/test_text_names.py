"""The text feature leaves out the words of names both sentences give (a town, a group): the place, actor and names
features score them, and counted again here one shared name lifted two features. All synthetic: invented
incidents, real places."""

from __future__ import annotations

from ._make import decide, features, mention

ATTACK = {"sub": "Attack", "etype": "Violence against civilians"}


def text_detail(sentence: str, other: str) -> str:
    one = mention(**ATTACK, day="2026-01-15", place="Ayorou", sentence=sentence)
    two = mention(**ATTACK, day="2026-01-15", place="Ayorou", sentence=other)
    decision = decide(features(two, "r1", "2026-01-16"), features(one, "r0", "2026-01-16"))
    assert decision.best is not None
    return next(f.detail for f in decision.best.features if f.name == "text")


def test_the_town_both_name_is_not_a_word_in_common() -> None:
    detail = text_detail(
        "SYNTHETIC. Gunmen shot dead a trader at Ayorou.",
        "SYNTHETIC. A trader was shot dead at Ayorou market, police said.",
    )
    # synthetic, trader, shot, dead: four words; "Ayorou" is the place feature's.
    assert detail.startswith("4 words in common")
