"""A set says what it was: its type (W/D/F on the set number), RPE and a note, posted
with the set; bad values are a message and nothing stored."""

import uuid
from decimal import Decimal

import pytest

from allworkouts.db import rls_user
from records.models import PersonalRecord
from sessions.models import ExerciseSession
from tests.factories import exercise_named
from tests.sessions.test_sessions import make_plan, start

pytestmark = pytest.mark.django_db


def _post(client, session, exercise, **extra):
    data = {"id": str(uuid.uuid4()), "exercise": str(exercise.pk), "weight": "100", "reps": "5", "number": "1",
            **extra}
    return client.post(f"/sessions/{session.pk}/sets/", data, HTTP_HX_REQUEST="true")


@pytest.fixture
def workout(user_client, user):
    with rls_user(user.pk):
        return start(user_client, make_plan(user, names=("Barbell Squat",)))


def test_a_warm_up_is_stored_as_one_shows_w_and_sets_no_record(user_client, user, workout):
    squat = exercise_named("Barbell Squat")
    response = _post(user_client, workout, squat, set_type="warmup", weight="60")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="set-number" title="Warm-up">W</span>' in html
    assert "New PR" not in html
    with rls_user(user.pk):
        assert ExerciseSession.objects.get(workout_session=workout).set_type == "warmup"
        assert not PersonalRecord.objects.filter(user=user).exists()


def test_rpe_and_note_are_stored_and_shown(user_client, user, workout):
    squat = exercise_named("Barbell Squat")
    html = _post(user_client, workout, squat, set_type="failure", rpe="8.5", notes="  grindy last rep ").content.decode()
    assert "100 kg × 5 @ RPE 8.5 ✓" in html and "“grindy last rep”" in html
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get(workout_session=workout)
    assert (logged.set_type, logged.rpe, logged.notes) == ("failure", Decimal("8.5"), "grindy last rep")


@pytest.mark.parametrize("field, value", [("rpe", "11"), ("rpe", "7.25"), ("rpe", "NaN"), ("set_type", "cheat"),
                                          ("notes", "x" * 501)])
def test_bad_details_are_a_message_and_nothing_is_stored(user_client, user, workout, field, value):
    response = _post(user_client, workout, exercise_named("Barbell Squat"), **{field: value})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    with rls_user(user.pk):
        assert not ExerciseSession.objects.filter(workout_session=workout).exists()


def test_the_workout_page_offers_the_type_toggle_rpe_and_note(user_client, user, workout):
    html = user_client.get(f"/sessions/{workout.pk}/workout/").content.decode()
    assert 'data-set-type=""' in html and 'name="set_type"' in html
    assert '<option value="8.5">8.5</option>' in html and 'name="notes"' in html
    assert 'id="id_rpe"' not in html  # one per row: no duplicate ids
