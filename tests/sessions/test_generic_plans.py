"""A set log and the workout page run their statements with their generic plans
(allworkouts.db.GENERIC_PLANS): planned once per connection, never afresh on each
request, and, with other users' data in the database, each finds its rows through
indexes the way a plan made for the values would."""

import re
import uuid
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from django.db import connection

from allworkouts.db import rls_user
from sessions import services, workout_page
from tests.factories import exercise_named
from tests.sessions.test_policy_index import seed_other_users
from tests.sessions.test_sessions import finished, start
from tests.sessions.test_workout_screen import BENCH, SQUAT, plan_items, plan_with, post_set

pytestmark = pytest.mark.django_db

_TYPES = [(uuid.UUID, "uuid"), (Decimal, "numeric"), (bool, "boolean"), (int, "bigint"), (datetime, "timestamptz"),
          (str, "text")]


def _generic_plan(sql: str, params: dict) -> str:
    """EXPLAIN (GENERIC_PLAN) of a statement with named parameters: the plan a
    prepared statement gets whatever its values (each parameter typed as its value)."""
    numbers: dict[str, int] = {}

    def placeholder(match):
        name = match[1]
        number = numbers.setdefault(name, len(numbers) + 1)
        kind = next((t for cls, t in _TYPES if isinstance(params[name], cls)), None)
        return f"${number}::{kind}" if kind else f"${number}"

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (GENERIC_PLAN) " + re.sub(r"%\((\w+)\)s", placeholder, sql))
        return "\n".join(row[0] for row in cursor.fetchall())


def _prepared(prefix: str) -> list[tuple[int, int]]:
    """(generic plans, custom plans) of this connection's prepared statements that start so."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements")
        return [(generic, custom) for generic, custom, sql in cursor.fetchall() if sql.lstrip().startswith(prefix)]


def _workout(user_client, user):
    """A workout of bench and squat after a completed one (last time's sets, records)."""
    plan = plan_with(user, (BENCH, 3, None), (SQUAT, 3, None))
    finished(user_client, user, plan, (exercise_named(BENCH), 60, 8), (exercise_named(SQUAT), 100, 5))
    with rls_user(user.pk):
        session = start(user_client, plan)
    return session, plan_items(user, plan)


def test_a_set_log_s_insert_and_the_page_s_read_are_never_planned_for_their_values(user_client, user):
    session, (bench, squat) = _workout(user_client, user)
    for number in range(1, 9):  # psycopg prepares a statement at its sixth run
        assert post_set(user_client, session, bench, 60, 8, number).status_code == 200
        assert user_client.get(f"/sessions/{session.pk}/workout/").status_code == 200
    inserts = _prepared("WITH latest AS (")
    page_reads = _prepared("SELECT 2 AS kind")
    assert inserts and page_reads
    # Every run of them used the one generic plan: none was planned for its values.
    assert all(generic >= 1 and custom == 0 for generic, custom in inserts + page_reads), (inserts, page_reads)


def test_their_generic_plans_read_no_other_user_s_sessions_or_sets(user_client, user):
    session, (bench, squat) = _workout(user_client, user)
    post_set(user_client, session, bench, 60, 8, 1)
    seed_other_users(exercise_named(BENCH))  # 9,000 sessions and sets of 300 other users
    with rls_user(user.pk):
        session.refresh_from_db()
        plan = workout_page.read_plan(session)
        page_sql, page_params, _ = workout_page.sets_and_last_time_read(user=user, session=session, plan=plan)
        answer = services.ReadAlong(*workout_page.sets_and_last_time_read(
            user=user, session=session, plan=plan, focus=bench.pk))
        insert_sql, insert_params = answer.statement({
            "id": uuid.uuid4(), "session": session.pk, "exercise": bench.exercise_id, "weight": Decimal(60),
            "reps": 8, "rest": None, "now": datetime.now(timezone.utc), "max_rest": services.MAX_REST_SECONDS,
            "set_type": None, "rpe": None, "notes": None, "user": user.pk})
        plans = {"page": _generic_plan(page_sql, page_params), "set log": _generic_plan(insert_sql, insert_params)}
    for name, text in plans.items():
        # The sets through the session's index, the sessions (the policy's, last time's)
        # through the user's: no table of everyone's rows read whole.
        assert "Seq Scan" not in text, f"{name}:\n{text}"
        assert "idx_exercise_session_user_exercise" in text and "idx_workout_session_user" in text, f"{name}:\n{text}"
