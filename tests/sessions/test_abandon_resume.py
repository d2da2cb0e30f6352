"""Abandon asks first; an abandoned workout can be resumed for a day; "last time"
prefers the last completed workout."""

import datetime as dt

import pytest
from django.utils import timezone

from allworkouts.db import rls_user
from sessions.models import SessionStatus, WorkoutSession
from tests.factories import exercise_named
from tests.sessions.test_sessions import finished, log, make_plan, start

pytestmark = pytest.mark.django_db


def _status(user, session):
    with rls_user(user.pk):
        return WorkoutSession.objects.get(pk=session.pk).status


def test_abandon_asks_first_then_the_workout_can_be_resumed(user_client, user):
    with rls_user(user.pk):
        session = start(user_client, make_plan(user))
    workout = user_client.get(f"/sessions/{session.pk}/workout/").content.decode()
    assert f'href="/sessions/{session.pk}/abandon/"' in workout  # a link to a question, not a POST
    question = user_client.get(f"/sessions/{session.pk}/abandon/")
    assert "Abandon this workout?" in question.content.decode()
    assert _status(user, session) == SessionStatus.IN_PROGRESS  # asking changes nothing
    response = user_client.post(f"/sessions/{session.pk}/abandon/", {"next": "https://evil.example/"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/sessions/{session.pk}/"
    page = response.content.decode()
    assert "You can resume it for a day" in page and "Resume this workout" in page
    assert _status(user, session) == SessionStatus.ABANDONED
    response = user_client.post(f"/sessions/{session.pk}/resume/")
    assert response.status_code == 302 and response.url == f"/sessions/{session.pk}/workout/"
    assert _status(user, session) == SessionStatus.IN_PROGRESS


def test_resume_is_refused_after_a_day_or_with_another_workout_open(user_client, user):
    plan = make_plan(user)
    with rls_user(user.pk):
        old = start(user_client, plan)
    user_client.post(f"/sessions/{old.pk}/abandon/")
    with rls_user(user.pk):
        WorkoutSession.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(hours=25))
    assert "Resume this workout" not in user_client.get(f"/sessions/{old.pk}/").content.decode()
    response = user_client.post(f"/sessions/{old.pk}/resume/", follow=True)
    assert "be resumed any more: only an abandoned workout" in response.content.decode()
    assert _status(user, old) == SessionStatus.ABANDONED

    with rls_user(user.pk):
        recent = start(user_client, plan)
    user_client.post(f"/sessions/{recent.pk}/abandon/")
    with rls_user(user.pk):
        other = start(user_client, plan)
    response = user_client.post(f"/sessions/{recent.pk}/resume/", follow=True)
    assert "Another workout is in progress" in response.content.decode()
    assert (_status(user, recent), _status(user, other)) == (SessionStatus.ABANDONED, SessionStatus.IN_PROGRESS)


def test_last_time_prefers_the_last_completed_workout(user_client, user):
    squat = exercise_named("Barbell Squat")
    plan = make_plan(user, names=("Barbell Squat",))
    finished(user_client, user, plan, (squat, 100, 5))  # completed
    with rls_user(user.pk):
        abandoned = start(user_client, plan)
    log(user_client, abandoned, squat, 40, 3)  # a bad day, abandoned
    user_client.post(f"/sessions/{abandoned.pk}/abandon/")
    with rls_user(user.pk):
        today = start(user_client, plan)
    page = user_client.get(f"/sessions/{today.pk}/workout/").content.decode()
    assert "100 kg × 5" in page and "40 kg × 3" not in page
