"""The sentence splitter keeps offsets into the report text."""

from __future__ import annotations

from borderwatch.extract._segment import split_sentences


def test_sentences_and_offsets() -> None:
    text = "Gen. A. Saleh visited the border. Soldiers (U.S. trained) left!\nA new line starts here"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. A. Saleh visited the border.",
        "Soldiers (U.S. trained) left!",
        "A new line starts here",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_empty_and_blank_texts() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []
