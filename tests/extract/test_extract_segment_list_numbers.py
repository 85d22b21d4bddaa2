"""A numbered list's item number stays with its item (SYNTHETIC lines): its dot ends no sentence, so the item keeps
the mark that tells it is the next item of a list; a number that ends a sentence mid-line still ends it."""

from __future__ import annotations

import pytest

from borderwatch.extract._segment import split_sentences


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "SUMMARY\n1. Gunmen killed 6 herders.\n2. An IED killed 3 soldiers.",
            ["SUMMARY", "1. Gunmen killed 6 herders.", "2. An IED killed 3 soldiers."],
        ),
        ("SYNTHÈSE\n  12. Des bandits ont tué 2 bergers.", ["SYNTHÈSE", "12. Des bandits ont tué 2 bergers."]),
        ("The toll was 12. Then the army arrived.", ["The toll was 12.", "Then the army arrived."]),
        ("Post attacked. Toll: 4 KIA on 12. May was calm.", ["Post attacked.", "Toll: 4 KIA on 12.", "May was calm."]),
    ],
)
def test_a_list_number_stays_with_its_item(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_list_number_window_agrees_with_a_search_of_the_whole_text() -> None:
    """The list number is looked for on the last two lines only: at every dot of many synthetic layouts (numbers,
    blank and indented lines, a number on the line before a break) it decides as a search from the text's start."""
    import random

    from borderwatch.extract._segment import _LIST_NUMBER, _ends_on_list_number

    rng = random.Random(31)
    for _ in range(3000):
        text = "".join(rng.choice(["\n", " ", "\t", "1", "12", "7", "a", "Gao", ".", "\n\n"]) for _ in range(12))
        for end in range(len(text) + 1):
            expected = _LIST_NUMBER.search(text, 0, end) is not None
            assert _ends_on_list_number(text, end) == expected, (text, end)
