"""The plan-text parser on general shapes of real plans: reps written "x10", block headers
with their count, spelled numbers, rest lines and warm-up ramps among per-set lines.

Each example is written for the shape, not copied from the corpus."""

import pytest

from equipment.catalog import load as load_catalog
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def parse(text):
    return parse_plan(text, CATALOG)


def rows(text):
    return [(e.exercise.name if e.exercise else None, e.sets, e.reps_min, e.reps_max) for e in parse(text).exercises]


@pytest.mark.parametrize(("line", "sets", "reps"), [
    ("Push ups x12", None, 12),
    ("Crunches x 20", None, 20),
    ("Goblet squat x10 each", None, 10),
    ("Walking lunges x16 @ bodyweight", None, 16),
])
def test_reps_after_an_x_with_no_set_count(line, sets, reps):
    (row,) = parse(line).exercises
    assert (row.sets, row.reps_min, row.reps_max) == (sets, reps, reps)
    assert row.confidence == "low"  # no set count said


def test_reps_after_an_x_listed_are_one_set_each():
    (row,) = parse("Bench press x8, x6, x4").exercises
    assert (row.sets, row.reps_min, row.reps_max) == (3, 4, 8)


@pytest.mark.parametrize("header", [
    "Superset: x3", "Superset x3 (a favourite of mine)", "Circuit - 3 rounds", "Tri-set (3 sets)", "3 rounds of:",
])
def test_a_block_header_gives_its_members_the_set_count(header):
    text = f"{header}\n- Push ups x15\n- Crunches 20 reps\n"
    result = parse(text)
    assert [(e.exercise.name, e.sets, e.reps_min) for e in result.exercises] == [("Pushups", 3, 15), ("Crunches", 3, 20)]
    assert len({e.superset for e in result.exercises}) == 1 and result.exercises[0].superset
    assert all(e.confidence in ("medium", "low") for e in result.exercises)  # the count is from another line
