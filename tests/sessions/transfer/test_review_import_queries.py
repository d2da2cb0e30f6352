"""Review: the import's queries do not grow with the number of workout names in the
file (each name is an 'imported' plan; they were inserted one INSERT per name)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from plans.models import PlanKind, WorkoutPlan
from sessions.transfer import services
from tests.sessions.transfer.conftest import STRONG_HEADER

pytestmark = pytest.mark.django_db


def named_workouts(count: int) -> str:
    return STRONG_HEADER + "".join(
        f"2026-01-{1 + n // 24:02d} {n % 24:02d}:00:00,Day {n},1h,Squat (Barbell),1,100,5,0,0,,,\n"
        for n in range(count))


def queries_of_import(user, text) -> int:
    with rls_user(user.pk):
        parsed = services.parse_text(text)
        history_import = services.create_import(user=user, filename="x.csv", text=text, parsed=parsed)
        with CaptureQueriesContext(connection) as ctx:
            services.run_import(user=user, history_import=history_import, unit="kg")
    return len(ctx.captured_queries)


def test_import_queries_do_not_grow_with_workout_names(user, other_user):
    few, many = queries_of_import(user, named_workouts(3)), queries_of_import(other_user, named_workouts(150))
    assert many <= few
    with rls_user(other_user.pk):
        plans = WorkoutPlan.objects.filter(user=other_user, kind=PlanKind.IMPORTED)
        assert plans.count() == 150 and set(plans.values_list("name", flat=True)) == {f"Day {n}" for n in range(150)}
