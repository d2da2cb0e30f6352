"""Edges of the workout flow nothing else pinned down: the history's "to" date on its
own, "last time" skipping deleted sessions, and a set id reused from another of the
user's own workouts."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions import services, workout_page
from sessions.models import ExerciseSession, WorkoutSession
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db


def _plan(user, name="Barbell Squat"):
    with rls_user(user.pk):
        return plan_services.plan_create(user=user, name="A", exercises=[
            ExerciseSpec(exercise=exercise_named(name), sets=3, reps_min=5, reps_max=5, rest_time_seconds=60)])


def test_history_to_date_alone_excludes_later_sessions_and_includes_its_whole_day(user_client, user):
    plan = _plan(user)
    with rls_user(user.pk):
        dated = {day: WorkoutSession.objects.create(user=user, workout_plan=plan, status="completed",
                                                    created_at=f"2026-03-{day:02}T{hour}:00:00Z")
                 for day, hour in ((1, 10), (10, 23), (20, 10))}

    def shown(query):
        response = user_client.get(f"/sessions/?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        return {day for day, s in dated.items() if f"/sessions/{s.pk}/" in html}

    assert shown("date_to=2026-03-15") == {1, 10}
    assert shown("date_to=2026-03-10") == {1, 10}  # 23:00 on the 10th is still the 10th
    assert shown("date_to=2026-03-09") == {1}
    assert shown("date_to=2026-02-28") == set()


def test_last_time_skips_deleted_sessions(user):
    plan = _plan(user)
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        kept = services.session_start(user=user, plan=plan)
        services.set_log(session=kept, set_id=uuid.uuid4(), exercise=squat, weight_kg=Decimal(100), reps=5)
        services.session_complete(session=kept)
        deleted = services.session_start(user=user, plan=plan)
        services.set_log(session=deleted, set_id=uuid.uuid4(), exercise=squat, weight_kg=Decimal(140), reps=3)
        services.session_complete(session=deleted)
        services.session_soft_delete(session=deleted)
        current = services.session_start(user=user, plan=plan)
        last = workout_page.last_time(user=user, exercise_ids=[squat.pk], session=current)[squat.pk]
    assert [(s.weight, s.reps) for s in last.sets] == [(Decimal("100.00"), 5)]
    assert last.date == kept.created_at


def test_a_set_id_from_another_of_my_workouts_is_refused_and_moves_nothing(user_client, user):
    plan = _plan(user)
    squat = exercise_named("Barbell Squat")
    set_id = uuid.uuid4()
    with rls_user(user.pk):
        earlier = services.session_start(user=user, plan=plan)
        services.set_log(session=earlier, set_id=set_id, exercise=squat, weight_kg=Decimal(100), reps=5)
        services.session_complete(session=earlier)
    response = user_client.post(f"/sessions/start/{plan.pk}/")
    assert response.status_code == 302
    with rls_user(user.pk):
        current = WorkoutSession.objects.get(pk=response.url.split("/")[2])
    response = user_client.post(
        f"/sessions/{current.pk}/sets/",
        {"id": str(set_id), "exercise": str(squat.pk), "weight": "120", "reps": "5", "number": "1"},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    with rls_user(user.pk):
        with pytest.raises(ValidationError, match="That set belongs to another workout."):
            services.set_log(session=current, set_id=set_id, exercise=squat, weight_kg=Decimal(120), reps=5)
        stored = ExerciseSession.objects.get(pk=set_id)
        assert (stored.workout_session_id, stored.weight) == (earlier.pk, Decimal("100.00"))
        assert not ExerciseSession.objects.filter(workout_session=current).exists()
