"""Confidence on lines of unusual shape: doubts about the line (long, several exercises,
a heading glued on) are not doubts about the name or the numbers.

Each example is written for the shape, not copied from the corpus."""

from equipment.catalog import seeded_names
from plans.parser import CatalogEntry, parse_plan

SEEDED = [CatalogEntry(id=name, name=name) for name in seeded_names()]


def read(text):
    return [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.confidence)
            for e in parse_plan(text, SEEDED).exercises]


def test_a_long_line_with_an_exact_name_and_its_numbers_is_medium():
    # Long (a doubt) and saying more than we read (another): still the bench, 3x8.
    assert read("Bench press 3x8 slow and controlled, pause at the chest, do not bounce the bar") == [
        ("Barbell Bench Press - Medium Grip", 3, 8, "medium")]


def test_a_heading_and_several_exercises_on_one_long_line_stay_medium():
    assert read("Monday Squat 5x5 and Bench press 3x8 then Barbell row 3x10 with a pause") == [
        ("Barbell Squat", 5, 5, "medium"),
        ("Barbell Bench Press - Medium Grip", 3, 8, "medium"),
        ("Bent Over Barbell Row", 3, 10, "medium"),
    ]


def test_a_near_name_on_a_long_line_is_still_a_guess():
    # A typo corrected (a near-exact name) and a long line: two doubts, one about the name.
    (row,) = read("Dumbell rows 3x10 (keep your shoulder blades pinched and drive the elbow back)")
    assert row[3] == "low"


def test_a_long_line_without_a_set_count_is_still_a_guess():
    (row,) = read("Bench press x8 slow and controlled, pause at the chest, do not bounce the bar")
    assert row[3] == "low"
