"""Review: undo after the lifter gave an imported plan exercises (the plan editor opens
any plan of theirs by its address) was a 500: the plan's delete hit the PROTECT of its
exercises. The workouts go; a plan the lifter built on stays."""

from __future__ import annotations

import pytest

from allworkouts.db import rls_user
from plans.models import PlanKind, WorkoutPlan
from sessions.models import WorkoutSession
from sessions.transfer.models import HistoryImport, ImportStatus
from tests.factories import exercise_named
from tests.sessions.transfer.test_import import import_file

pytestmark = pytest.mark.django_db


def test_undo_keeps_an_imported_plan_the_lifter_added_exercises_to(user_client, user):
    history_import, _ = import_file(user, "strong_comma.csv", unit="lb")
    with rls_user(user.pk):
        kept, *others = WorkoutPlan.objects.filter(kind=PlanKind.IMPORTED).order_by("name")
    added = user_client.post(f"/plans/{kept.pk}/exercises/", {"exercise": str(exercise_named("Barbell Squat").pk)})
    assert added.status_code == 302
    response = user_client.post(f"/sessions/transfer/{history_import.pk}/undo/")
    assert response.status_code == 302
    with rls_user(user.pk):
        assert HistoryImport.objects.get(pk=history_import.pk).status == ImportStatus.UNDONE
        assert not WorkoutSession.objects.filter(user=user).exists()
        assert list(WorkoutPlan.objects.filter(kind=PlanKind.IMPORTED)) == [kept]
        assert kept.exercises.count() == 1
