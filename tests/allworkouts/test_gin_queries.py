"""The muscle-group containment the app itself runs uses the GIN index: the query is
taken from the requests that make it (the plan builder's muscle filter, the admin's
primary-muscle filter), not written by the test, so the test fails when the app's
query stops being one the index can serve."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allworkouts.db import rls_user
from plans.models import WorkoutPlan
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _containment_query(client, url, params) -> str:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    containment = [q["sql"] for q in queries.captured_queries
                   if '"primary_muscle_groups" @>' in q["sql"] and "COUNT(" not in q["sql"].upper()]
    assert containment, "the request ran no containment query"
    return containment[0], response.content.decode()


def _plan(query: str) -> str:
    with connection.cursor() as cursor:
        # The catalogue is small enough for a sequential scan to be cheaper; forbid it
        # to see that the index can serve the query at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + query)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plan


def test_the_plan_builders_muscle_filter_uses_the_gin_index(user_client, user):
    with rls_user(user.pk):
        plan = WorkoutPlan.objects.create(user=user, name="Mine")
    query, html = _containment_query(user_client, reverse("plans:exercise_search", args=[plan.pk]),
                                     {"muscle": "lats"})
    assert 'class="result"' in html and "Barbell Squat" not in html
    assert "idx_exercise_primary_muscle_groups" in _plan(query)


def test_the_admins_muscle_filter_uses_the_gin_index(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    query, html = _containment_query(client, reverse("admin:equipment_exercise_changelist"), {"muscle": "lats"})
    assert "Pullups" in html and "Barbell Squat" not in html
    assert "idx_exercise_primary_muscle_groups" in _plan(query)
