"""Did it happen? Modality and roles read from the parse (synthetic sentences; needs the spaCy model)."""

from __future__ import annotations

import pytest

from borderwatch.extract._modality import is_background, modality_of

pytestmark = pytest.mark.slow


def token(nlp, sentence: str, word: str):
    doc = nlp(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Militants attacked a military post near Djibo.", "attacked", None),
        ("The minister said that militants attacked a post near Djibo.", "attacked", None),
        ("Militants did not attack the post.", "attack", "negated"),
        ("Officials denied reports that the army had attacked a village.", "attacked", "negated"),
        ("No one was arrested during the march.", "arrested", "negated"),
        ("These security points will prevent the infiltration of terrorists.", "prevent", "future"),
        ("Jihadist groups aim to attack the coastal states.", "attack", "intent"),
        ("JNIM has threatened to attack any convoy.", "attack", "intent"),
        ("AQIM has said that it wants to set up rear bases in Tunisia.", "set", "intent"),
        ("Authorities may impose a curfew if violence continues.", "impose", "hypothetical"),
        ("The government adopted measures to counter arms smuggling.", "counter", "intent"),
        ("Police fired tear gas to disperse people demonstrating against the law.", "demonstrating", None),
        ("The army ordered residents not to move to the border areas.", "ordered", None),
        ("Villagers fear new attacks on the road to Djibo.", "attacks", "hypothetical"),
    ],
)
def test_modality(nlp, sentence: str, word: str, expected: str | None) -> None:
    assert modality_of(token(nlp, sentence, word)) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The army deployed reinforcements after repeated attacks.", "attacks", True),
        ("Students marched to denounce the killing of a young man.", "killing", True),
        ("ISGS claimed an attack in which 53 soldiers were killed.", "killed", False),
        ("Gunmen attacked a village, killing 12 people.", "killing", False),
        ("A gendarme accused of killing a trader was arrested in Kayes.", "killing", True),
        ("Three men suspected of attacking a post were detained.", "attacking", True),
        # how an unattributed death came about is the happening; a clause told after a time span, or after a
        # killing whose killer is named, is another happening
        ("A young man died after police opened fire on protesters.", "opened", False),
        ("Two soldiers died after their vehicle hit a landmine near Boni.", "hit", False),
        ("Two soldiers were killed, a week after militants attacked the camp.", "attacked", True),
        ("Gunmen killed two herders after raiders stole cattle in the village.", "stole", True),
        ("Thirteen people were killed before troops stormed the hotel.", "stormed", True),
    ],
)
def test_background(nlp, sentence: str, word: str, expected: bool) -> None:
    assert is_background(token(nlp, sentence, word)) is expected
