""""Max" after a set count is reps to the limit; "max weight", "max load" or a number of
kilos after it is the heaviest load, and the reps written stay. Own examples."""

import pytest

from equipment.catalog import load as load_catalog
from plans.parser import CatalogEntry, parse_plan

CATALOG = [CatalogEntry(id=e.name, name=e.name) for e in load_catalog()]


def row(line):
    (e,) = parse_plan(line, CATALOG).exercises
    return e.sets, e.reps_min, e.reps_max, e.amrap


@pytest.mark.parametrize("line, expected", [
    ("Incline bench 4x6, max weight 70 kg", (4, 6, 6, False)),
    ("Leg press 3x12 max load", (3, 12, 12, False)),
    ("Seated row 3x10 max 60kg", (3, 10, 10, False)),
    ("Chin-ups 4 x max", (4, None, None, True)),
    ("Push-ups 3 sets max reps", (3, None, None, True)),
    # After "N x", "max" is the reps, whatever follows it.
    ("Pull-ups 3 x max 90s rest", (3, None, None, True)),
    ("Dips 4 x max 10kg", (4, None, None, True)),
    ("Deadlift 1x max load", (1, None, None, True)),
])
def test_max_is_reps_to_the_limit_only_when_no_load_follows(line, expected):
    assert row(line) == expected
