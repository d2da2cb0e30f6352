"""Assisted and bodyweight work in the records and the volume: an assisted set's
weight is the help it had (more is easier), so it earns no weight-based record and
lifts no volume; its progress is less assistance. Bodyweight sets count their added
weight only."""

import uuid
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import OuterRef, Subquery, Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from allworkouts.db import rls_user
from plans import services as plan_services
from plans.services import ExerciseSpec
from records.models import PersonalRecord
from records.services import assisted_bests, assisted_progress, records_after_set_logged, records_recompute
from records.volume import lifted_volume, lifted_volume_sql
from sessions import services
from sessions.models import ExerciseSession, SetType, WorkoutSession
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db

DIP = "Assisted Dip"
PULL = "Machine Assisted Pull-Up"


def _session(user, *names):
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="P", exercises=[
            ExerciseSpec(exercise=exercise_named(n), sets=3, reps_min=5, reps_max=8) for n in names])
        return services.session_start(user=user, plan=plan, replace=True)


def _log(user, session, exercise, kg, reps, set_type=None):
    with rls_user(user.pk):
        logged, new, _ = services.set_log(session=session, set_id=uuid.uuid4(), exercise=exercise,
                                          weight_kg=Decimal(kg), reps=reps, set_type=set_type)
    return logged, new


def _records(user, exercise):
    with rls_user(user.pk):
        return {r.record_type: r.value for r in PersonalRecord.objects.filter(user=user, exercise=exercise)}


def test_more_assistance_never_becomes_a_record_live_or_recomputed(user):
    dip = exercise_named(DIP)
    session = _session(user, DIP)
    for kg, reps in ((40, 8), (30, 8), (60, 12)):  # 60 x 12 would top e1RM and volume
        assert _log(user, session, dip, kg, reps)[1] == []
    assert _records(user, dip) == {}
    with rls_user(user.pk):
        records_recompute(user_id=user.pk, exercise_id=dip.pk)
    assert _records(user, dip) == {}


def test_a_record_left_from_before_the_rule_is_removed(user):
    dip = exercise_named(DIP)
    session = _session(user, DIP)
    logged, _ = _log(user, session, dip, 50, 8)
    with rls_user(user.pk):
        PersonalRecord.objects.create(user=user, exercise=dip, record_type="1rm", value=Decimal("63.33"),
                                      unit="kg", exercise_session=logged, achieved_at=timezone.now())
    out = StringIO()
    call_command("recompute_records", "--user", user.email, stdout=out)
    assert "Assisted Dip 1rm: 63.33 -> none" in out.getvalue()
    assert _records(user, dip) == {}
    # The live path drops one too, when the next assisted set is logged.
    with rls_user(user.pk):
        PersonalRecord.objects.create(user=user, exercise=dip, record_type="set_volume", value=Decimal("400"),
                                      unit="kg", exercise_session=logged, achieved_at=timezone.now())
    assert _log(user, session, dip, 45, 8)[1] == []
    assert _records(user, dip) == {}


def test_an_assisted_set_costs_the_records_two_queries_whatever_the_history(user):
    dip = exercise_named(DIP)
    session = _session(user, DIP)
    for kg in range(60, 20, -5):
        _log(user, session, dip, kg, 8)
    with rls_user(user.pk):
        logged = ExerciseSession.objects.create(id=uuid.uuid4(), workout_session=session, exercise=dip,
                                                weight=Decimal(10), reps=8, set_number=99)
        with CaptureQueriesContext(connection) as queries:
            assert records_after_set_logged(user_id=user.pk, logged_set=logged) == []
    assert len(queries) == 2  # the lock, the current records with the session's total (as for a loaded set)


