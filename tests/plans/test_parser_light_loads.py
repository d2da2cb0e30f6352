"""A load lighter than an empty barbell on a lift the parser read as the barbell one: the
bar alone weighs more (15-20 kg, 35-45 lb), so the barbell reading is a guess (never
high), the dumbbell version where the catalogue has it as such.

Each example is written for the shape, not copied from the corpus."""

import pytest

from plans.parser import parse_plan
from tests.plans.test_parser_shapes import SEEDED  # the app's catalogue


def only(line):
    (row,) = parse_plan(line, SEEDED).exercises
    return row.exercise.name if row.exercise else None, row.confidence


@pytest.mark.parametrize("line", ["Wrist curls - 3 sets of 10 reps - 8kg", "Bent over row 3x10 8kg", "Squat 3x5 @ 20 lbs"])
def test_a_load_lighter_than_the_bar_is_no_sure_barbell_lift(line):
    assert only(line)[1] != "high"


def test_the_dumbbell_version_when_the_catalogue_names_it():
    assert only("Squat 3x5 @ 20 lbs")[0] == "Dumbbell Squat"


@pytest.mark.parametrize(("line", "exercise"), [
    ("Bench press 3x5 @ 100kg", "Barbell Bench Press - Medium Grip"),  # a barbell's load
    ("Barbell curl 3x10 @ 10kg", "Barbell Curl"),  # the barbell said: the user's word
    ("Bench press 3x5 @ 10kg per side", "Barbell Bench Press - Medium Grip"),  # plates on a bar
])
def test_a_barbell_load_or_word_keeps_the_barbell(line, exercise):
    assert only(line) == (exercise, "high")


def test_an_increment_is_not_the_load():
    assert only("Squat 3x5 (add 2.5kg each time)")[0] == "Barbell Squat"
