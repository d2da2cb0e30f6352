"""Bad input answers 4xx with a message, never a 500: weights that break decimal
arithmetic on set log and edit, and `next` values that are not a path on this site."""

import uuid
from decimal import Decimal

import pytest
from django.test import Client

from allworkouts.db import rls_user
from allworkouts.units import WeightError, to_kg
from plans import services as plan_services
from plans.services import ExerciseSpec
from sessions.models import ExerciseSession, WorkoutSession
from tests.factories import PASSWORD, exercise_named

pytestmark = pytest.mark.django_db

ABSURD_WEIGHTS = [
    ("1e26", "That weight is too large."),
    ("1e309", "That weight is too large."),
    ("9" * 27, "That weight is too large."),
    ("1E+999999999", "That weight is too large."),
    ("NaN", "Enter the weight as a number"),
    ("sNaN", "Enter the weight as a number"),
    ("Infinity", "Enter the weight as a number"),
    ("-Infinity", "Enter the weight as a number"),
]


@pytest.mark.parametrize("unit_system", ["metric", "imperial"])
@pytest.mark.parametrize(("weight", "message"), ABSURD_WEIGHTS)
def test_absurd_weights_are_a_weight_error(weight, message, unit_system):
    with pytest.raises(WeightError, match=message):
        to_kg(weight, unit_system)


def test_the_largest_storable_weight_still_parses():
    assert to_kg("99999999.99", "metric") == Decimal("99999999.99")
    with pytest.raises(WeightError, match="too large"):
        to_kg("100000000", "metric")


def _session(client, user):
    squat = exercise_named("Barbell Squat")
    with rls_user(user.pk):
        plan = plan_services.plan_create(user=user, name="A", exercises=[
            ExerciseSpec(exercise=squat, sets=3, reps_min=5, reps_max=5, rest_time_seconds=60)])
    response = client.post(f"/sessions/start/{plan.pk}/")
    assert response.status_code == 302
    with rls_user(user.pk):
        return WorkoutSession.objects.get(pk=response.url.split("/")[2]), squat


@pytest.mark.parametrize(("weight", "message"), ABSURD_WEIGHTS)
def test_absurd_weight_on_set_log_is_400_with_message_and_stores_nothing(user_client, user, weight, message):
    session, squat = _session(user_client, user)
    response = user_client.post(
        f"/sessions/{session.pk}/sets/",
        {"id": str(uuid.uuid4()), "exercise": str(squat.pk), "weight": weight, "reps": "5", "number": "1"},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert message in response.content.decode()
    with rls_user(user.pk):
        assert not ExerciseSession.objects.exists()


@pytest.mark.parametrize(("weight", "message"), ABSURD_WEIGHTS)
def test_absurd_weight_on_set_edit_is_400_with_message_and_changes_nothing(user_client, user, weight, message):
    session, squat = _session(user_client, user)
    set_id = uuid.uuid4()
    logged = user_client.post(
        f"/sessions/{session.pk}/sets/",
        {"id": str(set_id), "exercise": str(squat.pk), "weight": "100", "reps": "5", "number": "1"},
        HTTP_HX_REQUEST="true")
    assert logged.status_code == 200
    response = user_client.post(f"/sessions/{session.pk}/sets/{set_id}/", {"weight": weight, "reps": "5"})
    assert response.status_code == 400
    assert message in response.content.decode()
    with rls_user(user.pk):
        assert ExerciseSession.objects.get(pk=set_id).weight == Decimal("100.00")


UNSAFE_NEXT = ["foo", "home", "//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)",
               "http://testserver.evil/", ""]


@pytest.mark.parametrize("next_url", UNSAFE_NEXT)
def test_login_ignores_a_next_that_is_not_a_local_path(user, next_url):
    client = Client()
    page = client.get("/login/", {"next": next_url})
    assert page.status_code == 200
    response = client.post(f"/login/?next={next_url}", {"email": user.email, "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response.url == "/"
    # The log-in worked: the next page is the user's.
    assert client.get("/").status_code == 200


def test_login_follows_a_local_next(user):
    client = Client()
    response = client.post("/login/", {"email": user.email, "password": PASSWORD, "next": "/sessions/"})
    assert (response.status_code, response.url) == (302, "/sessions/")


@pytest.mark.parametrize("next_url", UNSAFE_NEXT)
def test_abandon_ignores_a_next_that_is_not_a_local_path(user_client, user, next_url):
    session, _ = _session(user_client, user)
    response = user_client.post(f"/sessions/{session.pk}/abandon/", {"next": next_url})
    # Back to the workout's own page (where it can be resumed), not to `next`.
    assert (response.status_code, response.url) == (302, f"/sessions/{session.pk}/")
    with rls_user(user.pk):
        session.refresh_from_db()
        assert session.status == "abandoned"


def test_abandon_follows_a_local_next(user_client, user):
    session, _ = _session(user_client, user)
    response = user_client.post(f"/sessions/{session.pk}/abandon/", {"next": "/plans/"})
    assert (response.status_code, response.url) == (302, "/plans/")
