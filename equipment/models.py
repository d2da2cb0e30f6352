"""The exercise catalogue (equipment, exercises, which equipment an exercise needs)
and the equipment each user owns."""

import uuid

from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from allworkouts.db import CurrentTimestamp, EmptyArray, EnumArrayField, EnumField

class MuscleGroup(models.TextChoices):
    CHEST = "chest"
    BACK = "back"
    SHOULDERS = "shoulders"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"
    LEGS = "legs"
    GLUTES = "glutes"
    CORE = "core"
    TRAPS = "traps"
    LATS = "lats"


def muscle_group_field(**kwargs) -> EnumArrayField:
    return EnumArrayField(
        EnumField(enum_type="muscle_group_enum", choices=MuscleGroup.choices), **kwargs
    )


def validate_unique_name_ci(obj: models.Model, message: str) -> None:
    """Catalogue names are unique whatever their case ('Bench Press' vs 'bench press');
    the schema's unique constraint only catches the exact spelling."""
    name = (obj.name or "").strip()
    obj.name = name
    clash = type(obj).objects.filter(name__iexact=name).exclude(pk=obj.pk)
    if name and clash.exists():
        raise ValidationError({"name": message})


class Equipment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    name = models.CharField(max_length=255)
    description = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)

    class Meta:
        db_table = "equipment"
        ordering = ["name"]
        verbose_name_plural = "equipment"
        constraints = [
            models.UniqueConstraint(fields=["name"], name="equipment_name_key"),
        ]
        indexes = [models.Index(fields=["name"], name="idx_equipment_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        validate_unique_name_ci(self, "Equipment with this name already exists.")


# Bounds of an exercise's defaults: they pre-fill users' plans and sets, so a negative
# or absurd value (a default weight of -10, a rest of -60) would break them.
MAX_DEFAULT_WEIGHT = 1000  # kg
MAX_DEFAULT_REPS = 1000
MAX_DEFAULT_REST_SECONDS = 3600


class ReviewStatus(models.TextChoices):
    """Where a user-added exercise stands with the admins (catalogue rows have none)."""
    PENDING = "pending", "Not yet reviewed"
    APPROVED = "approved", "Approved"


class Exercise(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, db_default=RandomUUID(), editable=False)
    name = models.CharField(max_length=255)
    primary_muscle_groups = muscle_group_field()
    secondary_muscle_groups = muscle_group_field(null=True, blank=True, default=list, db_default=EmptyArray())
    default_weight = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_DEFAULT_WEIGHT)])
    default_reps = models.IntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_DEFAULT_REPS)])
    default_rest_time_seconds = models.IntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(MAX_DEFAULT_REST_SECONDS)])
    description = models.TextField(null=True, blank=True)
    # Extension columns (nullable, additive): an exercise a user added from the import
    # review or a search with no result. It is in the catalogue at once for everyone;
    # admins review it (approve, edit or merge it into an existing exercise).
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", db_index=False)
    review_status = models.CharField(max_length=10, choices=ReviewStatus.choices, null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_default=CurrentTimestamp())

    equipment = models.ManyToManyField(Equipment, through="ExerciseEquipment", related_name="exercises")

    class Meta:
        db_table = "exercise"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="exercise_name_key"),
        ]
        indexes = [
            models.Index(fields=["name"], name="idx_exercise_name"),
            GinIndex(fields=["primary_muscle_groups"], name="idx_exercise_primary_muscle_groups"),
            GinIndex(fields=["secondary_muscle_groups"], name="idx_exercise_secondary_muscle_groups"),
            models.Index(fields=["review_status"], name="idx_exercise_review_pending",
                         condition=models.Q(review_status="pending")),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not self.primary_muscle_groups:
            raise ValidationError({"primary_muscle_groups": "Choose at least one primary muscle group."})
        validate_unique_name_ci(self, "An exercise with this name already exists.")


class ExerciseEquipment(models.Model):
    pk = models.CompositePrimaryKey("exercise_id", "equipment_id")
    # Deleting a catalogue exercise takes its equipment links with it (done by Django;
    # the database constraint has no cascade, as the schema says).
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, db_index=False)
    equipment = models.ForeignKey(Equipment, on_delete=models.PROTECT, db_index=False)

    class Meta:
        db_table = "exercise_equipment"
        indexes = [models.Index(fields=["equipment"], name="idx_exercise_equipment_equipment_id")]


class UserEquipment(models.Model):
    """Equipment a user owns. Removing it sets deleted_at; adding it back clears it."""

    pk = models.CompositePrimaryKey("user_id", "equipment_id")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, db_index=False)
    equipment = models.ForeignKey(Equipment, on_delete=models.PROTECT, db_index=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=CurrentTimestamp(), editable=False)

    class Meta:
        db_table = "user_equipment"
        indexes = [
            models.Index(
                fields=["user"], name="idx_user_equipment_user_id",
                condition=models.Q(deleted_at__isnull=True),
            ),
            models.Index(fields=["equipment"], name="idx_user_equipment_equipment_id"),
        ]
