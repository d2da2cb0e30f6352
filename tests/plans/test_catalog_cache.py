"""plans.selectors.catalog_entries is kept per process: a call while the catalogue is
unchanged is one small fingerprint query and the same tuple (so the parser finds its
matcher at once); any change - an admin's save or delete, a user's new exercise, a merge,
a write from another process - is seen by the next call."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from equipment.models import Equipment, Exercise, ReviewStatus
from equipment.services import exercise_add_by_user, exercise_approve
from plans.selectors import catalog_entries
from tests.equipment.test_admin import admin_client, exercise_form  # noqa: F401 (fixture)
from tests.factories import exercise_named

pytestmark = pytest.mark.django_db


def names() -> set[str]:
    return {e.name for e in catalog_entries()}


def test_an_unchanged_catalogue_is_one_small_query_and_the_same_tuple():
    first = catalog_entries()
    assert len(first) == Exercise.objects.count() > 500
    with CaptureQueriesContext(connection) as queries:
        again = catalog_entries()
    assert again is first
    assert len(queries) == 1 and "md5" in queries[0]["sql"] and '"exercise"."name"' not in queries[0]["sql"]


def test_an_exercise_a_user_adds_is_in_the_next_parse_and_stays_when_approved(user):
    catalog_entries()
    added = exercise_add_by_user(user=user, name="Landmine Meadows Row", primary_muscle_groups=["back"],
                                 equipment=[Equipment.objects.get(name="Barbell")])
    with CaptureQueriesContext(connection) as queries:
        assert "Landmine Meadows Row" in names()
    assert len(queries) == 2  # the fingerprint changed: the names are read again
    exercise_approve(exercises=[added])
    assert Exercise.objects.get(pk=added.pk).review_status == ReviewStatus.APPROVED
    assert "Landmine Meadows Row" in names()


def test_an_admins_rename_and_delete_are_seen(admin_client):  # noqa: F811 (fixture)
    catalog_entries()
    response = admin_client.post(reverse("admin:equipment_exercise_add"), exercise_form(name="Zercher Good Morning"))
    assert response.status_code == 302
    assert "Zercher Good Morning" in names()
    added = Exercise.objects.get(name="Zercher Good Morning")
    response = admin_client.post(reverse("admin:equipment_exercise_change", args=[added.pk]),
                                 exercise_form(name="Zercher Good-Morning"))
    assert response.status_code == 302
    assert "Zercher Good-Morning" in names() and "Zercher Good Morning" not in names()
    response = admin_client.post(reverse("admin:equipment_exercise_delete", args=[added.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert "Zercher Good-Morning" not in names()


def test_a_change_no_signal_would_see_is_seen(user):
    """A rename written by SQL (the merge's function, another process) keeps neither
    signals nor updated_at informed; the fingerprint still changes."""
    before = catalog_entries()
    squat = exercise_named("Barbell Squat")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE exercise SET name = 'Barbell Back Squat (renamed)' WHERE id = %s", [squat.pk])
    after = catalog_entries()
    assert after is not before
    assert "Barbell Back Squat (renamed)" in {e.name for e in after} and "Barbell Squat" not in {e.name for e in after}


def test_the_import_parses_against_the_current_catalogue(user_client, user):
    from tests.plans.test_import import preview

    assert '<span class="row-summary-name">Landmine Meadows Row</span>' not in preview(user_client, "Landmine Meadows Row 3x8").content.decode()
    exercise_add_by_user(user=user, name="Landmine Meadows Row", primary_muscle_groups=["back"],
                         equipment=[Equipment.objects.get(name="Barbell")])
    html = preview(user_client, "Landmine Meadows Row 3x8").content.decode()
    assert '<span class="row-summary" title="Landmine Meadows Row 3x8"><span class="row-summary-name">Landmine Meadows Row</span><span class="row-summary-numbers">3 x 8</span></span>' in html
