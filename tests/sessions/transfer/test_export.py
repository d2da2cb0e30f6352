"""Exports: Strong-compatible CSV, all my data as JSON, streamed, RLS-covered; round trip."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.test import Client

from allworkouts.db import rls_user
from records.models import PersonalRecord
from sessions.models import ExerciseSession, WorkoutSession
from sessions.transfer import services
from tests.factories import UserFactory
from tests.sessions.transfer.conftest import FIXTURES, generated_strong

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def do_import(user, text, unit="kg"):
    with rls_user(user.pk):
        parsed = services.parse_text(text)
        history_import = services.create_import(user=user, filename="f.csv", text=text, parsed=parsed)
        return services.run_import(user=user, history_import=history_import, unit=unit)


def snapshot(user):
    with rls_user(user.pk):
        sessions = [(s.created_at, s.status) for s in WorkoutSession.objects.filter(user=user).order_by("created_at")]
        sets = sorted((s.workout_session.created_at, s.exercise.name, s.weight, s.reps, s.set_type, s.rpe, s.notes)
                      for s in ExerciseSession.objects.filter(workout_session__user=user)
                      .select_related("exercise", "workout_session"))
        records = sorted((r.exercise.name, r.record_type, r.value)
                         for r in PersonalRecord.objects.filter(user=user).select_related("exercise"))
    return sessions, sets, records


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_strong_csv_is_streamed_with_unit_per_row_strong_names_and_set_types(user):
    do_import(user, FIXTURES.joinpath("strong_workout_number.csv").read_text())
    response = login(user).get("/sessions/transfer/export/strong.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="allworkouts-strong-')
    lines = body(response).splitlines()
    assert lines[0] == ("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
                        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration")
    assert len(lines) == 1 + 5
    assert [line.split(";")[3] for line in lines[1:]] == ["W", "1", "D", "F", "1"]  # Strong's set orders
    first = lines[1].split(";")
    assert first[:7] == ["2026-04-08 16:50:00", "Push", "Bench Press (Barbell)",
                         "W", "40", "kg", "10"]
    assert first[-1] == "1h 38m"
    assert all(line.split(";")[5] == "kg" for line in lines[1:])


def test_imperial_user_exports_pounds(db):
    user = UserFactory(unit_system="imperial")
    do_import(user, FIXTURES.joinpath("hevy_lbs.csv").read_text())
    lines = body(login(user).get("/sessions/transfer/export/strong.csv")).splitlines()
    assert [line.split(";")[4:6] for line in lines[1:4]] == [["135", "lbs"], ["225", "lbs"], ["225", "lbs"]]


def test_all_data_json_has_every_section_and_only_the_users_rows(user, other_user):
    do_import(user, FIXTURES.joinpath("hevy_kg.csv").read_text())
    do_import(other_user, FIXTURES.joinpath("strong_semicolon.csv").read_text())
    response = login(user).get("/sessions/transfer/export/data.json")
    assert response.streaming
    data = json.loads(body(response))
    assert set(data) == {"exported_at", "user", "equipment", "plans", "plan_exercises", "sessions", "sets",
                         "records", "import_logs", "history_imports", "exercise_name_mappings"}
    assert data["user"]["email"] == user.email
    assert set(data["user"]) == {"email", "unit_system", "time_zone", "default_rest_seconds", "bar_weight_kg",
                                 "plates_kg", "created_at"}  # the settings, never the password hash
    assert len(data["sessions"]) == 1 and len(data["sets"]) == 5
    with rls_user(user.pk):  # whatever the matcher chose for the file's names
        names = set(ExerciseSession.objects.filter(workout_session__user=user).values_list("exercise__name", flat=True))
    assert {s["exercise__name"] for s in data["sets"]} == names and "Barbell Bench Press - Medium Grip" in names
    assert [h["format"] for h in data["history_imports"]] == ["hevy"]
    assert len(data["records"]) == 6


def test_exports_run_as_many_queries_for_3000_sets_as_for_300(user, other_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(account, rows):
        do_import(account, generated_strong(rows)[0])
        client, counted = login(account), []
        for url, check in (("/sessions/transfer/export/strong.csv", lambda b: len(b.splitlines()) - 1),
                           ("/sessions/transfer/export/data.json", lambda b: len(json.loads(b)["sets"]))):
            with CaptureQueriesContext(connection) as context:
                assert check(body(client.get(url))) == rows
            counted.append(len(context))
        return counted

    small, large = queries(other_user, 300), queries(user, 3000)
    assert small == large and max(large) <= 25, (small, large)


def test_round_trip_into_a_fresh_account(user):
    text, _ = generated_strong(600)
    do_import(user, text)
    do_import(user, FIXTURES.joinpath("strong_workout_number.csv").read_text())
    exported = body(login(user).get("/sessions/transfer/export/strong.csv"))
    fresh = UserFactory()
    summary = do_import(fresh, exported, unit=None)
    assert summary["format"] == "strong" and summary["unit"] == "kg"
    assert summary["skipped"] == {}
    assert all(m["confidence"] == "high" for m in summary["exercises"].values()), summary["exercises"]
    before, after = snapshot(user), snapshot(fresh)
    assert after == before
    volume = sum(w * r for _, _, w, r, *_ in after[1])
    assert Decimal(str(summary["volume_kg"])) == volume


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_exported_as_text_and_imported_back(user):
    # Free text that starts like a formula: a workout named by the lifter, notes.
    text = ('"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";'
            '"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
            '"1";"2026-04-08 16:50:00";"=HYPERLINK(""http://evil.example"")";"3600";"Bench Press (Barbell)";'
            '"1";"60";"5";"";"";"";"-2 kg next time";"@gym A"\n'
            '"1";"2026-04-08 16:50:00";"=HYPERLINK(""http://evil.example"")";"3600";"Bench Press (Barbell)";'
            '"2";"60";"5";"";"";"";"x";""\n')
    do_import(user, text)
    with rls_user(user.pk):  # a note the lifter typed in the app, starting with an apostrophe
        ExerciseSession.objects.filter(notes="x").update(notes="'-quoted")
    exported = body(login(user).get("/sessions/transfer/export/strong.csv"))
    cells = exported.splitlines()[1].split(";")
    assert cells[1] == '"\'=HYPERLINK(""http://evil.example"")"'  # a spreadsheet shows it as text
    assert cells[11:13] == ["'-2 kg next time", "'@gym A"]
    assert cells[2] == "Bench Press (Barbell)" and cells[4] == "60"  # other cells as they were
    fresh = UserFactory()
    do_import(fresh, exported, unit=None)
    with rls_user(fresh.pk):
        logged, quoted = ExerciseSession.objects.select_related("workout_session__workout_plan").order_by("set_number")
    assert logged.notes == "-2 kg next time" and logged.workout_session.notes == "@gym A"
    assert quoted.notes == "'-quoted"  # a note that starts with an apostrophe keeps it
    assert logged.workout_session.workout_plan.name == '=HYPERLINK("http://evil.example")'
