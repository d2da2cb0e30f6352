"""Record rules nothing else pinned down: the session-volume record follows its
session's latest set even when that set adds nothing, a tie does not move a live PR,
and recomputation counts sets of at most 12 reps for the estimated 1RM."""

import uuid
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from records.models import PersonalRecord
from records.services import best_from_sets, records_recompute
from sessions import services
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db


def _session(user, exercise):
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="P", exercises=[
            ExerciseSpec(exercise=exercise, sets=3, reps_min=5, reps_max=5)])
        return services.session_start(user=user, plan=plan)


def _log(session, exercise, weight, reps=5):
    logged, new, created = services.set_log(session=session, set_id=uuid.uuid4(), exercise=exercise,
                                            weight_kg=Decimal(weight), reps=reps)
    assert created
    return logged, new


def _stored(user, exercise):
    with rls_user(user.pk):
        return {r.record_type: (r.value, r.exercise_session_id, r.achieved_at)
                for r in PersonalRecord.objects.filter(user=user, exercise=exercise)}


def _recomputed(user, exercise):
    with rls_user(user.pk):
        return {t: (b.value, b.exercise_session_id, b.achieved_at)
                for t, b in best_from_sets(user_id=user.pk, exercise_id=exercise.pk).items()}


def test_session_volume_moves_to_a_later_zero_kg_set_of_its_session(user):
    squat = exercise_named("Barbell Squat")
    session = _session(user, squat)
    with rls_user(user.pk):
        _log(session, squat, 100)
        zero, new = _log(session, squat, 0)
    assert new == []  # adding nothing is no new PR
    assert _stored(user, squat)["total_volume"] == (Decimal("500.00"), zero.pk, zero.created_at)
    assert _stored(user, squat) == _recomputed(user, squat)
    out = StringIO()
    call_command("recompute_records", "--user", user.email, "--dry-run", stdout=out)
    assert "0 records would change." in out.getvalue(), out.getvalue()


def test_a_zero_kg_set_in_another_session_leaves_the_session_volume_where_it_is(user):
    squat = exercise_named("Barbell Squat")
    first = _session(user, squat)
    with rls_user(user.pk):
        heavy, _ = _log(first, squat, 100)
        services.session_complete(session=first)
    second = _session(user, squat)
    with rls_user(user.pk):
        _log(second, squat, 0)
    assert _stored(user, squat)["total_volume"][:2] == (Decimal("500.00"), heavy.pk)
    assert _stored(user, squat) == _recomputed(user, squat)


def test_a_live_tie_does_not_take_the_record_from_the_earlier_set(user):
    squat = exercise_named("Barbell Squat")
    session = _session(user, squat)
    with rls_user(user.pk):
        first, new_first = _log(session, squat, 100)
        assert {r.record_type for r in new_first} == {"1rm", "set_volume", "total_volume"}
        services.session_complete(session=session)
    later = _session(user, squat)
    with rls_user(user.pk):
        _, new = _log(later, squat, 100)  # the same 1RM and set volume: a tie, not a PR
    assert {r.record_type for r in new} == set()
    stored = _stored(user, squat)
    assert stored["1rm"][:2] == (Decimal("116.67"), first.pk)
    assert stored["set_volume"][:2] == (Decimal("500.00"), first.pk)
    assert stored == _recomputed(user, squat)
    with rls_user(user.pk):
        _, new = _log(later, squat, "100.01")  # a cent more is a PR
    assert "1rm" in {r.record_type for r in new}


def test_recompute_counts_only_sets_of_at_most_12_reps_for_the_1rm(user):
    squat = exercise_named("Barbell Squat")
    session = _session(user, squat)
    with rls_user(user.pk):
        twelve, _ = _log(session, squat, 100, reps=12)  # 140.00
        _log(session, squat, 110, reps=13)  # would be 157.67 if 13 reps counted
        PersonalRecord.objects.filter(record_type="1rm").delete()
        records_recompute(user_id=user.pk, exercise_id=squat.pk)
    assert _stored(user, squat)["1rm"][:2] == (Decimal("140.00"), twelve.pk)
    with rls_user(user.pk):
        thirteen, _ = _log(session, squat, 200, reps=13)
    # Logged live, 13 reps earn no 1RM either (the set volume record they do earn).
    stored = _stored(user, squat)
    assert stored["1rm"][:2] == (Decimal("140.00"), twelve.pk)
    assert stored["set_volume"][:2] == (Decimal("2600.00"), thirteen.pk)
