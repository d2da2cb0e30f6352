"""Compact prescriptions: a set count then AMRAP in columns ("Pull ups   3   max"), loads after
"at" or on the line under the name, and reps then one load per set in brackets ("Squats 5x(145, 155, 165lb)").

Each example is written for the shape, not copied from the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def only(line):
    (row,) = parse_plan(line, SEEDED).exercises
    return row


@pytest.mark.parametrize("line", ["Pull ups   3   max", "Dips\t3\tto failure", "Chin ups 3 AMRAP", "Push ups 3 x max"])
def test_a_set_count_then_amrap(line):
    row = only(line)
    assert (row.sets, row.reps_min, row.reps_max, row.amrap) == (3, None, None, True)


def test_one_max_is_a_one_rep_max_not_a_set():
    row = only("Squat 1 max")
    assert row.sets is None


@pytest.mark.parametrize(("line", "sets", "reps", "weight"), [
    ("Squats – 5x(145, 155, 165, 165lb)", 4, 5, "145-165lb"),
    ("Leg press 10x(300,250,250lb)", 3, 10, "300-250lb"),  # commas with no space: no decimals
    ("Bench 8x(60, 70, 80 kg)", 3, 8, "60-80kg"),
    ("Bench 8 x (135, 155, 175)", 3, 8, "135-175"),  # too large for reps: loads
])
def test_reps_then_a_load_per_set_in_brackets(line, sets, reps, weight):
    row = only(line)
    assert (row.sets, row.reps_min, row.reps_max, row.weight_text) == (sets, reps, reps, weight)


def test_small_numbers_in_brackets_are_the_reps_of_each_set():
    row = only("Curl 3 x (12, 10, 8)")
    assert (row.sets, row.reps_min, row.reps_max, row.weight_text) == (3, 8, 12, None)


@pytest.mark.parametrize(("text", "weight"), [
    ("Bench 9 x 3 at 185", "185"),  # "at" a number: a load with no unit
    ("Bench:\n3x5 @ 185", "185"),  # the load on the line under the name
    ("Squat:\n5x5 at 100kg", "100kg"),
    ("Bench 3x5 at 8 RPE", None),  # an effort
    ("Squat 5x5 at 75%", None),  # a percentage, not a load
    ("Bench 3x8 at 10 reps", None),
])
def test_a_load_after_at_or_under_the_name(text, weight):
    row = only(text)
    assert row.weight_text == weight


def rows_of(text):
    return [(e.sets, e.reps_min, e.reps_max, e.weight_text) for e in parse_plan(text, SEEDED).exercises]


@pytest.mark.parametrize(("text", "expected"), [
    # The same small number on each line under a name, the reps changing: a log's load x reps.
    ("Rear delt cable fly\n5 x 8\n5 x 7\n5 x 8\n5 x 6", [(4, 6, 8, "5")]),
    ("Hammer curl\n10 x 8\n10 x 5\n8 x 4", [(3, 4, 8, "10-8")]),  # more sets in all than anyone prescribes
    ("Barbell curl\n15x6 15x6 15x5 10x12 10x10", [(5, 5, 12, "15-10")]),  # on one line
    ("Deadlift\n3x5\n3x5\n3x5", [(3, 5, 5, None)]),  # identical lines: still the prescription
    ("Squat\n5x5", [(5, 5, 5, None)]),
])
def test_load_x_reps_lines_of_a_log(text, expected):
    assert rows_of(text) == expected


def test_a_name_with_the_colon_apart_as_in_french_is_read_with_its_lines():
    text = "Curl biceps avec barre EZ :\n• 3 séries de 12 répétitions\n\nPlanche :\n3 x 30 secondes"
    assert [(e.exercise.name, e.sets, e.reps_min) for e in parse_plan(text, SEEDED).exercises] == [
        ("EZ-Bar Curl", 3, 12), ("Plank", 3, None)]


def test_a_day_heading_naming_its_exercise_over_set_lines():
    text = "### Monday: Bench Press\n\n- [ ] 5 × 40kg\n- [ ] 5 × 45kg\n\n### Wednesday: Deadlift\n\n- [ ] 5 × 80kg\n"
    workouts = parse_plan(text, SEEDED).workouts
    assert [(w.name, [e.exercise.name for e in w.exercises]) for w in workouts] == [
        ("Monday: Bench Press", ["Barbell Bench Press - Medium Grip"]), ("Wednesday: Deadlift", ["Barbell Deadlift"])]


def test_a_day_heading_naming_a_body_part_is_only_a_heading():
    workouts = parse_plan("Monday: Chest\nBench press 3x8", SEEDED).workouts
    assert [(w.name, [e.line for e in w.exercises]) for w in workouts] == [("Monday: Chest", ["Bench press 3x8"])]


@pytest.mark.parametrize(("line", "sets", "reps"), [
    ("Bench press 3x5 at 80% 1RM", 3, 5), ("Squat 5x4 @ 75% of 1RM", 5, 4), ("Deadlift 3x2 at 85% of your 1RM", 3, 2)])
def test_a_percentage_of_the_one_rep_max_is_a_prescription_not_a_stat(line, sets, reps):
    (row,) = parse_plan(line, SEEDED).exercises
    assert (row.sets, row.reps_min) == (sets, reps)


def test_a_one_rep_max_said_of_oneself_is_still_a_stat():
    result = parse_plan("My 1RM is 100kg", SEEDED)
    assert result.exercises == [] and result.unread == ["My 1RM is 100kg"]
