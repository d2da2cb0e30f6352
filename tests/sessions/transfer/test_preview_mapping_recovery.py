"""The preview's unit recount and "add as a new exercise", and an import whose background
worker was killed mid-task (no half import, cleaned up, tried again, nothing twice)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from allworkouts.db import rls_user
from equipment.models import Equipment, Exercise
from sessions.models import ExerciseSession, WorkoutSession
from sessions.transfer import services
from sessions.transfer.models import ExerciseNameMapping, HistoryImport, HistoryImportWorkout
from tests.sessions.transfer.conftest import FIXTURES, generated_strong

pytestmark = pytest.mark.django_db

UNKNOWN = "Zercher Carry Wobble (Sandbag)"
ODD_FILE = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    f"2026-02-02 07:00:00,Odd,30m,{UNKNOWN},1,40,8,0,0,,,\n"
    f"2026-02-02 07:00:00,Odd,30m,{UNKNOWN},2,40,8,0,0,,,\n"
    "2026-02-02 07:00:00,Odd,30m,Squat (Barbell),1,100,5,0,0,,,\n")


@pytest.fixture
def run_worker(monkeypatch):
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def upload(client, name, content):
    response = client.post("/sessions/transfer/", {"file": SimpleUploadedFile(name, content, "text/csv")})
    assert response.status_code == 302
    return response["Location"]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def selected(page: str, index: int) -> str | None:
    found = re.search(rf'name="map-{index}"[^>]*>.*?<option value="([0-9a-f-]+)" selected', page, re.S)
    return found.group(1) if found else None


def visible_sessions(user) -> int:
    with rls_user(user.pk):
        return WorkoutSession.objects.filter(user=user, deleted_at__isnull=True).count()


# --- the unit question recounts the preview ----------------------------------------------

def test_switching_the_unit_recounts_the_preview(user_client):
    detail = upload(user_client, "p.csv", FIXTURES.joinpath("strong_unitless_pounds.csv").read_bytes())
    page = user_client.get(detail).content.decode()
    # The guess is pounds: 135, 225, 315 lb x 5 (315 twice) = 2,245 kg.
    assert "Volume 2,245 kg, heaviest set 142.88 kg, with the file's weights read as lb" in text_of(page)
    as_kg = user_client.post(detail, {"action": "recount", "unit": "kg", "map-0": selected(page, 0),
                                      "map-1": selected(page, 1)}, headers={"HX-Request": "true"})
    body = as_kg.content.decode()
    assert as_kg.status_code == 200 and body.lstrip().startswith('<form method="post"')  # the form alone
    assert "Volume 4,950 kg, heaviest set 315 kg, with the file's weights read as kg" in text_of(body)
    assert re.search(r'value="kg" checked', body) and not re.search(r'value="lb" checked', body)
    assert "4 sets" in text_of(body)
    # Leaving an exercise out is recounted the same way (its sets become "not mapped").
    left_out = user_client.post(detail, {"action": "recount", "unit": "kg", "map-0": selected(page, 0)},
                                headers={"HX-Request": "true"}).content.decode()
    assert "1 workout, 2 sets" in text_of(left_out) and "2 × exercise not mapped" in text_of(left_out)


def test_recount_without_javascript_renders_the_whole_page_and_writes_nothing(user_client, user):
    detail = upload(user_client, "p.csv", FIXTURES.joinpath("strong_unitless_pounds.csv").read_bytes())
    response = user_client.post(detail, {"action": "recount", "unit": "kg"})
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert "read as kg" in text_of(response.content.decode())
    with rls_user(user.pk):
        assert HistoryImport.objects.get(user=user).status == "preview"
        assert not WorkoutSession.objects.exists()


def test_the_preview_recount_of_25000_rows_is_bounded(user_client, django_assert_max_num_queries):
    text, expected = generated_strong(25_000)
    detail = upload(user_client, "big.csv", text.encode())
    page = user_client.get(detail).content.decode()
    fields = {f"map-{i}": selected(page, i) for i in range(6)}
    with django_assert_max_num_queries(16):
        body = user_client.post(detail, {"action": "recount", "unit": "lb", **fields},
                                headers={"HX-Request": "true"}).content.decode()
    assert "read as lb" in body and f"<strong>{expected['workouts']}</strong> workouts" in body


# --- add as a new exercise ------------------------------------------------------------

def _new_exercise_fields(index: int, name: str) -> dict:
    bodyweight = Equipment.objects.get(name="Bodyweight")
    return {f"new-{index}-name": name, f"new-{index}-primary_muscle_groups": ["legs", "core"],
            f"new-{index}-equipment": [str(bodyweight.pk)]}


def test_a_name_the_catalogue_lacks_becomes_a_new_exercise_remembered(user_client, user, run_worker):
    detail = upload(user_client, "odd.csv", ODD_FILE.encode())
    page = user_client.get(detail).content.decode()
    names = sorted([UNKNOWN, "Squat (Barbell)"])
    index, squat = names.index(UNKNOWN), 1 - names.index(UNKNOWN)
    squat_id = selected(page, squat)
    assert f'value="newform:{index}"' in page
    opened = user_client.post(detail, {"action": f"newform:{index}", "unit": "kg", f"map-{squat}": squat_id})
    body = opened.content.decode()
    assert opened.status_code == 200 and f'Add “{UNKNOWN}” as a new exercise' in body
    assert f'name="new-{index}-name" value="{UNKNOWN}"' in body or f'value="{UNKNOWN}"' in body
    assert selected(body, squat) == squat_id  # the other choices survive the round trip

    # Without muscles the form answers with its message and adds nothing.
    fields = _new_exercise_fields(index, "Zercher Sandbag Carry")
    missing = {k: v for k, v in fields.items() if "muscle" not in k}
    refused = user_client.post(detail, {"action": f"newex:{index}", "unit": "kg", f"map-{squat}": squat_id, **missing})
    assert refused.status_code == 400 and "Choose at least one muscle group." in refused.content.decode()
    assert not Exercise.objects.filter(name="Zercher Sandbag Carry").exists()

    added = user_client.post(detail, {"action": f"newex:{index}", "unit": "kg", f"map-{squat}": squat_id, **fields})
    body = added.content.decode()
    assert added.status_code == 200
    exercise = Exercise.objects.get(name="Zercher Sandbag Carry")
    assert (exercise.added_by, exercise.review_status, sorted(exercise.primary_muscle_groups)) == (
        user, "pending", ["core", "legs"])
    assert selected(body, index) == str(exercise.pk) and selected(body, squat) == squat_id
    assert "Added “Zercher Sandbag Carry” to the catalogue" in body
    with rls_user(user.pk):
        assert ExerciseNameMapping.objects.get(user=user, name=UNKNOWN.casefold()).exercise == exercise

    assert user_client.post(detail, {"unit": "kg", f"map-{index}": str(exercise.pk),
                                     f"map-{squat}": squat_id}).status_code == 302
    run_worker()
    with rls_user(user.pk):
        assert ExerciseSession.objects.filter(exercise=exercise).count() == 2
    # The next import of a file with that name maps it without asking.
    with rls_user(user.pk):
        summary = services.dry_run(user=user, parsed=services.parse_text(ODD_FILE.replace("2026-02-02", "2026-03-03")))
    assert summary["exercises"][UNKNOWN] == {"exercise": "Zercher Sandbag Carry", "confidence": "remembered"}


def test_adding_a_name_the_catalogue_has_is_refused_with_the_forms_message(user_client, user):
    detail = upload(user_client, "odd.csv", ODD_FILE.encode())
    index = sorted([UNKNOWN, "Squat (Barbell)"]).index(UNKNOWN)
    before = Exercise.objects.count()
    response = user_client.post(detail, {"action": f"newex:{index}", "unit": "kg",
                                         **_new_exercise_fields(index, "barbell squat")})
    assert response.status_code == 400
    assert "is already in the catalogue: search for it." in response.content.decode()
    assert Exercise.objects.count() == before
    with rls_user(user.pk):
        assert not ExerciseNameMapping.objects.exists()


@pytest.mark.parametrize("action", ["newex:99", "newex:x", "newform:-1", "bogus:1", "newex:"])
def test_odd_actions_answer_without_a_500(user_client, user, action):
    detail = upload(user_client, "odd.csv", ODD_FILE.encode())
    response = user_client.post(detail, {"action": action})
    assert response.status_code == 200
    with rls_user(user.pk):
        assert HistoryImport.objects.get(user=user).status == "preview"


# --- a worker killed mid-task ------------------------------------------------------------

class Killed(BaseException):
    """What SIGKILL looks like from inside: the task stops where it is; no handler runs."""


def _queue(user_client, text: str, user) -> tuple[str, HistoryImport]:
    detail = upload(user_client, "big.csv", text.encode())
    page = user_client.get(detail + "?unit=kg").content.decode()
    fields = dict(re.findall(r'<select id="(map-\d+)" name="map-\d+"[^>]*>.*?<option value="([0-9a-f-]+)" selected',
                             page, re.S))
    assert user_client.post(detail, {"unit": "kg", **fields}).status_code == 302
    with rls_user(user.pk):
        return detail, HistoryImport.objects.get(pk=detail.rstrip("/").rsplit("/", 1)[1])


def _kill_after_chunks(monkeypatch, chunks: int) -> None:
    real_write, written = services._write_chunk, []

    def write(**kwargs):
        if len(written) == chunks:
            raise Killed
        written.append(1)
        return real_write(**kwargs)

    monkeypatch.setattr(services, "_write_chunk", write)


def _task_row(history_import, **fields):
    from django_tasks_db.models import DBTaskResult
    DBTaskResult.objects.filter(pk=history_import.task_id).update(**fields)


def test_a_killed_worker_leaves_no_half_import_and_the_retry_adds_everything_once(
        user_client, user, run_worker, monkeypatch):
    text, expected = generated_strong(2_000)  # 80 workouts
    monkeypatch.setattr(services, "CHUNK_WORKOUTS", 20)
    detail, queued = _queue(user_client, text, user)
    first_task, real_write = queued.task_id, services._write_chunk
    _kill_after_chunks(monkeypatch, 2)
    with rls_user(user.pk), pytest.raises(Killed):
        services.run_queued_import(user=user, import_id=queued.pk, task_id=first_task)
    with rls_user(user.pk):
        running = HistoryImport.objects.get(pk=queued.pk)
        assert (running.status, running.progress) == ("running", 40)
        # 40 workouts are written, but hidden: history, last time and records see none.
        assert HistoryImportWorkout.objects.filter(history_import=running).count() == 40
    assert visible_sessions(user) == 0
    assert "No workouts here yet" in user_client.get("/sessions/").content.decode()

    # Its worker took the task (RUNNING) and went quiet: not stale for a few minutes...
    _task_row(running, status="RUNNING", started_at=timezone.now())
    assert 'id="import-bar"' in user_client.get(detail).content.decode()
    # ...then stale: the page cleans up what it had written and offers to try again.
    with rls_user(user.pk):
        HistoryImport.objects.filter(pk=queued.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=6))
    page = user_client.get(detail).content.decode()
    assert "interrupted" in page and "Try again" in page
    with rls_user(user.pk):
        assert HistoryImport.objects.get(pk=queued.pk).status == "failed"
        assert not WorkoutSession.objects.exists() and not ExerciseSession.objects.exists()
        assert not HistoryImportWorkout.objects.exists()

    monkeypatch.setattr(services, "_write_chunk", real_write)
    assert user_client.post(f"{detail}retry/").status_code == 302
    with rls_user(user.pk):
        retried = HistoryImport.objects.get(pk=queued.pk)
    assert retried.status == "running" and retried.task_id != first_task
    # The old worker, had it only been paused, writes nothing more now.
    with rls_user(user.pk):
        services.run_queued_import(user=user, import_id=queued.pk, task_id=first_task)
        assert not WorkoutSession.objects.exists()
    run_worker()
    with rls_user(user.pk):
        done = HistoryImport.objects.get(pk=queued.pk)
        assert (done.status, done.summary["workouts"], done.summary["sets"]) == (
            "done", expected["workouts"], 2_000)
        assert ExerciseSession.objects.count() == 2_000
    assert visible_sessions(user) == expected["workouts"]
    assert "No workouts here yet" not in user_client.get("/sessions/").content.decode()
    # Trying again once done does nothing.
    assert user_client.post(f"{detail}retry/").status_code == 302
    assert visible_sessions(user) == expected["workouts"]


@pytest.mark.parametrize("task_status,heartbeat_minutes,stale", [
    ("READY", 60, False),  # still queued: waits for a worker, however long
    ("RUNNING", 1, False),
    ("RUNNING", 6, True),
    ("FAILED", 0, True),  # the task row ended, the import never finished
    ("SUCCESSFUL", 0, True),
])
def test_when_a_running_import_counts_as_stale(user_client, user, task_status, heartbeat_minutes, stale):
    _, queued = _queue(user_client, FIXTURES.joinpath("hevy_kg.csv").read_text(), user)
    _task_row(queued, status=task_status, started_at=timezone.now() - timedelta(minutes=heartbeat_minutes))
    with rls_user(user.pk):
        if task_status != "READY":
            HistoryImport.objects.filter(pk=queued.pk).update(
                heartbeat_at=timezone.now() - timedelta(minutes=heartbeat_minutes))
        queued.refresh_from_db()
        assert services.is_stale(queued) is stale
    user_client.get("/sessions/transfer/")  # the import list cleans up too
    with rls_user(user.pk):
        queued.refresh_from_db()
    assert queued.status == ("failed" if stale else "running")


def test_a_normal_failure_can_be_tried_again(user_client, user, run_worker, monkeypatch):
    detail, queued = _queue(user_client, FIXTURES.joinpath("hevy_kg.csv").read_text(), user)
    real_write = services._write_chunk

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_write_chunk", broken)
    run_worker()
    assert "Try again" in user_client.get(detail).content.decode()
    monkeypatch.setattr(services, "_write_chunk", real_write)
    user_client.post(f"{detail}retry/")
    run_worker()
    with rls_user(user.pk):
        assert HistoryImport.objects.get(pk=queued.pk).status == "done"
        assert ExerciseSession.objects.count() == 5


# --- the lifter's time zone --------------------------------------------------------------

def test_times_are_the_lifters_wall_clock_in_the_worker_the_command_and_the_export(run_worker):
    """A file's times are wall-clock times where the lifter trained: the background task
    and the command read them in the user's zone as the preview does, and the export
    writes them back the same, so a round trip keeps 18:00 at 18:00."""
    from django.test import Client

    from tests.factories import UserFactory
    lifter = UserFactory(time_zone="Europe/Berlin")
    client = Client()
    client.force_login(lifter)
    text = FIXTURES.joinpath("strong_unitless_pounds.csv").read_text()  # 2026-01-05 18:00:00
    detail = upload(client, "p.csv", text.encode())
    page = client.get(detail).content.decode()
    client.post(detail, {"unit": "lb", "map-0": selected(page, 0), "map-1": selected(page, 1)})
    run_worker()
    with rls_user(lifter.pk):
        (session,) = WorkoutSession.objects.filter(user=lifter)
    assert session.created_at.isoformat() == "2026-01-05T17:00:00+00:00"  # 18:00 in Berlin
    exported = b"".join(client.get("/sessions/transfer/export/strong.csv").streaming_content).decode()
    assert exported.splitlines()[1].startswith("2026-01-05 18:00:00;")

    other = UserFactory(time_zone="America/New_York")
    call_command("import_history", str(FIXTURES / "strong_unitless_pounds.csv"), "--user", other.email,
                 "--unit", "lb", verbosity=0)
    with rls_user(other.pk):
        (session,) = WorkoutSession.objects.filter(user=other)
    assert session.created_at.isoformat() == "2026-01-05T23:00:00+00:00"  # 18:00 in New York


# --- searching the catalogue for a row ------------------------------------------------------

def test_a_row_searches_the_catalogue_and_chooses_the_best_result(user_client, user):
    detail = upload(user_client, "odd.csv", ODD_FILE.encode())
    page = user_client.get(detail).content.decode()
    names = sorted([UNKNOWN, "Squat (Barbell)"])
    index, squat = names.index(UNKNOWN), 1 - names.index(UNKNOWN)
    squat_id = selected(page, squat)
    found = user_client.post(detail, {"action": f"search:{index}", f"search-{index}": "  front   squat ",
                                      "unit": "kg", f"map-{squat}": squat_id})
    body = found.content.decode()
    assert found.status_code == 200
    best = Exercise.objects.get(pk=selected(body, index))
    assert best.name == "Front Barbell Squat"
    assert 'value="front squat"' in body and "in the list above; the best is chosen" in body
    assert selected(body, squat) == squat_id and "2 sets" in text_of(body)
    nothing = user_client.post(detail, {"action": f"search:{index}", f"search-{index}": "qqzzxxkk",
                                        "unit": "kg"}).content.decode()
    assert "No exercise in the catalogue matches “qqzzxxkk”." in nothing
    blank = user_client.post(detail, {"action": f"search:{index}", f"search-{index}": " ", "unit": "kg"})
    assert blank.status_code == 200 and "matches" not in blank.content.decode()
    with rls_user(user.pk):
        assert HistoryImport.objects.get(user=user).status == "preview" and not WorkoutSession.objects.exists()
