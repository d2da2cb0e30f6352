"""Catalogue reads: the equipment a user owns, and substitutes for an exercise."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from equipment.catalog import BODYWEIGHT
from equipment.models import Equipment, Exercise, ExerciseEquipment, UserEquipment


@dataclass(frozen=True)
class EquipmentChoice:
    equipment: Equipment
    owned: bool


def equipment_choices_for_user(*, user) -> list[EquipmentChoice]:
    """Every piece of equipment but Bodyweight (always available), with whether the
    user owns it. One query."""
    owned = UserEquipment.objects.filter(user=user, equipment=OuterRef("pk"), deleted_at__isnull=True)
    rows = Equipment.objects.exclude(name=BODYWEIGHT).annotate(owned=Exists(owned)).order_by("name")
    return [EquipmentChoice(equipment=e, owned=e.owned) for e in rows]


def equipment_choice(*, user, equipment_id) -> EquipmentChoice:
    equipment = Equipment.objects.exclude(name=BODYWEIGHT).get(pk=equipment_id)
    owned = UserEquipment.objects.filter(user=user, equipment=equipment, deleted_at__isnull=True).exists()
    return EquipmentChoice(equipment=equipment, owned=owned)


def exercises_available_to(*, user) -> QuerySet[Exercise]:
    """Exercises whose every piece of equipment the user owns (Bodyweight counts as owned)."""
    missing = ExerciseEquipment.objects.filter(exercise=OuterRef("pk")).exclude(
        Q(equipment__name=BODYWEIGHT)
        | Q(equipment__in=UserEquipment.objects.filter(user=user, deleted_at__isnull=True).values("equipment"))
    )
    return Exercise.objects.filter(~Exists(missing))


def exercises_with_muscle_groups(*, muscle_groups: list[str]) -> QuerySet[Exercise]:
    """Exercises training all the given primary muscle groups (array containment, which
    PostgreSQL answers from the GIN index idx_exercise_primary_muscle_groups)."""
    return Exercise.objects.filter(primary_muscle_groups__contains=muscle_groups)
