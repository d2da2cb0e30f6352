"""Row-level security, end to end: through the ORM, through raw SQL, and through a
view that forgets to filter by user. Runs as a role RLS applies to (see conftest)."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.urls import path

from allworkouts.db import rls_user
from plans.models import WorkoutPlan
from tests.factories import user_data

pytestmark = pytest.mark.django_db

TABLES = [
    "workout_plan", "workout_exercise", "workout_import_log", "workout_session",
    "exercise_session", "personal_record", "user_equipment",
]
# A column to write in an UPDATE, per table.
UPDATE_SQL = {
    "workout_plan": "name = 'hacked'",
    "workout_exercise": "sets = 99",
    "workout_import_log": "raw_text = 'hacked'",
    "workout_session": "status = 'abandoned'",
    "exercise_session": "reps = 99",
    "personal_record": "value = 9999",
    "user_equipment": "deleted_at = now()",
}


def _where(table, row):
    if table == "user_equipment":
        return "user_id = %s AND equipment_id = %s", [row.user_id, row.equipment_id]
    return "id = %s", [row.pk]


def _count(table, row):
    where, params = _where(table, row)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE {where}", params)
        return cursor.fetchone()[0]


def _orm(table, row):
    model = type(row)
    if table == "user_equipment":
        return model.objects.filter(user_id=row.user_id, equipment_id=row.equipment_id)
    return model.objects.filter(pk=row.pk)


@pytest.fixture
def rows(user, other_user):
    return {"mine": user_data(user), "theirs": user_data(other_user, exercise_name="Barbell Deadlift")}


@pytest.mark.parametrize("table", TABLES)
def test_a_user_cannot_read_another_users_rows(table, rows, user):
    with rls_user(user.pk):
        assert _count(table, rows["mine"][table]) == 1
        assert _count(table, rows["theirs"][table]) == 0
        assert _orm(table, rows["mine"][table]).exists()
        assert not _orm(table, rows["theirs"][table]).exists()


@pytest.mark.parametrize("table", TABLES)
def test_a_user_cannot_update_or_delete_another_users_rows(table, rows, user, other_user):
    theirs = rows["theirs"][table]
    where, params = _where(table, theirs)
    with rls_user(user.pk):
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {UPDATE_SQL[table]} WHERE {where}", params)
            assert cursor.rowcount == 0
            cursor.execute(f"DELETE FROM {table} WHERE {where}", params)
            assert cursor.rowcount == 0
        assert _orm(table, theirs).delete()[0] == 0
    with rls_user(other_user.pk):
        assert _count(table, theirs) == 1
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {UPDATE_SQL[table].split(' = ')[0]} FROM {table} WHERE {where}", params)
            assert cursor.fetchone()[0] not in ("hacked", 99, 9999, "abandoned")


def test_a_user_cannot_insert_rows_for_another_user(rows, user, other_user):
    from plans.models import WorkoutExercise, WorkoutImportLog
    from records.models import PersonalRecord
    from sessions.models import ExerciseSession, WorkoutSession

    theirs = rows["theirs"]
    attempts = [
        lambda: WorkoutPlan.objects.create(user=other_user, name="planted"),
        lambda: WorkoutImportLog.objects.create(user=other_user, raw_text="planted"),
        lambda: WorkoutSession.objects.create(user=other_user, workout_plan=theirs["workout_plan"]),
        lambda: WorkoutExercise.objects.create(
            workout_plan=theirs["workout_plan"], exercise=theirs["workout_exercise"].exercise,
            sequence=2, sets=1, reps_min=1, reps_max=1),
        lambda: ExerciseSession.objects.create(
            workout_session=theirs["workout_session"], exercise=theirs["exercise_session"].exercise,
            weight=1, reps=1, set_number=2),
        lambda: PersonalRecord.objects.create(
            user=other_user, exercise=theirs["exercise_session"].exercise, record_type="1rm", value=1,
            exercise_session=theirs["exercise_session"], achieved_at=theirs["exercise_session"].created_at),
    ]
    with rls_user(user.pk):
        for attempt in attempts:
            with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic():
                attempt()
        with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic(), connection.cursor() as c:
            c.execute(
                "INSERT INTO user_equipment (user_id, equipment_id) SELECT %s, id FROM equipment WHERE name = 'Dumbbell'",
                [other_user.pk],
            )


def test_a_user_cannot_hand_their_row_to_another_user(rows, user, other_user):
    with rls_user(user.pk):
        with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic():
            WorkoutPlan.objects.filter(pk=rows["mine"]["workout_plan"].pk).update(user=other_user)


@pytest.mark.parametrize("table", TABLES)
def test_nobody_sees_nothing(table, rows):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        assert cursor.fetchone()[0] == 0
        with rls_user(None):
            cursor.execute(f"SELECT count(*) FROM {table}")
            assert cursor.fetchone()[0] == 0


def careless_plan_list(request):
    """A view with the bug RLS exists for: it never filters by user."""
    return HttpResponse("\n".join(WorkoutPlan.objects.order_by("name").values_list("name", flat=True)))


urlpatterns = [path("careless/", careless_plan_list)]


@pytest.mark.urls(__name__)
def test_a_view_that_forgets_to_filter_shows_only_the_users_rows(rows, user, other_user, client):
    client.force_login(user)
    body = client.get("/careless/").content.decode()
    assert body == rows["mine"]["workout_plan"].name
    client.force_login(other_user)
    assert client.get("/careless/").content.decode() == rows["theirs"]["workout_plan"].name
