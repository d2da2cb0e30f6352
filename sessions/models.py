"""Workout sessions and the sets logged in them (one exercise_session row per set)."""

import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.db import models

from allworkouts.db import CurrentTimestamp, EnumField
from equipment.models import Exercise
from plans.models import WorkoutPlan


class SessionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    ABANDONED = "abandoned", "Abandoned"


class WorkoutSession(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    workout_plan = models.ForeignKey(WorkoutPlan, on_delete=models.PROTECT, db_index=False)
    status = EnumField(
        enum_type="session_status_enum", choices=SessionStatus.choices,
        default=SessionStatus.IN_PROGRESS, db_default=SessionStatus.IN_PROGRESS.value,
    )
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Extension column (nullable, additive): exercises swapped during this session,
    # {workout_exercise id: substitute exercise id}. The plan itself stays unchanged.
    substitutions = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    class Meta:
        db_table = "workout_session"
        indexes = [
            models.Index(fields=["user"], name="idx_workout_session_user_id",
                         condition=models.Q(deleted_at__isnull=True)),
            models.Index(fields=["user", "status", "-created_at"],
                         name="idx_workout_session_user_status_created",
                         condition=models.Q(deleted_at__isnull=True)),
            models.Index(fields=["user", "-created_at"], name="idx_workout_session_user_created",
                         condition=models.Q(deleted_at__isnull=True)),
            models.Index(fields=["workout_plan"], name="idx_workout_session_workout_plan_id"),
        ]


class ExerciseSession(models.Model):
    """One logged set. Its id is generated when the set's form is rendered, so a
    repeated submission of the same form finds the row instead of adding another."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    workout_session = models.ForeignKey(WorkoutSession, on_delete=models.PROTECT, db_index=False,
                                        related_name="sets")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, db_index=False)
    weight = models.DecimalField(max_digits=10, decimal_places=2)
    reps = models.IntegerField()
    rest_time_seconds = models.IntegerField(null=True, blank=True)
    set_number = models.IntegerField()
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    class Meta:
        db_table = "exercise_session"
        indexes = [
            models.Index(fields=["workout_session"], name="idx_exercise_session_workout_session_id"),
            models.Index(fields=["exercise"], name="idx_exercise_session_exercise_id"),
            models.Index(fields=["workout_session", "exercise"], name="idx_exercise_session_user_exercise"),
        ]
