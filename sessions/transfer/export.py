"""Exports, streamed in bounded memory: a Strong-compatible CSV (semicolon dialect with a
unit on every row, which Hevy's "Import from Strong" reads) and "all my data" as JSON.

Both are generators meant for StreamingHttpResponse. The response body is produced
after the request's transaction (and its row-level-security user) has ended, so each
generator opens its own `rls_user` block: the rows are read as the user, like every
other read, through server-side cursors (`iterator()`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from django.utils import timezone

from allworkouts.db import rls_user
from equipment.models import UserEquipment
from equipment.selectors import catalogue_entries
from plans.matching import matcher_for
from plans.models import WorkoutExercise, WorkoutImportLog, WorkoutPlan
from records.models import PersonalRecord
from sessions.models import ExerciseSession, WorkoutSession
from sessions.transfer.models import ExerciseNameMapping, HistoryImport
from sessions.transfer.readers import FORMULA_START, LB
from sessions.transfer.services import user_zone

CHUNK = 2000
USER_FIELDS = ["email", "unit_system", "time_zone", "default_rest_seconds", "bar_weight_kg", "plates_kg",
               "created_at"]
STRONG_HEADER = ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
                 "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes", "Workout Duration"]
SET_ORDER = {"warmup": "W", "drop": "D", "failure": "F"}

# Strong's own names of common lifts; each is written instead of the catalogue name
# when the matcher maps it to that catalogue exercise exactly (score 100).
STRONG_NAMES = [
    "Bench Press (Barbell)", "Bench Press (Dumbbell)", "Incline Bench Press (Barbell)",
    "Incline Bench Press (Dumbbell)", "Squat (Barbell)", "Front Squat (Barbell)", "Deadlift (Barbell)",
    "Romanian Deadlift (Barbell)", "Sumo Deadlift (Barbell)", "Overhead Press (Barbell)",
    "Overhead Press (Dumbbell)", "Bent Over Row (Barbell)", "Bent Over Row (Dumbbell)", "Lat Pulldown (Cable)",
    "Seated Row (Cable)", "Pull Up", "Chin Up", "Push Up", "Dip", "Bicep Curl (Barbell)", "Bicep Curl (Dumbbell)",
    "Hammer Curl (Dumbbell)", "Triceps Pushdown (Cable - Straight Bar)", "Skullcrusher (Barbell)",
    "Lateral Raise (Dumbbell)", "Leg Press", "Leg Extension (Machine)", "Lying Leg Curl (Machine)",
    "Seated Leg Curl (Machine)", "Standing Calf Raise (Machine)", "Hip Thrust (Barbell)", "Lunge (Dumbbell)",
    "Face Pull (Cable)", "Shrug (Barbell)", "Shrug (Dumbbell)", "Chest Fly (Dumbbell)", "Crunch", "Plank",
    "Hanging Leg Raise", "Good Morning (Barbell)", "Power Clean", "Arnold Press (Dumbbell)",
]


@lru_cache(maxsize=4)
def _strong_names_for(catalog) -> dict[str, str]:
    matcher = matcher_for(catalog)
    names: dict[str, str] = {}
    for strong in STRONG_NAMES:
        entry, score, _ = matcher.match(strong)
        if entry is not None and score >= 100:
            names.setdefault(entry.name, strong)
    return names


def strong_name(catalogue_name: str) -> str:
    return _strong_names_for(catalogue_entries()).get(catalogue_name, catalogue_name)


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m" if minutes else f"{seconds}s"


def _text(text: str | None) -> str:
    """A cell of free text: line breaks as Strong writes them (a literal \\n), and a
    formula defused: a plan name, a note, or an exercise another user added to the
    shared catalogue ("=HYPERLINK(...)") could run in the lifter's spreadsheet. It is
    written behind an apostrophe, which spreadsheets show as text and our import takes
    off again (readers.FORMULA_START)."""
    text = (text or "").replace("\n", "\\n")
    # (Text that starts with an apostrophe gets one more, so the import, which takes one
    # off such a cell, gives it back as written.)
    return "'" + text if text.startswith(FORMULA_START) or text.startswith("'") else text


def _csv_line(fields) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerow(fields)
    return buffer.getvalue()


def _sets(user):
    return (ExerciseSession.objects
            .filter(workout_session__user=user, workout_session__deleted_at__isnull=True)
            .order_by("workout_session__created_at", "workout_session_id", "created_at", "set_number", "id"))


def strong_csv(*, user) -> Iterator[str]:
    """The user's completed and abandoned workouts as Strong's semicolon CSV, in the user's unit."""
    unit = "lbs" if user.unit_system == "imperial" else "kg"
    yield _csv_line(STRONG_HEADER)
    with rls_user(user.pk):
        # The body is made after the request (and its time zone) ended: the user's zone
        # again, so times are written as the lifter's wall clock, as the import reads them.
        zone = user_zone(user)
        names = _strong_names_for(catalogue_entries())
        rows = _sets(user).exclude(workout_session__status="in_progress").values_list(
            "workout_session__created_at", "workout_session__updated_at", "workout_session__workout_plan__name",
            "exercise__name", "workout_session_id", "weight", "reps", "set_type", "rpe", "notes",
            "workout_session__notes")
        # Strong numbers an exercise's normal sets 1, 2, 3 in a workout and writes W / D / F
        # for the others; the count restarts with each workout (rows come in order).
        numbered, current = {}, None
        for start, end, plan, exercise, session_id, weight, reps, set_type, rpe, notes, workout_notes in \
                rows.iterator(chunk_size=CHUNK):
            if session_id != current:
                numbered, current = {}, session_id
            if set_type not in SET_ORDER:  # NULL or 'normal' (the model allows both): a numbered set
                numbered[exercise] = numbered.get(exercise, 0) + 1
            shown = weight if unit == "kg" else (Decimal(weight) / LB).quantize(Decimal("0.1"))
            yield _csv_line([
                timezone.localtime(start, zone).strftime("%Y-%m-%d %H:%M:%S"), _text(plan),
                _text(names.get(exercise, exercise)),
                SET_ORDER.get(set_type) or numbered[exercise], f"{shown.normalize():f}", unit, reps,
                f"{rpe.normalize():f}" if rpe is not None else "", "", "", "", _text(notes), _text(workout_notes),
                _duration((end - start).total_seconds()),
            ])


