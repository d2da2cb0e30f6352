"""The web flow: upload, preview (unit question, skipped rows, mapping), import, undo."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from allworkouts.db import rls_user
from equipment.models import Exercise
from sessions.models import ExerciseSession, WorkoutSession
from sessions.transfer.models import HistoryImport
from tests.sessions.transfer.conftest import FIXTURES, generated_strong

pytestmark = pytest.mark.django_db


def upload(client, name, content=None):
    content = content if content is not None else FIXTURES.joinpath(name).read_bytes()
    return client.post("/sessions/transfer/", {"file": SimpleUploadedFile(name, content, "text/csv")})


def test_profile_links_to_import_and_export(user_client):
    page = user_client.get("/profile/").content.decode()
    assert 'href="/sessions/transfer/"' in page and 'href="/sessions/transfer/export/"' in page
    assert 'href="/sessions/transfer/export/data.json"' in page


def test_upload_preview_map_import_and_undo(user_client, user):
    response = upload(user_client, "strong_unitless_pounds.csv")
    assert response.status_code == 302
    detail = response["Location"]
    page = user_client.get(detail).content.decode()
    assert "These look like pounds: 135, 225, 315" in re.sub(r"\s+", " ", page)
    assert "1 workout, 4 sets" in re.sub(r"<[^>]+>", "", page)
    with rls_user(user.pk):
        assert not WorkoutSession.objects.exists()
        front = Exercise.objects.filter(name__icontains="squat").exclude(name="Barbell Squat").order_by("name").first()
    names = sorted(["Squat (Barbell)", "Deadlift (Barbell)"])
    squat_index = names.index("Squat (Barbell)")
    deadlift = re.search(rf'name="map-{1 - squat_index}">.*?<option value="([0-9a-f-]+)" selected', page, re.S).group(1)
    response = user_client.post(detail, {"unit": "lb", f"map-{squat_index}": str(front.pk),
                                         f"map-{1 - squat_index}": deadlift})
    assert response.status_code == 302
    with rls_user(user.pk):
        sets = list(ExerciseSession.objects.filter(workout_session__user=user).select_related("exercise")
                    .order_by("created_at"))
        assert [(s.exercise.name, str(s.weight)) for s in sets] == [
            (front.name, "61.23"), (front.name, "102.06"), ("Barbell Deadlift", "142.88"), ("Barbell Deadlift", "142.88")]
    done = user_client.get(detail).content.decode()
    assert "Imported" in done and "Undo this import" in done
    history = user_client.get("/sessions/").content.decode()
    assert "5 Jan" in history
    # A second upload of the same file remembers the choice and finds nothing new.
    second = user_client.get(upload(user_client, "strong_unitless_pounds.csv")["Location"]).content.decode()
    assert "remembered" in second and "0 workouts" in re.sub(r"<[^>]+>", "", second)
    assert user_client.post(f"{detail}undo/").status_code == 302
    with rls_user(user.pk):
        assert not WorkoutSession.objects.exists()


def test_leaving_an_exercise_out_skips_its_sets(user_client, user):
    detail = upload(user_client, "strong_semicolon.csv")["Location"]
    user_client.post(detail, {})  # every select left at "Leave out for now"
    with rls_user(user.pk):
        imported = HistoryImport.objects.get(user=user)
        assert imported.summary["skipped"]["exercise not mapped"] == 4
        assert not ExerciseSession.objects.exists()


@pytest.mark.parametrize("name,content,message", [
    ("photo.png", FIXTURES.joinpath("image.png").read_bytes(), "not a CSV file"),
    ("people.csv", b"name,age\nAnn,3\n", "not those of a Strong"),
    ("cut.csv", FIXTURES.joinpath("half_cut.csv").read_bytes(), "cut off"),
    ("big.csv", b"Date,Exercise\n" + b"1" * (11 * 1024 * 1024), "larger than 10 MB"),
    ("empty.csv", b"", "empty"),
])
def test_bad_uploads_answer_400_with_a_message_and_write_nothing(user_client, user, name, content, message):
    response = upload(user_client, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    with rls_user(user.pk):
        assert not HistoryImport.objects.exists() and not WorkoutSession.objects.exists()


def test_another_users_import_is_404(user_client, other_user, client):
    client.force_login(other_user)
    detail = upload(client, "hevy_kg.csv")["Location"]
    assert user_client.get(detail).status_code == 404
    assert user_client.post(detail, {}).status_code == 404
    assert user_client.post(f"{detail}undo/").status_code == 404


def test_preview_of_25000_rows_is_fast_and_bounded(user_client, django_assert_max_num_queries):
    import time
    text, expected = generated_strong(25_000)
    detail = upload(user_client, "big.csv", text.encode())["Location"]
    began = time.perf_counter()
    with django_assert_max_num_queries(15):
        page = user_client.get(detail + "?unit=kg").content.decode()
    assert time.perf_counter() - began < 3
    assert f"{expected['workouts']:,}".replace(",", "") in page and "25000" in page
