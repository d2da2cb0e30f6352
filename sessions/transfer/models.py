"""Tables of history import (extension tables, each user-owned and under RLS).

- history_import: one upload, from preview to done (or undone); keeps the file's text
  until it has been imported, the exercise mapping chosen, the summary shown, and the
  background task in charge with its heartbeat (a killed worker is noticed).
- history_import_workout: each workout session an import added, with its fingerprint
  (start time + content), so a re-import adds nothing twice and undo removes exactly it.
- exercise_name_mapping: the catalogue exercise a user chose for a name in a file
  ("Bench Press (Barbell)"), remembered for the next import.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.db import models

from allworkouts.db import CurrentTimestamp
from equipment.models import Exercise


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", "Waiting for confirmation"
    RUNNING = "running", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"
    UNDONE = "undone", "Undone"


class HistoryImport(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    filename = models.CharField(max_length=255)
    format = models.CharField(max_length=20)
    dialect = models.CharField(max_length=80, null=True, blank=True)
    unit = models.CharField(max_length=2, null=True, blank=True)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW)
    source = models.TextField(null=True, blank=True)  # the file, until it has been imported
    mappings = models.JSONField(default=dict, blank=True)  # name in file -> exercise id | None
    summary = models.JSONField(null=True, blank=True)  # the documented --json shape
    created_plans = models.JSONField(default=list, blank=True)  # plan ids this import made
    progress = models.IntegerField(default=0)
    total = models.IntegerField(default=0)
    error = models.TextField(null=True, blank=True)
    # The background task now in charge (django-tasks-db's task result id): a worker whose
    # id this is not (an earlier attempt, found dead and retried) writes nothing more.
    task_id = models.UUIDField(null=True, blank=True)
    # Set when the task starts and after every chunk: a running import whose heartbeat is
    # old has lost its worker (killed mid-task), and can be cleaned up and retried.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "history_import"
        indexes = [models.Index(fields=["user", "-created_at"], name="idx_history_import_user_created")]


class HistoryImportWorkout(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    history_import = models.ForeignKey(HistoryImport, on_delete=models.PROTECT, db_index=False,
                                       related_name="workouts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    workout_session = models.OneToOneField("workout_sessions.WorkoutSession", on_delete=models.PROTECT)
    fingerprint = models.CharField(max_length=64)
    started_at = models.DateTimeField()

    class Meta:
        db_table = "history_import_workout"
        indexes = [
            models.Index(fields=["history_import"], name="idx_history_import_workout_imp"),
            models.Index(fields=["user", "fingerprint"], name="idx_history_import_workout_fp"),
        ]


class ExerciseNameMapping(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    name = models.CharField(max_length=255)  # as the file writes it, case-folded
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, db_index=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    class Meta:
        db_table = "exercise_name_mapping"
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="exercise_name_mapping_user_name_key")]
