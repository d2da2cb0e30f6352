"""Spreadsheet pastes the set-per-line reading refuses or half-reads: a column of dashes,
a long run of one name's lines whose numbers are no reps. Each parses (no error) and
loses nothing: its lines are rows or listed unread. Own examples (review of session 13)."""

import pytest

from equipment.catalog import load as load_catalog
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


@pytest.mark.parametrize("text", [
    "Squat, 8, -\nSquat, 8, -", "Squat\t8\t-\nSquat\t8\t-", "Hip thrust\t12\t—\nHip thrust\t10\t—",
    "Lunge  10  –\nLunge  10  –\nLunge  10  –",
])
def test_a_column_of_dashes_parses_and_keeps_every_line(text):
    result = parse_plan(text, CATALOG)
    seen = {e.line for e in result.exercises} | set(result.unread)
    assert {line.strip() for line in text.splitlines()} <= seen


def test_a_long_refused_run_is_read_line_by_line_as_before():
    text = "Leg press,200,300\n" * 2000
    result = parse_plan(text, CATALOG)
    assert len(result.exercises) == 2000
    assert {e.exercise.name for e in result.exercises} == {"Leg Press"}
