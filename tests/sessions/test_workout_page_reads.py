"""The workout page's own ways of making model instances (sessions.workout_page) make
what Django's would."""

import uuid
from datetime import datetime, timezone
from decimal import Decimal

import pytest
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


@pytest.mark.django_db
def test_the_workout_page_is_six_statements_its_session_plan_and_last_note_in_one(user_client, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from allworkouts.db import rls_user
    from tests.factories import exercise_named
    from tests.sessions.test_sessions import finished, start
    from tests.sessions.test_workout_screen import BENCH, SQUAT, plan_with

    plan = plan_with(user, (BENCH, 2, None), (SQUAT, 2, None))
    old = finished(user_client, user, plan, (exercise_named(BENCH), 60, 8))
    user_client.post(f"/sessions/{old.pk}/note/", {"notes": "felt strong"})
    with rls_user(user.pk):
        session = start(user_client, plan)
    with CaptureQueriesContext(connection) as queries:
        html = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert "“felt strong”" in html
    # BEGIN and COMMIT, which psycopg sends itself, are not captured: two more.
    starts = ["SELECT session_data FROM django_session", 'SELECT "last_login"', "SELECT set_config('app.current_user_id'",
              "SELECT ws.id", 'SELECT "workout_exercise"', "SELECT 2 AS kind"]  # records, sets, last time's
    sql = [q["sql"].lstrip() for q in queries.captured_queries]
    # The test's own: the RLS block's savepoint, reading and restoring the setting, its release.
    sql = [s for s in sql if not s.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "SELECT current_setting"))
           and "set_config('app.current_user_id', ''" not in s]
    assert len(sql) == len(starts) and all(s.startswith(start) for s, start in zip(sql, starts)), "\n".join(sql)
