"""Catalogue writes (exercises and the equipment they need) and the equipment a
user owns."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from equipment.models import Equipment, Exercise, ExerciseEquipment, UserEquipment


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
