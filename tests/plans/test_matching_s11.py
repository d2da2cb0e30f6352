"""Matcher fixes of round 11 (issue 9): gym synonyms the vocabulary lacked, implement and
variant words weighed, translations of other languages' exercise words."""

import pytest

from equipment.catalog import seeded_names
from plans.matching import CatalogEntry, matcher_for

SEEDED = tuple(CatalogEntry(id=name, name=name) for name in seeded_names())


def best(name):
    entry, score, _ = matcher_for(SEEDED).match(name)
    return entry.name if entry else None, score


@pytest.mark.parametrize(("name", "exercise"), [
    # the hip sled is the leg press machine
    ("hip sled", "Leg Press"),
    # a bench press with the hands turned is its own exercise, not the barbell bench
    ("reverse-grip bench press", "Reverse Triceps Bench Press"),
    ("underhand bench press", "Reverse Triceps Bench Press"),
    # palms facing: the V-bar pull-up, whether called pull-up or chin-up
    ("neutral-grip pullups", "V-Bar Pullup"),
    ("parallel grip chins", "V-Bar Pullup"),
    ("hammer grip pull-ups", "V-Bar Pullup"),
    # "ab" says where, not which machine
    ("ab crunches", "Crunches"),
    ("abdominal crunch", "Crunches"),
])
def test_gym_synonyms_of_round_11(name, exercise):
    assert best(name)[0] == exercise


def test_some_sets_qualified_heavy_or_working_leave_the_set_count_in_doubt():
    # "2 heavy sets": the warm-ups before them are sets too; the name is sure, the count is not
    from plans.parser import parse_plan

    row = parse_plan("Dumbbell bench press - 3 working sets of 6", SEEDED).exercises[0]
    assert (row.exercise.name, row.sets, row.reps_min) == ("Dumbbell Bench Press", 3, 6)
    assert row.confidence != "high"
    plain = parse_plan("Dumbbell bench press - 3 sets of 6", SEEDED).exercises[0]
    assert plain.confidence == "high"
