"""Plan reads: the user's plans, one plan with its exercises, the catalogue for the parser."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from equipment.models import Exercise, MuscleGroup
from equipment.selectors import exercises_available_to, search_exercises
from plans.models import WorkoutExercise, WorkoutPlan
from plans.parser import CatalogEntry


def catalog_entries() -> tuple[CatalogEntry, ...]:
    """The catalogue as the parser wants it. One query."""
    return tuple(CatalogEntry(id=str(pk), name=name)
                 for pk, name in Exercise.objects.order_by("name").values_list("pk", "name"))


def plans_for_user(*, user) -> QuerySet[WorkoutPlan]:
    """The user's plans, newest first, with their exercise count; deleted plans and those
    behind an unsaved empty workout or imported history (workout_plan.kind) hidden."""
    return (WorkoutPlan.objects.filter(user=user, deleted_at__isnull=True, kind__isnull=True)
            .annotate(exercise_count=Count("exercises")).order_by("-created_at", "name"))


def plan_for_user(*, user, plan_id) -> WorkoutPlan:
    """One live plan of the user, with its exercises, their catalogue rows and equipment
    (three queries). Raises WorkoutPlan.DoesNotExist, also for other users' plans."""
    exercises = WorkoutExercise.objects.select_related("exercise").prefetch_related("exercise__equipment")
    return (WorkoutPlan.objects.filter(user=user, deleted_at__isnull=True)
            .prefetch_related(Prefetch("exercises", queryset=exercises)).get(pk=plan_id))


def plan_header_for_user(*, user, plan_id) -> WorkoutPlan:
    """One live plan of the user, without its exercises (one query)."""
    return WorkoutPlan.objects.filter(user=user, deleted_at__isnull=True).get(pk=plan_id)


def plan_exercise_for_user(*, user, plan_id, plan_exercise_id) -> WorkoutExercise:
    return (WorkoutExercise.objects.select_related("exercise", "workout_plan")
            .get(pk=plan_exercise_id, workout_plan_id=plan_id, workout_plan__user=user,
                 workout_plan__deleted_at__isnull=True))


def muscle_groups_trained(plan: WorkoutPlan) -> list[str]:
    """Labels of the primary muscle groups a plan's exercises train, most frequent first."""
    counts: dict[str, int] = {}
    for item in plan.exercises.all():
        for group in item.exercise.primary_muscle_groups:
            counts[group] = counts.get(group, 0) + 1
    labels = dict(MuscleGroup.choices)
    return [labels.get(g, g) for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def exercise_search(*, user, q: str = "", muscle: str = "", owned_only: bool = False,
                    limit: int = 20) -> list[Exercise]:
    """Catalogue search for building a plan by hand: the app's one matcher ranks what was
    typed (typos, abbreviations, other languages); with nothing typed, by name. At most
    three queries."""
    exercises = exercises_available_to(user=user) if owned_only else Exercise.objects.all()
    if muscle:
        exercises = exercises.filter(primary_muscle_groups__contains=[muscle])
    if q:
        return search_exercises(query=q, limit=limit, exercises=exercises)
    return list(exercises.order_by("name").prefetch_related("equipment")[:limit])
