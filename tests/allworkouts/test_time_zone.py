"""The user's time zone: set from the phone the first time, changeable in the profile,
and every date shown in it."""

import datetime as dt

import pytest
from django.utils import timezone

from allworkouts.db import rls_user
from sessions.models import ExerciseSession, WorkoutSession
from tests.factories import exercise_named
from tests.sessions.test_sessions import finished, make_plan

pytestmark = pytest.mark.django_db


def test_the_phone_sets_the_zone_once_and_never_over_the_users_choice(user_client, user):
    response = user_client.post("/profile/time-zone/", {"time_zone": "Europe/Berlin", "detected": "1"})
    assert response.status_code == 204
    user.refresh_from_db()
    assert user.time_zone == "Europe/Berlin"
    user_client.post("/profile/time-zone/", {"time_zone": "Asia/Tokyo", "detected": "1"})
    user.refresh_from_db()
    assert user.time_zone == "Europe/Berlin"
    # The body no longer asks the phone once a zone is known.
    assert "data-detect-time-zone" not in user_client.get("/profile/").content.decode()


def test_the_profile_changes_the_zone_and_refuses_an_unknown_one(user_client, user):
    page = user_client.get("/profile/").content.decode()
    assert 'data-detect-time-zone="/profile/time-zone/"' in page
    response = user_client.post("/profile/time-zone/", {"time_zone": "America/New_York"}, follow=True)
    assert "Times are now shown in America/New_York." in response.content.decode()
    for bad in ("Mars/Olympus", "", "x" * 10_000, "Europe/Berlin\x00"):
        response = user_client.post("/profile/time-zone/", {"time_zone": bad})
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode() or "required" in response.content.decode()
    user.refresh_from_db()
    assert user.time_zone == "America/New_York"


def test_dates_follow_the_users_day(user_client, user):
    squat = exercise_named("Barbell Squat")
    session = finished(user_client, user, make_plan(user, names=("Barbell Squat",)), (squat, 100, 5))
    late = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)  # already 1 December in Berlin
    with rls_user(user.pk):
        WorkoutSession.objects.filter(pk=session.pk).update(created_at=late)
        ExerciseSession.objects.filter(workout_session=session).update(created_at=late)

    def trained_days(month):
        html = user_client.get(f"/calendar/?month={month}").content.decode()
        return [line for line in html.split("<td") if line.startswith(' class="trained')]

    assert len(trained_days("2026-11")) == 1 and trained_days("2026-12") == []
    detail_utc = user_client.get(f"/sessions/{session.pk}/").content.decode()
    user_client.post("/profile/time-zone/", {"time_zone": "Europe/Berlin"})
    assert trained_days("2026-11") == [] and len(trained_days("2026-12")) == 1
    detail_berlin = user_client.get(f"/sessions/{session.pk}/").content.decode()
    assert "30 Nov" in detail_utc and "1 Dec" in detail_berlin and "30 Nov" not in detail_berlin
    assert timezone.get_current_timezone_name() == "UTC"  # nothing leaks past the request
