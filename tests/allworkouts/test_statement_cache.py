"""psycopg keeps the converted text of the app's long statements too (allworkouts.apps):
a set log's statement, longer than psycopg's own 4 KB limit, is not parsed again on
every execute."""

import pytest
from psycopg import _queries

from allworkouts.apps import STATEMENT_CACHE_LENGTH
from allworkouts.db import rls_user
from tests.factories import exercise_named
from tests.sessions.test_sessions import finished, start
from tests.sessions.test_workout_screen import BENCH, SQUAT, plan_items, plan_with, post_set

pytestmark = pytest.mark.django_db


def test_a_set_logs_statement_is_converted_once(user_client, user, monkeypatch):
    assert _queries.MAX_CACHED_STATEMENT_LENGTH >= STATEMENT_CACHE_LENGTH
    plan = plan_with(user, (BENCH, 3, None), (SQUAT, 3, None))
    finished(user_client, user, plan, (exercise_named(BENCH), 60, 8))
    with rls_user(user.pk):
        session = start(user_client, plan)
    bench, _ = plan_items(user, plan)
    post_set(user_client, session, bench, 60, 8, 1)
    parsed = []
    real = _queries._query2pg_nocache

    def counted(query, encoding):
        parsed.append(query)
        return real(query, encoding)

    monkeypatch.setattr(_queries, "_query2pg_nocache", counted)
    seen = []
    from django.db import connection

    def wrapper(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        assert post_set(user_client, session, bench, 60, 8, 2).status_code == 200
    assert max(len(sql.encode()) for sql in seen) > 4096  # what the limit is raised for
    assert not parsed
