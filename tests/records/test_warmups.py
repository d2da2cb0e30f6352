"""Warm-up sets count for nothing in personal records and volume (they still show in
history); the columns that say what a set was hold only what they may."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from allworkouts.db import rls_user
from records.models import PersonalRecord
from records.services import records_after_set_logged, records_recompute
from sessions.models import ExerciseSession, SetType
from tests.factories import exercise_named
from tests.sessions.test_sessions import finished, make_plan

pytestmark = pytest.mark.django_db

SQUAT = "Barbell Squat"


def _records(user, exercise):
    with rls_user(user.pk):
        return {r.record_type: r.value for r in PersonalRecord.objects.filter(user=user, exercise=exercise)}


def test_a_heavy_warm_up_sets_no_record_and_adds_no_volume(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    session = finished(user_client, user, plan, (squat, 100, 5), (squat, 140, 5))
    with rls_user(user.pk):
        heavy = ExerciseSession.objects.get(workout_session=session, weight=140)
        heavy.set_type = SetType.WARMUP  # marked as a warm-up afterwards: the records follow
        heavy.save(update_fields=["set_type"])
        records_recompute(user_id=user.pk, exercise_id=squat.pk)
    assert _records(user, squat) == {"1rm": Decimal("116.67"), "set_volume": Decimal("500.00"),
                                     "total_volume": Decimal("500.00")}
    # A new warm-up logged later beats nothing either.
    with rls_user(user.pk):
        warmup = ExerciseSession.objects.create(
            id=uuid.uuid4(), workout_session=session, exercise=squat, weight=Decimal("200"), reps=5,
            set_number=3, set_type=SetType.WARMUP)
        assert records_after_set_logged(user_id=user.pk, logged_set=warmup) == []
    assert _records(user, squat)["total_volume"] == Decimal("500.00")
    # History still lists every set, warm-ups included.
    html = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "140 kg" in html and "200 kg" in html


def test_warm_ups_are_left_out_of_the_progress_charts(user_client, user):
    squat = exercise_named(SQUAT)
    plan = make_plan(user, names=(SQUAT,))
    # 80 then 100 kg: a jump of more than half the best e1RM is asked about first.
    session = finished(user_client, user, plan, (squat, 80, 5), (squat, 100, 5))
    with rls_user(user.pk):
        ExerciseSession.objects.filter(workout_session=session, weight=80).update(set_type=SetType.WARMUP)
    html = user_client.get(f"/exercises/{squat.pk}/").content.decode()
    volume = html.split("<caption>Session volume by workout</caption>")[1].split("</table>")[0]
    assert "<td>500</td>" in volume and "900" not in volume


@pytest.mark.parametrize("rpe", [Decimal("5.5"), Decimal("10.5"), Decimal("7.25")])
def test_rpe_outside_six_to_ten_in_half_steps_is_refused(rpe):
    with pytest.raises(ValidationError):
        ExerciseSession._meta.get_field("rpe").run_validators(rpe)


def test_the_database_refuses_an_unknown_set_type_or_rpe(user_client, user):
    squat = exercise_named(SQUAT)
    session = finished(user_client, user, make_plan(user, names=(SQUAT,)), (squat, 100, 5))
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get(workout_session=session)
        for field, value in (("set_type", "cheat"), ("rpe", Decimal("11"))):
            with pytest.raises(IntegrityError), transaction.atomic():
                ExerciseSession.objects.filter(pk=logged.pk).update(**{field: value})
