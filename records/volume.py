"""A set's lifted volume, the one rule every total uses (session summary, history,
progress charts): weight x reps, and 0 for a set that lifted nothing countable:
- a warm-up (it counts for nothing in records and volume);
- an assisted exercise's set, whose weight is the help a machine or band gave
  (equipment.selectors.exercise_load_kind): more help would add more "volume".
Bodyweight sets count their added weight only (0 at "BW"): the body's weight is not
stored.

Two spellings of the same rule: an ORM expression for querysets of ExerciseSession and
an SQL fragment for the raw queries (records.progress)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Case, DecimalField, F, Q, Value, When

from equipment.selectors import ASSISTED_NAME_PATTERN
from sessions.models import SetType

WARMUP = SetType.WARMUP.value


def lifted_volume(prefix: str = "") -> Case:
    """A set's lifted volume, for Sum() over ExerciseSession rows; `prefix` reaches
    the set through a relation ("exercise_session__"). Joins the set's exercise for its
    name. E.g. ExerciseSession.objects.filter(...).aggregate(volume=Sum(lifted_volume()))."""
    not_counted = (Q(**{f"{prefix}set_type": WARMUP})
                   | Q(**{f"{prefix}exercise__name__iregex": ASSISTED_NAME_PATTERN}))
    return Case(When(not_counted, then=Value(Decimal(0))),
                default=F(f"{prefix}weight") * F(f"{prefix}reps"),
                output_field=DecimalField(max_digits=20, decimal_places=2))


def lifted_volume_sql(alias: str = "es") -> str:
    """The same as SQL over an exercise_session row aliased `alias`; no parameters (the
    pattern is a constant without quotes or %), so it can go into any query text."""
    assert "'" not in ASSISTED_NAME_PATTERN and "%" not in ASSISTED_NAME_PATTERN
    return (f"CASE WHEN {alias}.set_type IS NOT DISTINCT FROM '{WARMUP}' "
            f"OR {alias}.exercise_id IN (SELECT id FROM exercise WHERE name ~* '{ASSISTED_NAME_PATTERN}') "
            f"THEN 0 ELSE {alias}.weight * {alias}.reps END")