def test_less_assistance_is_progress_and_more_is_not(user):
    dip = exercise_named(DIP)
    session = _session(user, DIP)

    def progress(kg, reps, set_type=None):
        logged, _ = _log(user, session, dip, kg, reps, set_type)
        with rls_user(user.pk):
            return assisted_progress(user_id=user.pk, logged_set=logged)

    first = progress(40, 8)
    assert first.first_time and first.assistance_kg == Decimal("40.00")
    assert progress(45, 10) is None  # more assistance, however many reps
    assert progress(40, 8) is None  # the same again
    assert progress(40, 6) is None  # as much help, fewer reps
    more_reps = progress(40, 9)  # as much help, one more rep
    assert not more_reps.first_time and (more_reps.previous.assistance_kg, more_reps.previous.reps) == (
        Decimal("40.00"), 8)
    assert progress(20, 1, SetType.WARMUP) is None  # a warm-up is never progress...
    less = progress(30, 5)  # ...nor the best to beat: 30 beats 40, not 20
    assert (less.assistance_kg, less.reps, less.previous.assistance_kg, less.previous.reps) == (
        Decimal("30.00"), 5, Decimal("40.00"), 9)
    assert progress(0, 3).assistance_kg == Decimal("0.00")  # no help at all: the best there is


def test_assisted_bests_for_a_page_in_one_query(user, other_user, django_assert_num_queries):
    dip, pull = exercise_named(DIP), exercise_named(PULL)
    session = _session(user, DIP, PULL)
    _log(user, session, dip, 40, 8)
    best_dip, _ = _log(user, session, dip, 30, 6)
    _log(user, session, dip, 30, 5)
    _log(user, session, pull, 25, 8)
    best_pull, _ = _log(user, session, pull, 25, 10)
    _log(other_user, _session(other_user, DIP), dip, 0, 12)  # someone else's: not ours
    with rls_user(user.pk), django_assert_num_queries(1):
        bests = assisted_bests(user_id=user.pk, exercise_ids=[dip.pk, pull.pk])
    assert {k: (b.assistance_kg, b.reps, b.exercise_session_id) for k, b in bests.items()} == {
        dip.pk: (Decimal("30.00"), 6, best_dip.pk), pull.pk: (Decimal("25.00"), 10, best_pull.pk)}
    assert assisted_bests(user_id=user.pk, exercise_ids=[]) == {}


def test_bodyweight_sets_at_bw_set_no_records_and_added_weight_does(user):
    pullups = exercise_named("Pullups")
    session = _session(user, "Pullups")
    for reps in (12, 10, 8):
        assert _log(user, session, pullups, 0, reps)[1] == []
    assert _records(user, pullups) == {}
    _, new = _log(user, session, pullups, 10, 5)  # BW + 10 kg x 5
    assert {r.record_type: (r.value, r.first_time) for r in new} == {
        "1rm": (Decimal("11.67"), True), "set_volume": (Decimal("50.00"), True),
        "total_volume": (Decimal("50.00"), True)}
    # More BW sets afterwards: nothing new, and the session total stays what was added.
    assert _log(user, session, pullups, 0, 15)[1] == []
    assert _records(user, pullups) == {"1rm": Decimal("11.67"), "set_volume": Decimal("50.00"),
                                       "total_volume": Decimal("50.00")}
    with rls_user(user.pk):
        records_recompute(user_id=user.pk, exercise_id=pullups.pk)
    assert _records(user, pullups)["total_volume"] == Decimal("50.00")


def test_lifted_volume_leaves_out_assistance_and_warm_ups(user):
    squat, dip, pullups = exercise_named("Barbell Squat"), exercise_named(DIP), exercise_named("Pullups")
    session = _session(user, "Barbell Squat", DIP, "Pullups")
    _log(user, session, squat, 100, 5)
    _log(user, session, squat, 60, 5, SetType.WARMUP)
    _log(user, session, dip, 40, 8)
    _log(user, session, pullups, 0, 10)
    _log(user, session, pullups, 10, 5)
    with rls_user(user.pk):
        orm = ExerciseSession.objects.filter(workout_session=session).aggregate(v=Sum(lifted_volume()))["v"]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT sum({lifted_volume_sql('es')}) FROM exercise_session es "
                           "WHERE es.workout_session_id = %s", [session.pk])
            raw = cursor.fetchone()[0]
        # As a per-session subquery, the way the history list sums it.
        sets = ExerciseSession.objects.filter(workout_session=OuterRef("pk")).values("workout_session")
        listed = WorkoutSession.objects.filter(pk=session.pk).annotate(
            volume=Subquery(sets.annotate(v=Sum(lifted_volume())).values("v"))).get().volume
    assert orm == raw == listed == Decimal("550.00")  # 100 x 5 + BW+10 x 5; not the 60 warm-up, not the 40 help