def _json(value) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


def _objects(queryset, fields) -> Iterator[dict]:
    for row in queryset.values(*fields).iterator(chunk_size=CHUNK):
        yield row


def all_data_json(*, user) -> Iterator[str]:
    """Everything the user has, as one JSON object, streamed section by section."""
    with rls_user(user.pk):
        yield "{" + _json("exported_at") + ": " + _json(timezone.now().isoformat())
        # The account and its settings (every setting the profile edits; never the
        # password hash or Django's admin flags).
        yield ', "user": ' + _json({field: getattr(user, field) for field in USER_FIELDS})
        sections = [
            ("equipment", UserEquipment.objects.filter(user=user).order_by("equipment__name"),
             ["equipment__name"]),
            ("plans", WorkoutPlan.objects.filter(user=user).order_by("created_at", "id"),
             [f.attname for f in WorkoutPlan._meta.concrete_fields if f.attname != "user_id"]),
            ("plan_exercises", WorkoutExercise.objects.filter(workout_plan__user=user)
             .order_by("workout_plan_id", "sequence"),
             [f.attname for f in WorkoutExercise._meta.concrete_fields] + ["exercise__name"]),
            ("sessions", WorkoutSession.objects.filter(user=user).order_by("created_at", "id"),
             [f.attname for f in WorkoutSession._meta.concrete_fields if f.attname != "user_id"]),
            ("sets", ExerciseSession.objects.filter(workout_session__user=user)
             .order_by("workout_session_id", "created_at", "set_number", "id"),
             [f.attname for f in ExerciseSession._meta.concrete_fields] + ["exercise__name"]),
            ("records", PersonalRecord.objects.filter(user=user).order_by("exercise__name", "record_type"),
             [f.attname for f in PersonalRecord._meta.concrete_fields if f.attname != "user_id"] + ["exercise__name"]),
            ("import_logs", WorkoutImportLog.objects.filter(user=user).order_by("created_at"),
             [f.attname for f in WorkoutImportLog._meta.concrete_fields if f.attname != "user_id"]),
            ("history_imports", HistoryImport.objects.filter(user=user).order_by("created_at"),
             ["id", "filename", "format", "dialect", "unit", "status", "summary", "created_at", "finished_at",
              "undone_at"]),
            ("exercise_name_mappings", ExerciseNameMapping.objects.filter(user=user).order_by("name"),
             ["name", "exercise__name"]),
        ]
        for name, queryset, fields in sections:
            yield f", {_json(name)}: ["
            for index, row in enumerate(_objects(queryset, fields)):
                yield ("," if index else "") + _json(row)
            yield "]"
        yield "}\n"
