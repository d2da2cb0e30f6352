"""Editing or deleting a set: the records end as a recomputation from scratch would,
and the history is read again only when the change can move a record."""

import random
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from records.models import PersonalRecord
from records.services import best_from_sets
from sessions import services
from sessions.models import ExerciseSession, SetType
from tests.factories import exercise_named
from tests.records.test_records import _session

pytestmark = pytest.mark.django_db

SQUAT = "Barbell Squat"


def _stored(user):
    return {r.record_type: (r.value, r.exercise_session_id) for r in PersonalRecord.objects.filter(user=user)}


def _best(user, exercise):
    return {t: (b.value, b.exercise_session_id) for t, b in best_from_sets(user_id=user.pk,
                                                                            exercise_id=exercise.pk).items()}


def _history(user, squat, workouts):
    """`workouts` completed sessions of 5, 6, 7 ... kg sets; then one open, returned."""
    sessions = []
    with rls_user(user.pk):
        for n in range(workouts):
            session = _session(user)
            for k in range(3):
                services.set_log(session=session, set_id=uuid.uuid4(), exercise=squat,
                                 weight_kg=Decimal(50 + n + k), reps=5)
            services.session_complete(session=session)
            sessions.append(session)
    return sessions


def _best_scans(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return sum("WITH sets AS" in q["sql"] for q in queries.captured_queries)


def test_editing_or_deleting_a_set_that_holds_and_beats_no_record_does_not_read_the_history(user):
    squat = exercise_named(SQUAT)
    sessions = _history(user, squat, 4)
    with rls_user(user.pk):
        plain = ExerciseSession.objects.filter(workout_session=sessions[0]).order_by("set_number").first()
        before = _stored(user)
        plain = ExerciseSession.objects.select_related("exercise").get(pk=plain.pk)
        assert _best_scans(lambda: services.set_update(logged_set=plain, weight_kg=Decimal(40), reps=5)) == 0
        assert _best_scans(lambda: services.set_delete(logged_set=plain)) == 0
        assert _stored(user) == before == _best(user, squat)
        # The record holder, or a set that reaches a record (a tie too), reads it again.
        holder = ExerciseSession.objects.select_related("exercise").get(pk=before["1rm"][1])
        assert _best_scans(lambda: services.set_update(logged_set=holder, weight_kg=Decimal(30), reps=5)) == 1
        assert _stored(user) == _best(user, squat)
        other = ExerciseSession.objects.select_related("exercise").filter(
            workout_session=sessions[1]).order_by("set_number").first()
        best_1rm_weight = max(ExerciseSession.objects.values_list("weight", flat=True))
        assert _best_scans(lambda: services.set_update(logged_set=other, weight_kg=best_1rm_weight, reps=5)) == 1
        assert _stored(user) == _best(user, squat)


def test_random_edits_and_deletes_end_like_a_recomputation(user):
    squat = exercise_named(SQUAT)
    sessions = _history(user, squat, 5)
    rng = random.Random(14)
    with rls_user(user.pk):
        for _ in range(40):
            sets = list(ExerciseSession.objects.select_related("exercise").filter(workout_session__in=sessions))
            if not sets:
                break
            chosen = rng.choice(sets)
            if rng.random() < 0.2:
                services.set_delete(logged_set=chosen)
            else:
                services.set_update(logged_set=chosen, weight_kg=Decimal(rng.randrange(0, 80)),
                                    reps=rng.randrange(1, 15),
                                    set_type=rng.choice([None, SetType.WARMUP, SetType.DROP]))
            assert _stored(user) == _best(user, squat), chosen
