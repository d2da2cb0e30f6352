"""Catalogue writes (exercises and the equipment they need) and the equipment a
user owns."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from equipment.models import Equipment, Exercise, ExerciseEquipment, ReviewStatus, UserEquipment


def user_equipment_set(*, user, equipment: Equipment, owned: bool) -> None:
    """Say whether the user owns a piece of equipment. Idempotent: setting the state it
    already has changes nothing. Removing soft-deletes the row; adding it back revives
    that same row rather than creating another."""
    if owned:
        UserEquipment.objects.bulk_create(
            [UserEquipment(user=user, equipment=equipment, deleted_at=None)],
            update_conflicts=True,
            unique_fields=["user", "equipment"],
            update_fields=["deleted_at"],
        )
    else:
        UserEquipment.objects.filter(user=user, equipment=equipment, deleted_at__isnull=True).update(
            deleted_at=timezone.now()
        )


def exercise_save(*, exercise: Exercise, equipment: list[Equipment]) -> Exercise:
    """Save a catalogue exercise and exactly the equipment it needs (Bodyweight when
    it needs none). Validates first: one or more primary muscle groups, a name unique
    whatever its case."""
    if not equipment:
        raise ValidationError({"equipment": "Choose the equipment it needs (Bodyweight if none)."})
    exercise.full_clean()
    with transaction.atomic():
        exercise.save()
        wanted = {e.pk for e in equipment}
        ExerciseEquipment.objects.filter(exercise=exercise).exclude(equipment__in=wanted).delete()
        ExerciseEquipment.objects.bulk_create(
            [ExerciseEquipment(exercise=exercise, equipment_id=pk) for pk in wanted],
            ignore_conflicts=True,
        )
    return exercise


def exercise_add_by_user(*, user, name: str, primary_muscle_groups: list[str],
                         equipment: list[Equipment]) -> Exercise:
    """An exercise the catalogue lacked, added by a user: in the catalogue at once for
    everyone, marked as theirs and not yet reviewed by an admin."""
    exercise = Exercise(name=" ".join((name or "").split()), primary_muscle_groups=list(primary_muscle_groups),
                        secondary_muscle_groups=[], added_by=user, review_status=ReviewStatus.PENDING)
    try:
        with transaction.atomic():
            return exercise_save(exercise=exercise, equipment=equipment)
    except IntegrityError:
        # Someone added the same name a moment ago (the unique constraint caught it).
        raise ValidationError({"name": "An exercise with this name already exists."})


def exercise_approve(*, exercises) -> int:
    """Mark user-added exercises as reviewed. Returns how many changed."""
    return Exercise.objects.filter(pk__in=[e.pk for e in exercises], review_status=ReviewStatus.PENDING).update(
        review_status=ReviewStatus.APPROVED, updated_at=timezone.now())


# Tables as users see them, for the admin's "where is it used" message.
USAGE_NAMES = {"workout_exercise": "plan exercises", "exercise_session": "logged sets",
               "personal_record": "personal records"}


def exercise_usage(*, exercise: Exercise) -> dict[str, int]:
    """How many of every user's rows point at this exercise, by table (only tables with
    any). Reads through the users one by one under their own row-level security (the
    SQL function exercise_usage, migration 0005)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl, uses FROM exercise_usage(%s)", [exercise.pk])
        return {USAGE_NAMES.get(tbl, tbl): uses for tbl, uses in cursor.fetchall()}


def exercise_merge(*, loser: Exercise, survivor: Exercise) -> list:
    """Fold `loser` into `survivor`: every user's plans, sets and other rows that name it
    move to the survivor, the loser's records are dropped and the loser deleted, all in
    one transaction (the SQL function exercise_merge, migration 0005). Returns the ids
    of the users whose rows moved, whose survivor records the caller recomputes."""
    if loser.pk == survivor.pk:
        raise ValidationError("Choose another exercise to merge into.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT * FROM exercise_merge(%s, %s)", [loser.pk, survivor.pk])
        return [row[0] for row in cursor.fetchall()]
