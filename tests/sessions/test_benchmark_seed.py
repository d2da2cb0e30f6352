"""The benchmark's history and its simulated lifter (scripts/bench_sessions.py) are
what its report says they are: so many sets, in real sessions, with true records.
No timings here; the benchmark itself is run by hand."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from allworkouts.db import rls_user
from records.models import PersonalRecord
from scripts import bench_sessions
from sessions.models import ExerciseSession, SessionStatus, WorkoutSession

pytestmark = pytest.mark.django_db


def test_seeded_history_has_exactly_the_sets_reported_and_true_records(user, other_user):
    plans = bench_sessions._make_plans(user)
    sessions = bench_sessions.seed_history(user, plans, 250)
    with rls_user(user.pk):
        assert ExerciseSession.objects.count() == 250
        assert WorkoutSession.objects.count() == sessions == 11  # 23-24 sets a day, the last one cut short
        assert not WorkoutSession.objects.filter(sets__isnull=True).exists()
        assert not WorkoutSession.objects.filter(created_at__gte=timezone.now()).exists()
        assert not WorkoutSession.objects.filter(status=SessionStatus.IN_PROGRESS).exists()
        # Bodyweight work (dips, pull-ups) is logged at 0 kg and earns no record.
        assert ExerciseSession.objects.filter(weight=0).exists()
        assert PersonalRecord.objects.filter(record_type="set_volume").count() == 16  # of 18 exercises
    with rls_user(other_user.pk):
        assert not ExerciseSession.objects.exists()
    out = StringIO()
    call_command("recompute_records", "--user", user.email, "--dry-run", stdout=out)
    assert out.getvalue().strip() == "0 records would change."


def test_the_simulated_lifter_logs_through_the_app(user):
    plans = bench_sessions._make_plans(user)
    lifter = bench_sessions.Lifter(user, plans[0])
    assert "Barbell Bench Press" in lifter.page().content.decode()
    lifter.log_set()
    lifter.next_set()
    with rls_user(user.pk):
        logged = ExerciseSession.objects.get()
        assert (logged.weight, logged.reps, logged.set_number) == (Decimal("62.50"), 5, 1)
        assert str(logged.workout_session_id) == lifter.session_id
