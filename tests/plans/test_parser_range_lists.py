"""The reps of each set written as a range ("8-10 8-10 8-10", "10-12, 10-12, 10-12"):
a set per range, not the first number read as the set count. Own examples."""

import pytest

from equipment.catalog import load as load_catalog
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def row(line):
    (e,) = parse_plan(line, CATALOG).exercises
    return e.exercise.name, e.sets, e.reps_min, e.reps_max, e.confidence


@pytest.mark.parametrize("line, sets, lo, hi", [
    ("Leg press 10-12 10-12 10-12", 3, 10, 12),
    ("Lat pulldown 8 - 10  8 - 10  8 - 10  8 - 10", 4, 8, 10),
    ("Seated cable row 12-15, 10-12, 8-10", 3, 8, 15),
    ("Dumbbell flyes 12-15 / 12-15", 2, 12, 15),
])
def test_a_range_per_set_gives_a_set_per_range(line, sets, lo, hi):
    _, got_sets, got_lo, got_hi, confidence = row(line)
    assert (got_sets, got_lo, got_hi) == (sets, lo, hi)
    assert confidence != "high"  # a list of sets: worth a look


def test_two_different_ranges_stay_sets_then_reps():
    assert row("Squat 3-4 6-8")[1:4] == (3, 6, 8)


def test_a_dash_list_of_single_numbers_is_still_one_set_each():
    assert row("Deadlift 5-3-1")[1:4] == (3, 1, 5)
