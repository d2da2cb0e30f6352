"""The workout page's own ways of making model instances (sessions.workout_page) make
what Django's would."""

import uuid
from datetime import datetime, timezone
from decimal import Decimal

from django.db.models.signals import post_init

from sessions import workout_page
from sessions.models import ExerciseSession


def _row() -> tuple:
    values = {"id": uuid.uuid4(), "workout_session_id": uuid.uuid4(), "exercise_id": uuid.uuid4(),
              "weight": Decimal("62.50"), "reps": 5, "rest_time_seconds": 90, "set_number": 2,
              "set_type": "warmup", "rpe": Decimal("8.5"), "notes": "easy",
              "created_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)}
    return tuple(values.get(name) for name in workout_page._SET_ATTNAMES)


def test_a_set_row_makes_the_instance_from_db_makes():
    row = _row()
    fast = workout_page._set_of(row)
    django = ExerciseSession.from_db("default", workout_page._SET_ATTNAMES, row)
    own = lambda instance: {k: v for k, v in instance.__dict__.items() if k != "_state"}  # noqa: E731
    assert own(fast) == own(django) and fast == django
    assert (fast._state.adding, fast._state.db) == (django._state.adding, django._state.db) == (False, "default")
    assert fast.get_deferred_fields() == django.get_deferred_fields() == {"updated_at"}
    assert fast.get_set_type_display() == "Warm-up" and fast.pk == row[0]
    # What Model.__init__ would also have done: nothing listens for a set being made.
    assert not post_init.has_listeners(ExerciseSession)
