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


def _small_catalogue():
    from plans.matching import CatalogEntry

    names = ["Barbell Squat", "Front Squat", "Romanian Deadlift", "Dumbbell Bench Press", "Barbell Bench Press",
             "Standing Calf Raises", "Pull-Up", "Face Pull", "Seated Cable Rows"]
    return tuple(CatalogEntry(id=n, name=n) for n in names)


def test_a_catalogue_names_answer_is_worked_out_when_first_met_and_kept_with_the_index():
    from plans.matching import Matcher

    lazy, other = Matcher(_small_catalogue()), Matcher(_small_catalogue())
    assert not lazy._indexed  # nothing worked out with the catalogue
    typed = ["front squats", "bench press", "romanian deadlifts", "zorbl press", "pullups", "calf raise"]
    first = [lazy.match(name) for name in typed]
    # The same answers met in another order, after other names and typos.
    other.match("dumbell bench pres")
    assert [other.match(name) for name in reversed(typed)][::-1] == first
    # Only catalogue names and aliases are kept, and they stay when the caches go.
    assert lazy._indexed and set(lazy._indexed) <= lazy._index_keys
    kept = dict(lazy._indexed)
    lazy.clear_caches()
    assert lazy._indexed == kept
    assert [lazy.match(name) for name in typed] == first


def test_the_glued_heading_shortcut_stays_on_with_the_vocabulary_as_it_is():
    # (Its letters are tested in one character class: none of them matches an ASCII letter.)
    assert parser._glued_starts() is not None


@pytest.mark.parametrize(("word", "singular"), [
    ("squats", "squat"), ("flies", "fly"), ("crunches", "crunch"), ("presses", "press"), ("press", "press"),
    ("abs", "abs"), ("row", "row"), ("lunge", "lunge"), ("", ""), ("жимы", "жимы"), ("boxes", "box"),
])
def test_a_word_is_made_singular_by_its_ending(word, singular):
    from plans.matching import _singular

    assert _singular(word) == singular


def test_a_line_blanked_where_one_pattern_matched_keeps_its_length():
    groups, remaining = parser._find_groups("zorbl press 3x8 @ 100kg")
    assert len(remaining) == len("zorbl press 3x8 @ 100kg")
    assert remaining[groups[0].start:groups[0].end].strip() == ""


def _parse(text):
    from plans.parser import parse_plan
    from tests.plans.test_parser_shapes import SEEDED

    return parse_plan(text, SEEDED)


def test_an_unknown_name_in_a_list_of_known_ones_is_kept_and_leaves_the_unread_lines():
    result = _parse("Legs\n- Goblet squat\n- Wobble hops\n- Walking lunges\n- Leg press\n\nNotes\n- Wobble hops")
    rows = [(e.line, e.confidence) for e in result.exercises]
    assert ("- Wobble hops", "unmatched") in rows
    # The list's item is a row; the same words alone under "Notes" (no list of known names) stay unread.
    assert result.unread.count("- Wobble hops") == 1


def test_a_list_of_names_at_the_size_limit_reads_each_list_once():
    # Two thousand unknown names in one list, a third known: every item is read as it is in a short list.
    from plans.parser import MAX_CHARS

    short = "- Squat\n- Bench press\n- Zorbl hops\n"
    long = (short * (MAX_CHARS // len(short)))[:MAX_CHARS]
    once = [(e.line, e.confidence) for e in _parse(short).exercises]
    result = _parse(long)
    assert [(e.line, e.confidence) for e in result.exercises][:3] == once
    assert len(result.exercises) == 3 * long.count(short) and not result.unread


def test_warm_up_rows_before_the_same_exercise_are_dropped_however_many():
    day = "Day 1\nWarm-up: Goblet squat 2x5\nWarm-up: Goblet squat 1x3\nGoblet squat 4x8\nWarm-up: Plank 1x30s\n"
    short = _parse(day)
    assert [e.line for e in short.exercises] == ["Goblet squat 4x8", "Warm-up: Plank 1x30s"]
    assert short.unread == ["Warm-up: Goblet squat 2x5", "Warm-up: Goblet squat 1x3"]
    many = _parse("Day 1\n" + "Warm-up: Goblet squat 2x5\n" * 1500 + "Goblet squat 4x8\n")
    assert [e.line for e in many.exercises] == ["Goblet squat 4x8"]
    assert many.unread.count("Warm-up: Goblet squat 2x5") >= 1


def test_a_day_repeating_one_far_above_finds_it_past_days_of_its_own():
    days = "".join(f"Day {n}\nBench press 3x5\n" for n in range(2, 60))
    result = _parse("Day 1\nGoblet squat 3x10\n" + days + "Day 60: same as Day 1\n")
    last = result.workouts[-1]
    assert last.name == "Day 60" and [e.exercise.name for e in last.exercises] == ["Goblet Squat"]


def test_set_lines_under_a_name_count_one_set_each_however_many():
    result = _parse("Goblet squat\n" + "Set 1: 8 reps @ 20kg\n" * 400)
    (row,) = result.exercises
    assert (row.sets, row.reps_min, row.reps_max, row.weight_text) == (400, 8, 8, "20kg")


@pytest.mark.parametrize("count", [3, 64, 65, 100, 128, 301])
def test_every_set_line_under_a_name_counts_however_many_there_are(count):
    # Past the first few dozen the row is read again only at each doubling and at the
    # end: the last lines still count (the last one here is the heaviest, fewest reps).
    text = "Squat\n" + "Set: 5 reps @ 100kg\n" * (count - 1) + "Set: 2 reps @ 140kg\n"
    rows = [e for w in parser.parse_plan(text, _small_catalogue()).workouts for e in w.exercises]
    assert [(e.exercise.name, e.sets, e.reps_min, e.reps_max, e.weight_text) for e in rows] == [
        ("Barbell Squat", count, 2, 5, "100-140kg")]
