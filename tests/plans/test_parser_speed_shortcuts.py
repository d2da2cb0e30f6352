"""The cheap tests in front of the parser's patterns and the work it saves stay on with
the vocabulary as it is, and answer as the pattern or reading they stand in front of.
No timings here (scripts/parser_accuracy.py times the parser); each example is written
for the shape, not copied from the corpus."""

import pytest

from plans import parser


def test_the_same_as_shortcut_stays_on_with_the_vocabulary_as_it_is():
    # Chinese and Cyrillic words match no ASCII letter: they leave the shortcut on.
    assert parser._same_as_marks() is not None
    assert parser._never_ascii("同") and parser._never_ascii("п")
    assert not parser._never_ascii("\u212a")  # the Kelvin sign matches "k" when case is ignored
    assert not parser._never_ascii("k")


@pytest.mark.parametrize("line", [
    "Thursday: same as Monday", "Day 5 - repeat Day 2", "Tag 3 wie Tag 1", "Dia 4 igual que el dia 1",
    "Friday same workout as Monday (lighter)", "Bench press 3x8", "Sameday squats 5x5", "第4天 同上 第1天",
    "День 3 повтор день 1", "Samstag: SAME AS Dienstag",
])
def test_a_day_repeating_another_is_found_as_the_pattern_finds_it(line):
    pattern = parser._same_as_pattern()
    expected = pattern.search(line)
    assert parser._may_say_same_as(line) or expected is None
