"""Plan reads: the user's plans, one plan with its exercises, the catalogue for the parser."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from equipment.models import Exercise
from plans.models import WorkoutExercise, WorkoutPlan
from plans.parser import CatalogEntry


def catalog_entries() -> tuple[CatalogEntry, ...]:
    """The catalogue as the parser wants it. One query."""
    return tuple(CatalogEntry(id=str(pk), name=name)
                 for pk, name in Exercise.objects.order_by("name").values_list("pk", "name"))
