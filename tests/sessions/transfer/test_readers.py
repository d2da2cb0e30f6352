"""The readers on fixture files built from the published export formats (see
fixtures/README.md): detection, and every trap real files contain."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from sessions.transfer.readers import (
    MAX_BYTES, ExportFileError, SetRow, Skipped, guess_unit, parse_datetime, parse_duration, read_export,
)

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str):
    export = read_export(open(FIXTURES / name, "rb"))
    rows = list(export.rows)
    sets = [r for r in rows if isinstance(r, SetRow)]
    skipped = Counter(r.reason for r in rows if isinstance(r, Skipped))
    return export, sets, skipped


def test_strong_comma_with_bom_crlf_set_types_rpe_notes_and_repeated_rows():
    export, sets, skipped = read("strong_comma.csv")
    assert (export.format, export.dialect, export.unit) == ("strong", "comma", None)
    assert (FIXTURES / "strong_comma.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert b"\r\n" in (FIXTURES / "strong_comma.csv").read_bytes()
    bench = [s for s in sets if s.exercise == "Bench Press (Barbell)"]
    assert [(s.set_type, s.weight, s.reps) for s in bench] == [
        ("warmup", 95, 10), (None, 135, 8), (None, 135, 8), (None, 135, 8), ("failure", 135, 5), (None, 225, 3)]
    assert [s.set_type for s in sets if s.exercise == "Overhead Press (Barbell)"] == [None, "drop"]
    assert bench[1].rpe == Decimal("7") and sets[5].rpe == Decimal("6.5") and bench[4].rpe == Decimal("9.5")
    assert bench[0].workout_notes == "Felt strong\nslept well"
    assert bench[0].duration_seconds == 98 * 60
    assert bench[0].started_at == datetime(2026, 4, 8, 16, 50)
    assert sets[-1].duration_seconds == 17 * 60
    assert skipped == {"cardio or distance (no reps)": 1, "timed set (no reps)": 1}


def test_strong_comma_without_notes_columns():
    export, sets, _ = read("strong_comma_no_notes.csv")
    assert export.dialect == "comma, without notes"
    assert [(s.exercise, s.weight, s.reps) for s in sets] == [
        ("Deadlift (Barbell)", Decimal("100"), 5), ("Deadlift (Barbell)", Decimal("102.5"), 5), ("Pull Up", 0, 10)]
    assert sets[0].duration_seconds == 55


def test_strong_semicolon_unit_per_row():
    export, sets, skipped = read("strong_semicolon.csv")
    assert (export.format, export.dialect) == ("strong", "semicolon, unit per row")
    assert [(s.exercise, s.weight, s.unit) for s in sets] == [
        ("Deadlift (Barbell)", 20, "kg"), ("Deadlift (Barbell)", 20, "kg"), ("Deadlift (Barbell)", 20, "kg"),
        ("Leg Press", 200, "lb")]
    assert sets[0].duration_seconds == 50 * 60
    assert skipped == {"cardio or distance (no reps)": 1}


def test_strong_workout_number_dialect_rest_timer_and_note_rows():
    export, sets, skipped = read("strong_workout_number.csv")
    assert (export.format, export.dialect, export.unit) == ("strong", "semicolon, Workout # (2024+)", "kg")
    first = [s for s in sets if s.started_at == datetime(2026, 4, 8, 16, 50)]
    assert [(s.set_type, s.weight, s.reps, s.rest_seconds) for s in first] == [
        ("warmup", 40, 10, 90), (None, 80, 5, 180), ("drop", 60, 8, None), ("failure", 60, 4, None)]
    assert first[1].notes == "pause at the chest"
    assert first[0].duration_seconds == 5880
    assert skipped == {"rest timer row (its rest is kept on the set before)": 2,
                       "note row (its note is kept on the set before)": 1, "cardio or distance (no reps)": 1}
    assert sets[-1].weight == Decimal("82.5")


def test_strong_german_headers():
    export, sets, _ = read("strong_german.csv")
    assert export.format == "strong" and export.dialect.endswith("German headers")
    assert [(s.exercise, s.weight, s.unit, s.reps, s.rpe, s.set_type) for s in sets] == [
        ("Bankdrücken (Langhantel)", 60, "kg", 8, Decimal("7.5"), None),
        ("Bankdrücken (Langhantel)", 60, "kg", 8, Decimal("8"), None),
        ("Kniebeuge (Langhantel)", 40, "kg", 10, None, "warmup")]
    assert sets[0].duration_seconds == 65 * 60


def test_hevy_kg_set_types_rpe_duration_and_skipped_cardio():
    export, sets, skipped = read("hevy_kg.csv")
    assert (export.format, export.unit) == ("hevy", "kg")
    assert [(s.set_type, s.weight, s.reps, s.rpe) for s in sets] == [
        ("warmup", 40, 10, None), (None, 80, 5, Decimal("6.5")), (None, 80, 5, Decimal("6.5")),
        ("drop", 60, 8, None), ("failure", 55, 12, Decimal("9"))]
    assert sets[0].started_at == datetime(2026, 4, 8, 16, 50)
    assert sets[0].duration_seconds == 98 * 60
    assert sets[0].notes == "elbows in" and sets[0].workout_notes == "Good session"
    assert [s.notes for s in sets[1:4]] == [None, None, None]  # the exercise's note once, not per set
    assert skipped == {"timed set (no reps)": 1, "cardio or distance (no reps)": 1}


def test_hevy_lbs_warm_up_and_failure_tags():
    export, sets, _ = read("hevy_lbs.csv")
    assert export.unit == "lb"
    assert [s.set_type for s in sets] == ["warmup", None, "failure", None]
    assert sets[0].started_at == datetime(2026, 4, 10, 7, 0)


def test_fitnotes_unit_in_header_and_cardio_category():
    export, sets, skipped = read("fitnotes_kgs.csv")
    assert (export.format, export.unit) == ("fitnotes", "kg")
    assert [(s.started_at.date().isoformat(), s.exercise, s.weight, s.reps) for s in sets] == [
        ("2026-04-08", "Flat Barbell Bench Press", Decimal("80.0"), 5),
        ("2026-04-08", "Flat Barbell Bench Press", Decimal("80.0"), 5),
        ("2026-04-08", "Flat Barbell Bench Press", Decimal("82.5"), 3),
        ("2026-04-09", "Barbell Squat", Decimal("100.0"), 5)]
    assert sets[2].notes == "last one slow"
    assert skipped == {"cardio or distance (no reps)": 1}


def test_fitnotes_weight_unit_column():
    export, sets, _ = read("fitnotes_unit_column.csv")
    assert export.dialect == "weight unit column" and export.unit is None
    assert [(s.weight, s.unit, s.reps) for s in sets] == [(315, "lb", 5), (0, "lb", 10)]


def test_stronglifts_wide_pairs_and_empty_pairs():
    export, sets, _ = read("stronglifts.csv")
    assert (export.format, export.unit) == ("stronglifts", "kg")
    per = Counter((s.workout_name, s.exercise) for s in sets)
    assert per == {("Workout A", "Squat"): 5, ("Workout A", "Bench Press"): 5,
                   ("Workout A", "Barbell Row"): 3, ("Workout B", "Deadlift"): 1}
    assert [s.reps for s in sets if s.exercise == "Bench Press"] == [5, 5, 5, 4, 3]
    assert sets[0].duration_seconds == 45 * 60


def test_unitless_file_guesses_pounds_from_the_numbers():
    _, sets, _ = read("strong_unitless_pounds.csv")
    unit, shown = guess_unit(Counter(s.weight for s in sets))
    assert unit == "lb" and shown == [135, 225, 315]
    _, sets, _ = read("strong_comma_no_notes.csv")
    assert guess_unit(Counter(s.weight for s in sets))[0] == "kg"


@pytest.mark.parametrize("text,seconds", [
    ("1h 38m", 5880), ("17m", 1020), ("55s", 55), ("3600", 3600), ("1:02:03", 3723), ("", None), ("soon", None)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text,expected", [
    ("2026-04-08 16:50:00", datetime(2026, 4, 8, 16, 50)), ("8 Apr 2026, 16:50", datetime(2026, 4, 8, 16, 50)),
    ("2026-04-08T16:50:00Z", datetime(2026, 4, 8, 16, 50)), ("2026/04/08", datetime(2026, 4, 8)),
    ("yesterday", None)])
def test_dates(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("name,message", [
    ("unknown_columns.csv", "not those of a Strong, Hevy, FitNotes or StrongLifts export"),
    ("half_cut.csv", "looks cut off"),
    ("image.png", "not a CSV file"),
])
def test_bad_files_are_refused_with_a_message(name, message):
    with pytest.raises(ExportFileError, match=message):
        read("%s" % name)


def test_too_large_empty_binary_and_short_rows_are_refused():
    header = b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    with pytest.raises(ExportFileError, match="larger than"):
        read_export(io.BytesIO(header + b"x" * (MAX_BYTES + 1)))
    with pytest.raises(ExportFileError, match="empty"):
        read_export(io.BytesIO(b""))
    with pytest.raises(ExportFileError, match="not a CSV"):
        read_export(io.BytesIO(b"Date,\x00\x01\x02"))
    with pytest.raises(ExportFileError, match="not UTF-8"):
        read_export(io.BytesIO(b"Date,Exercise\n\xff\xfe\xfa garbage " * 10))
    export = read_export(io.BytesIO(header + b"2026-04-08 16:50:00,A,1h,Squat,1,100\n"))
    with pytest.raises(ExportFileError, match="cut off"):
        list(export.rows)


def test_strong_workout_number_in_pounds_and_stronglifts_in_lb():
    strong = ('"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (lbs)";'
              '"Reps";"Distance (meters)";"Seconds";"Notes";"Workout Notes";"RPE"\n'
              '"3";"2026-04-08 16:50:00";"Push";"3600";"Bench Press (Barbell)";"1";"225";"5";"";"";"";"";"8.5"\n')
    export = read_export(io.BytesIO(strong.encode()))
    (row,) = list(export.rows)
    assert (export.dialect, export.unit, row.weight, row.rpe, row.duration_seconds) == (
        "semicolon, Workout # (2024+)", "lb", 225, Decimal("8.5"), 3600)
    lifts = ("Date,Workout,Exercise,Set 1 (Reps),Set 1 (LB),Set 2 (Reps),Set 2 (LB)\n"
             "2026-04-08,A,Squat,5,135,3,185\n")
    export = read_export(io.BytesIO(lifts.encode()))
    assert export.unit == "lb" and [(s.weight, s.reps) for s in export.rows] == [(135, 5), (185, 3)]


def test_a_header_without_rows_and_rows_that_are_all_skipped_are_refused():
    from sessions.transfer.services import parse_text
    header = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    with pytest.raises(ExportFileError, match="no sets to import"):
        parse_text(header)
    with pytest.raises(ExportFileError, match=r"no sets to import \(skipped: 1 cardio or distance \(no reps\)\)"):
        parse_text(header + "2026-04-08 16:50:00,A,30m,Running,1,0,0,5,1800,,,\n")
