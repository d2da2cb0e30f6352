"""allworkouts.db: array parsing, rls_user, and the system check on the database role."""

import pytest
from django.db import connection

from allworkouts.checks import check_database_role, role_problems
from allworkouts.db import parse_pg_array, rls_user


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{}", []),
        ("{chest}", ["chest"]),
        ("{chest,back,lats}", ["chest", "back", "lats"]),
        ('{"lower back",chest}', ["lower back", "chest"]),
        ('{"a\\"b"}', ['a"b']),
    ],
)
def test_parse_pg_array(text, expected):
    assert parse_pg_array(text) == expected


def test_parse_pg_array_rejects_non_arrays():
    with pytest.raises(ValueError):
        parse_pg_array("chest")


def _current_setting():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('app.current_user_id', true)")
        return cursor.fetchone()[0]


def test_rls_user_sets_and_restores_the_user(db, user, other_user):
    with rls_user(user.pk):
        assert _current_setting() == str(user.pk)
        with rls_user(other_user.pk):
            assert _current_setting() == str(other_user.pk)
        assert _current_setting() == str(user.pk)
    assert (_current_setting() or "") == ""


def test_rls_user_none_means_nobody(db, user):
    with rls_user(None), connection.cursor() as cursor:
        cursor.execute("SELECT current_user_id()")
        assert cursor.fetchone()[0] is None


def test_role_check_refuses_superusers_and_bypassrls():
    assert [e.id for e in role_problems(rolname="x", rolsuper=True, rolbypassrls=False)] == ["allworkouts.E001"]
    assert [e.id for e in role_problems(rolname="x", rolsuper=False, rolbypassrls=True)] == ["allworkouts.E002"]
    assert role_problems(rolname="x", rolsuper=False, rolbypassrls=False) == []


def test_the_test_database_role_passes_the_check(db):
    assert check_database_role(databases=["default"]) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (False, False)
