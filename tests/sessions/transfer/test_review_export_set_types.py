"""Review: the Strong CSV export with sets stored as set_type 'normal'. The model's
choices (and the set edit form's select) allow 'normal' beside NULL; the export keyed
its set numbers on NULL only, so a 'normal' set broke the download mid-stream
(KeyError) or was numbered wrongly."""

from __future__ import annotations

import pytest
from django.test import Client

from allworkouts.db import rls_user
from sessions.models import ExerciseSession
from tests.sessions.transfer.conftest import FIXTURES
from tests.sessions.transfer.test_export import body, do_import

pytestmark = pytest.mark.django_db


def test_a_set_stored_as_normal_is_numbered_like_a_normal_set(user):
    do_import(user, FIXTURES.joinpath("strong_workout_number.csv").read_text())
    with rls_user(user.pk):
        assert ExerciseSession.objects.filter(set_type__isnull=True).update(set_type="normal") == 2
    client = Client()
    client.force_login(user)
    lines = body(client.get("/sessions/transfer/export/strong.csv")).splitlines()
    assert [line.split(";")[3] for line in lines[1:]] == ["W", "1", "D", "F", "1"]
