"""`_lex.doc_text`: a sentence's text, read from its parse once."""

from __future__ import annotations

import pytest

from borderwatch.extract._lex import doc_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed three herders near Djibo on Sunday.",  # synthetic
        "   Des hommes armés ont enlevé deux bergers près de Ménaka.",  # a dateline's blanks before it, French
        "SITREP POST TESSALIT 11 OCT: 2 KIA, 1 WIA.",  # a field report's capitals and figures
    ],
)
def test_doc_text_is_the_parsed_text_and_is_joined_once(nlp, sentence: str) -> None:
    doc = nlp(sentence)
    first = doc_text(doc)
    assert first == doc.text == sentence
    assert doc_text(doc) is first  # kept on the doc: the second call joins nothing


def test_each_doc_keeps_its_own_text(nlp) -> None:
    one, two = nlp("Soldiers arrested two smugglers."), nlp("A mine wounded a shepherd.")
    assert (doc_text(one), doc_text(two)) == (one.text, two.text)
