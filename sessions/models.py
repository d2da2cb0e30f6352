"""Workout sessions and the sets logged in them (one exercise_session row per set)."""

import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.db import models

from allworkouts import limits
from allworkouts.db import CurrentTimestamp, EnumField
from equipment.models import Exercise
from plans.models import WorkoutPlan


class SessionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    ABANDONED = "abandoned", "Abandoned"


class SetType(models.TextChoices):
    """What a set was, as lifters mark it (Strong's W / D / F). NULL is a normal set."""
    NORMAL = "normal", "Normal"
    WARMUP = "warmup", "Warm-up"
    DROP = "drop", "Drop set"
    FAILURE = "failure", "Failure"


def validate_rpe(value):
    """RPE 6 to 10 in half steps (6, 6.5, ... 10)."""
    from django.core.exceptions import ValidationError

    if value is not None and not (6 <= value <= 10 and (value * 2) == int(value * 2)):
        raise ValidationError("RPE is 6 to 10 in half steps (like 7.5).", code="rpe")


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
    # Extension column: the lifter's note on the whole workout ("slept badly").
    notes = models.TextField(null=True, blank=True)
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
            # Extra index: the exercise_session policy asks "is this session the current
            # user's?" (ws.user_id = current_user_id(), no deleted_at condition), which the
            # partial indexes above cannot answer; without it the planner scans every
            # user's sessions.
            models.Index(fields=["user", "id"], name="idx_workout_session_user_id_all"),
        ]


class ExerciseSession(models.Model):
    """One logged set. Its id is generated when the set's form is rendered, so a
    repeated submission of the same form finds the row instead of adding another."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    workout_session = models.ForeignKey(WorkoutSession, on_delete=models.PROTECT, db_index=False,
                                        related_name="sets")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, db_index=False)
    # The limits are validators (allworkouts.limits), checked by services.set_log and
    # set_update through full_clean().
    weight = models.DecimalField(max_digits=10, decimal_places=2, validators=limits.SET_WEIGHT,
                                 error_messages={"null": "Enter the weight (0 for bodyweight)."})
    reps = models.IntegerField(validators=limits.SET_REPS, error_messages={"null": "Enter the reps."})
    rest_time_seconds = models.IntegerField(null=True, blank=True, validators=limits.REST_SECONDS)
    set_number = models.IntegerField()
    # Extension columns: the set's type (warm-ups count for nothing in records and
    # volume), its RPE and a note, shown next time as "last time's note".
    set_type = models.CharField(max_length=10, choices=SetType.choices, null=True, blank=True)
    rpe = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True, validators=[validate_rpe])
    notes = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    class Meta:
        db_table = "exercise_session"
        indexes = [
            models.Index(fields=["workout_session"], name="idx_exercise_session_workout_session_id"),
            models.Index(fields=["exercise"], name="idx_exercise_session_exercise_id"),
            models.Index(fields=["workout_session", "exercise"], name="idx_exercise_session_user_exercise"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(set_type__in=SetType.values) | models.Q(set_type__isnull=True),
                                   name="exercise_session_set_type_check"),
            models.CheckConstraint(condition=models.Q(rpe__gte=6, rpe__lte=10) | models.Q(rpe__isnull=True),
                                   name="exercise_session_rpe_check"),
        ]
