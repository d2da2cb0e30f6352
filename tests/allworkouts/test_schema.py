"""The migrated database is the schema of the spec, object by object."""

import pytest
from django.db import connection

from tests.allworkouts.expected_schema import EXPECTED
from tests.allworkouts.schema_reader import read_schema

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def actual(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        return read_schema(cursor)


@pytest.mark.parametrize("part", ["enums", "columns", "constraints", "indexes", "rls", "policies"])
def test_schema_part_matches_the_spec(actual, part):
    assert actual[part] == EXPECTED[part]


def test_every_user_scoped_table_forces_row_level_security(actual):
    for table in ("workout_plan", "workout_exercise", "workout_session", "exercise_session",
                  "personal_record", "workout_import_log", "user_equipment"):
        assert actual["rls"][table] == (True, True), table


def test_current_user_id_reads_unset_and_reset_as_nobody(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user_id()")
        assert cursor.fetchone()[0] is None
        cursor.execute("SELECT set_config('app.current_user_id', '', true), current_user_id()")
        assert cursor.fetchone()[1] is None


def test_enum_arrays_come_back_as_lists_of_strings(db):
    from equipment.models import Exercise

    exercise = Exercise.objects.create(name="Pinned Press", primary_muscle_groups=["chest", "triceps"])
    exercise.refresh_from_db()
    assert exercise.primary_muscle_groups == ["chest", "triceps"]
    assert exercise.secondary_muscle_groups == []


def test_database_defaults_fill_ids_timestamps_and_enums(db):
    """Rows inserted by plain SQL (another tool, a psql session) get the spec's defaults."""
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO "user" (email, password_hash, is_superuser, is_staff, is_active)
               VALUES ('sql@example.com', 'x', false, false, true)
               RETURNING id, unit_system, created_at, updated_at"""
        )
        user_id, unit_system, created_at, updated_at = cursor.fetchone()
    assert user_id is not None and unit_system == "metric"
    assert created_at is not None and updated_at is not None
