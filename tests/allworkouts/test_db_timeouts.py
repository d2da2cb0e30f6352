"""Database timeouts: a frozen database gives a quick, clear answer (the 503 page, or a
line for HTMX) instead of a request hanging until gunicorn kills the worker, and
nothing the request wrote stays."""

import socket
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections
from django.urls import path

from allworkouts.db import rls_user
from plans.models import WorkoutPlan

pytestmark = pytest.mark.django_db


def write_then_freeze(request):
    WorkoutPlan.objects.create(user=request.user, name="half-saved")
    with connection.cursor() as cursor:
        # As if the database froze: this statement runs past the (lowered) timeout.
        cursor.execute("SET LOCAL statement_timeout = '300ms'")
        cursor.execute("SELECT pg_sleep(10)")


urlpatterns = [path("freeze/", write_then_freeze)]
handler500 = "allworkouts.errors.server_error"


def test_every_connection_has_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"
    assert settings.DB_STATEMENT_TIMEOUT_MS == 15_000 and settings.DB_CONNECT_TIMEOUT_SECONDS == 5


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("htmx", [False, True])
def test_a_statement_past_the_timeout_answers_503_at_once_and_saves_nothing(client, user, htmx):
    client.raise_request_exception = False
    client.force_login(user)
    started = time.monotonic()
    response = client.get("/freeze/", **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
    assert time.monotonic() - started < 5
    assert response.status_code == 503 and response["Retry-After"] == "30"
    body = response.content.decode()
    if htmx:
        assert body.startswith("We'll be right back") and "<" not in body
    else:
        assert "We'll be right back" in body and "<html" in body
    with rls_user(user.pk):
        assert not WorkoutPlan.objects.filter(name="half-saved").exists()


def test_a_database_that_never_answers_gives_up_after_the_connect_timeout():
    # A server that accepts the connection and then says nothing, like a frozen one.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        params = {**connection.settings_dict, "HOST": "127.0.0.1", "PORT": silent.getsockname()[1]}
        frozen = type(connections["default"])(params, alias="frozen")
        started = time.monotonic()
        with pytest.raises(OperationalError):
            frozen.ensure_connection()
        elapsed = time.monotonic() - started
    assert settings.DB_CONNECT_TIMEOUT_SECONDS - 1 <= elapsed < settings.DB_CONNECT_TIMEOUT_SECONDS + 3, elapsed
