"""The exercise_session policy asks, for each set, whether its session is the current
user's. With other users' sessions in the database, the planner must answer that from
an index (idx_workout_session_user_id_all), never by scanning everyone's sessions."""

import pytest
from django.db import connection

from allworkouts.db import rls_user
from tests.factories import exercise_named
from tests.sessions.test_sessions import finished, make_plan

pytestmark = pytest.mark.django_db

OTHERS = """
INSERT INTO "user" (id, email, password_hash, unit_system, is_superuser, is_staff, is_active, created_at, updated_at)
SELECT gen_random_uuid(), 'other' || i || '@example.com', 'x', 'metric', false, false, true, now(), now()
FROM generate_series(1, 300) AS i;
INSERT INTO workout_plan (id, user_id, name, created_at, updated_at)
SELECT gen_random_uuid(), id, 'Theirs', now(), now() FROM "user" WHERE email LIKE 'other%%@example.com';
INSERT INTO workout_session (id, user_id, workout_plan_id, status, created_at, updated_at)
SELECT gen_random_uuid(), p.user_id, p.id, 'completed', now() - i * interval '1 day', now()
FROM workout_plan p CROSS JOIN generate_series(1, 30) AS i WHERE p.name = 'Theirs';
INSERT INTO exercise_session (id, workout_session_id, exercise_id, weight, reps, set_number, created_at, updated_at)
SELECT gen_random_uuid(), ws.id, %(exercise)s, 100, 5, 1, ws.created_at, ws.created_at
FROM workout_session ws JOIN workout_plan p ON p.id = ws.workout_plan_id WHERE p.name = 'Theirs';
INSERT INTO personal_record (id, user_id, exercise_id, record_type, value, unit, exercise_session_id, achieved_at)
SELECT DISTINCT ON (ws.user_id) gen_random_uuid(), ws.user_id, es.exercise_id, '1rm', 116.67, 'kg', es.id, es.created_at
FROM exercise_session es JOIN workout_session ws ON ws.id = es.workout_session_id
JOIN workout_plan p ON p.id = ws.workout_plan_id WHERE p.name = 'Theirs' ORDER BY ws.user_id, es.created_at;
"""


def seed_other_users(exercise) -> None:
    """300 other users with 30 completed workouts of one set of `exercise` each and a
    record, the tables analyzed: what the planner sees of a database that is not one
    user's (left unanalyzed, a table of one user's rows may be read whole or not,
    as autovacuum happens to have counted it)."""
    with connection.cursor() as cursor:
        # Other users' rows, written past their policies (the test role owns the tables).
        tables = ("workout_plan", "workout_session", "exercise_session", "personal_record")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending on the tables
        for table in tables:
            cursor.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        for statement in OTHERS.split(";")[:-1]:  # one at a time: the connection binds server-side
            cursor.execute(statement, {"exercise": exercise.pk})
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in tables:
            cursor.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        cursor.execute("ANALYZE workout_session")
        cursor.execute("ANALYZE exercise_session")
        cursor.execute("ANALYZE personal_record")


def test_a_read_through_the_policy_does_not_scan_other_users_sessions(user_client, user):
    squat = exercise_named("Barbell Squat")
    finished(user_client, user, make_plan(user, names=("Barbell Squat",)), (squat, 100, 5))
    seed_other_users(squat)
    with rls_user(user.pk), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM exercise_session WHERE exercise_id = %s", [squat.pk])
        assert cursor.fetchone()[0] == 1  # 9,000 other sets, one of the user's
        cursor.execute("EXPLAIN SELECT count(*) FROM exercise_session WHERE exercise_id = %s", [squat.pk])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan on workout_session" not in plan, plan
    assert "workout_session_pkey" in plan or "idx_workout_session_user_id_all" in plan, plan
