"""Plan reads: the user's plans, one plan with its exercises (and its supersets as
blocks), the catalogue for the parser (cached per process)."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection
from django.db.models import Count, Prefetch, QuerySet

from equipment.models import Exercise, MuscleGroup
from equipment.selectors import exercises_available_to, search_exercises
from plans.models import WorkoutExercise, WorkoutPlan
from plans.parser import CatalogEntry


_catalog: dict = {"version": None, "entries": ()}


def catalog_version() -> str:
    """A fingerprint of the catalogue's ids and names, made by PostgreSQL: one small
    query whose answer changes with any exercise added, renamed, merged or deleted,
    however it was written (admin, a user's new exercise, the merge's SQL function,
    another process)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), md5(coalesce(string_agg(id::text || ':' || name, ',' ORDER BY id), '')) "
                       f"FROM {connection.ops.quote_name(Exercise._meta.db_table)}")
        count, digest = cursor.fetchone()
    return f"{count}:{digest}"


def catalog_entries() -> tuple[CatalogEntry, ...]:
    """The catalogue as the parser wants it, kept per process: each call asks the
    database only for the catalogue's fingerprint (`catalog_version`), and reads the
    names again when it changed. A cache emptied by signals would miss the other
    gunicorn workers and SQL-side changes (merge), so the version is the database's.
    The same tuple comes back while nothing changes, so the matcher built for it
    (plans.matching.matcher_for, cached per catalogue) is found at once. One query, two
    after a change."""
    version = catalog_version()
    if _catalog["version"] != version:
        entries = tuple(CatalogEntry(id=str(pk), name=name)
                        for pk, name in Exercise.objects.order_by("name").values_list("pk", "name"))
        _catalog.update(version=version, entries=entries)
    return _catalog["entries"]


@dataclass
class PlanBlock:
    """One exercise of a plan, or the exercises of one superset, side by side."""
    label: str | None
    items: list[WorkoutExercise]


def plan_blocks(items: list) -> list[PlanBlock]:
    """A plan's exercises (in order) as blocks: neighbours sharing a superset label make
    one block, each exercise tagged as people write it (`superset_tag` "A1", "A2"), and
    `superset_with_next` says whether the next exercise is in the same superset. The
    service keeps labels side by side (plans.services.superset_labels)."""
    blocks: list[PlanBlock] = []
    for item in items:
        label = item.superset or None
        if label and blocks and blocks[-1].label == label:
            blocks[-1].items.append(item)
        else:
            blocks.append(PlanBlock(label=label, items=[item]))
    for block in blocks:
        for n, item in enumerate(block.items, start=1):
            item.superset_tag = f"{block.label}{n}" if block.label else ""
            item.superset_with_next = bool(block.label) and n < len(block.items)
            item.is_last = False
    if items:
        items[-1].is_last = True
    return blocks


def tag_plan_exercise(item: WorkoutExercise) -> WorkoutExercise:
    """One plan exercise with the superset tags `plan_blocks` gives (for the editor's
    partial of one exercise): its plan's labels in order, one query."""
    rows = [SimpleNamespace(pk=pk, superset=label) for pk, label in
            item.workout_plan.exercises.order_by("sequence").values_list("pk", "superset")]
    plan_blocks(rows)
    for row in rows:
        if row.pk == item.pk:
            item.superset = row.superset
            item.superset_tag, item.superset_with_next, item.is_last = (
                row.superset_tag, row.superset_with_next, row.is_last)
    return item


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
