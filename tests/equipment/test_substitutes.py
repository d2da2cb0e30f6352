"""Substitutes: the ranking (shared primary muscle groups, then secondary, then name)
with candidates that share different numbers of muscles, and the GIN index serving the
app's own query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allworkouts.db import rls_user
from equipment.models import Equipment, Exercise
from equipment.selectors import exercises_available_to, substitutes_for
from equipment.services import user_equipment_set

pytestmark = pytest.mark.django_db


def _owning_everything(user):
    with rls_user(user.pk):
        for equipment in Equipment.objects.all():
            user_equipment_set(user=user, equipment=equipment, owned=True)


def _shared(a, b) -> int:
    return len(set(a) & set(b))


def test_substitutes_are_ranked_by_shared_primary_then_secondary_muscles_then_name(user):
    _owning_everything(user)
    with rls_user(user.pk):
        available = list(exercises_available_to(user=user))
    # An exercise whose candidates share different numbers of primary muscle groups, so
    # the ranking has something to order (with one muscle every candidate shares one).
    exercise = next(e for e in available if len(e.primary_muscle_groups) >= 2 and len({
        _shared(e.primary_muscle_groups, c.primary_muscle_groups) for c in available
        if c.pk != e.pk and _shared(e.primary_muscle_groups, c.primary_muscle_groups)}) >= 2)
    expected = sorted(
        (c for c in available if c.pk != exercise.pk and _shared(exercise.primary_muscle_groups, c.primary_muscle_groups)),
        key=lambda c: (-_shared(exercise.primary_muscle_groups, c.primary_muscle_groups),
                       -_shared(exercise.secondary_muscle_groups, c.secondary_muscle_groups), c.name))
    with rls_user(user.pk):
        candidates = substitutes_for(exercise=exercise, user=user, limit=len(expected))
    assert [c.name for c in candidates] == [c.name for c in expected]
    assert [c.shared_muscle_groups for c in candidates] == [
        _shared(exercise.primary_muscle_groups, c.primary_muscle_groups) for c in expected]
    assert len({c.shared_muscle_groups for c in candidates}) >= 2
    # The limit keeps the best ones.
    with rls_user(user.pk):
        top = substitutes_for(exercise=exercise, user=user, limit=3)
    assert [c.name for c in top] == [c.name for c in expected[:3]]


def test_substitution_query_uses_the_gin_index(user):
    bench = Exercise.objects.get(name="Barbell Bench Press - Medium Grip")
    with rls_user(user.pk):
        with connection.cursor() as cursor:
            # The catalogue is small enough for a sequential scan to be cheaper; forbid
            # it to see that the index serves the app's own query at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
        with CaptureQueriesContext(connection) as queries:
            substitutes_for(exercise=bench, user=user)
        [query] = [q["sql"] for q in queries.captured_queries if "primary_muscle_groups" in q["sql"]
                   and "&&" in q["sql"]]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + query)
            plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "idx_exercise_primary_muscle_groups" in plan, plan
