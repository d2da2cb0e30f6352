"""The records engine: recomputation command, and concurrent logging of one exercise."""

import uuid
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from records.models import PersonalRecord
from records.services import best_from_sets
from sessions import services
from tests.factories import exercise_named, in_two_threads


def _session(user, exercise_name="Barbell Squat"):
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="P", exercises=[
            ExerciseSpec(exercise=exercise_named(exercise_name), sets=3, reps_min=5, reps_max=5)])
        return services.session_start(user=user, plan=plan)


@pytest.mark.django_db
def test_recompute_command_repairs_and_reports(user):
    squat = exercise_named("Barbell Squat")
    session = _session(user)
    with rls_user(user.pk):
        services.set_log(session=session, set_id=uuid.uuid4(), exercise=squat, weight_kg=Decimal(100), reps=5)
        PersonalRecord.objects.filter(record_type="1rm").update(value=Decimal("999"))
    out = StringIO()
    call_command("recompute_records", "--user", user.email, "--dry-run", stdout=out)
    assert "Barbell Squat 1rm: 999.00 -> 116.67" in out.getvalue() and "1 record would change." in out.getvalue()
    call_command("recompute_records", stdout=StringIO())
    with rls_user(user.pk):
        assert PersonalRecord.objects.get(record_type="1rm").value == Decimal("116.67")
    out = StringIO()
    call_command("recompute_records", "--user", user.email, stdout=out)
    assert "0 records changed." in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_two_threads_logging_the_same_exercise_end_like_a_recomputation(user):
    squat = exercise_named("Barbell Squat")
    session = _session(user)
    weights = [Decimal(w) for w in (100, 140, 120, 160, 110, 150, 130, 125)]

    def log(chunk):
        for weight in chunk:
            with rls_user(user.pk):
                services.set_log(session=session, set_id=uuid.uuid4(), exercise=squat, weight_kg=weight, reps=3)

    assert in_two_threads(log, weights) == []
    with rls_user(user.pk):
        stored = {r.record_type: (r.value, r.exercise_session_id) for r in PersonalRecord.objects.all()}
        best = best_from_sets(user_id=user.pk, exercise_id=squat.pk)
        numbers = sorted(session.sets.values_list("set_number", flat=True))
    assert stored == {t: (b.value, b.exercise_session_id) for t, b in best.items()}
    assert stored["1rm"][0] == Decimal("176.00")  # 160 * (1 + 3/30)
    assert stored["total_volume"][0] == sum(weights) * 3
    assert numbers == list(range(1, 9))


def _finished_session(user, exercise, *weights):
    """A completed session of `exercise` with one 5-rep set per weight; its sets."""
    session = _session(user)
    with rls_user(user.pk):
        logged = [services.set_log(session=session, set_id=uuid.uuid4(), exercise=exercise, weight_kg=Decimal(w),
                                   reps=5)[0] for w in weights]
        services.session_complete(session=session)
    return logged


@pytest.mark.django_db
def test_recomputed_session_volume_points_at_the_best_sessions_latest_set(user):
    squat = exercise_named("Barbell Squat")
    first = _finished_session(user, squat, 100, 100)  # 1000 kg
    best = _finished_session(user, squat, 80, 90, 70, 60)  # 1500 kg, heaviest set not the latest
    tie = _finished_session(user, squat, 150, 150)  # 1500 kg too, but later: the earlier session keeps it
    with rls_user(user.pk):
        def session_volume(excluding=()):
            found = best_from_sets(user_id=user.pk, exercise_id=squat.pk, excluding=[s.pk for s in excluding])
            record = found["total_volume"]
            return record.value, record.exercise_session_id, record.achieved_at

        assert session_volume() == (Decimal("1500.00"), best[-1].pk, best[-1].created_at)
        # Without the best session's sets, the tie's session holds it, at its latest set.
        assert session_volume(excluding=best) == (Decimal("1500.00"), tie[-1].pk, tie[-1].created_at)
        assert session_volume(excluding=best + tie) == (Decimal("1000.00"), first[-1].pk, first[-1].created_at)
