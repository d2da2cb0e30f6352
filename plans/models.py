"""Workout plans, their exercises, and the log of every plan import."""

import re
import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.db import models

from allworkouts.db import CurrentTimestamp, EnumField
from equipment.models import Exercise


class ConfidenceLevel(models.TextChoices):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class PlanKind(models.TextChoices):
    """Plans that are not in the plan list (workout_plan.kind; NULL is a normal plan)."""
    ADHOC = "adhoc", "Empty workout, not saved as a plan"
    IMPORTED = "imported", "Imported history"


class WorkoutPlan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    name = models.CharField(max_length=255)
    description = models.TextField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Extension column: NULL for the plans a user made; 'adhoc' behind an empty workout
    # until it is saved as a plan, 'imported' behind history from another app. Both
    # stay out of the plan list.
    kind = models.CharField(max_length=10, choices=PlanKind.choices, null=True, blank=True)
    # Extension column: the plan an 'adhoc' plan was copied from, when a workout departed
    # from its plan (an exercise added, the order changed): the workout's own copy, whose
    # sessions count as that plan's "last done" and whose changes can be applied back to
    # it. NULL for everything else. SET NULL (in Django; the database constraint is NO
    # ACTION like every foreign key here): plans are only soft-deleted, and the one hard
    # delete, an account's, takes every plan of the user at once, so a fork must never
    # stand in its way; the copy and its sessions need nothing from the source.
    source_plan = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="forks", db_index=False)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    class Meta:
        db_table = "workout_plan"
        indexes = [
            models.Index(fields=["user"], name="idx_workout_plan_user_id",
                         condition=models.Q(deleted_at__isnull=True)),
            models.Index(fields=["user", "-created_at"], name="idx_workout_plan_created_at"),
            models.Index(fields=["user", "name"], name="idx_workout_plan_name",
                         condition=models.Q(deleted_at__isnull=True)),
            # "Last done" of a plan counts its workouts' copies: found from the source.
            models.Index(fields=["source_plan"], name="idx_workout_plan_source_plan_id",
                         condition=models.Q(source_plan__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.name


# A hold or a carry as a plan saves it: one rep a set, its time or distance first in the
# notes ("60s", "40 m, each side").
_TIME_OR_DISTANCE = re.compile(
    r"^\d+(?:[.,]\d+)?\s*(?:s|sec|secs|seconds?|min|mins|minutes?|m|meters?|metres?|yd|yds|yards?|km|mi|miles?)$",
    re.IGNORECASE)


def is_time_or_distance(text: str) -> bool:
    return bool(_TIME_OR_DISTANCE.match(text.strip()))


class WorkoutExercise(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    workout_plan = models.ForeignKey(WorkoutPlan, on_delete=models.PROTECT, db_index=False,
                                     related_name="exercises")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, db_index=False)
    sequence = models.IntegerField()
    sets = models.IntegerField()
    reps_min = models.IntegerField()
    reps_max = models.IntegerField()
    rest_time_seconds = models.IntegerField(null=True, blank=True)
    # Extension column (nullable, additive): what the plan says beyond sets x reps, such
    # as "@ 100kg", "RPE 8" or "superset A1", shown while logging the exercise.
    notes = models.TextField(null=True, blank=True)
    # Extension column: exercises of a plan sharing a label ("A") are a superset, done
    # round by round.
    superset = models.CharField(max_length=20, null=True, blank=True)
    confidence_level = EnumField(
        enum_type="confidence_level_enum", choices=ConfidenceLevel.choices,
        default=ConfidenceLevel.MEDIUM, db_default=ConfidenceLevel.MEDIUM.value,
    )
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    @property
    def held_for(self) -> str:
        """A hold's time or a carry's distance ("60s"), read by it rather than by the one
        rep it is saved as; "" for exercises counted in reps."""
        first = (self.notes or "").split(",", 1)[0]
        return first.strip() if self.reps_min == self.reps_max == 1 and is_time_or_distance(first) else ""

    @property
    def notes_besides_hold(self) -> str:
        """The notes, less the time or distance `held_for` shows."""
        if not self.held_for:
            return self.notes or ""
        return self.notes.split(",", 1)[1].strip() if "," in self.notes else ""

    class Meta:
        db_table = "workout_exercise"
        ordering = ["sequence"]
        constraints = [
            models.UniqueConstraint(fields=["workout_plan", "sequence"],
                                    name="workout_exercise_workout_plan_id_sequence_key"),
        ]
        indexes = [
            models.Index(fields=["workout_plan"], name="idx_workout_exercise_workout_plan_id"),
            models.Index(fields=["exercise"], name="idx_workout_exercise_exercise_id"),
            models.Index(fields=["workout_plan", "sequence"], name="idx_workout_exercise_sequence"),
        ]


class WorkoutImportLog(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    workout_plan = models.ForeignKey(WorkoutPlan, on_delete=models.PROTECT, db_index=False,
                                     null=True, blank=True)
    raw_text = models.TextField()
    parsed_exercises = models.JSONField(null=True, blank=True)
    confidence_scores = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)

    class Meta:
        db_table = "workout_import_log"
        indexes = [
            models.Index(fields=["user"], name="idx_workout_import_log_user_id"),
            models.Index(fields=["workout_plan"], name="idx_workout_import_log_workout_plan_id"),
            models.Index(fields=["user", "-created_at"], name="idx_workout_import_log_created_at"),
        ]
