"""Plan writes: create and edit plans by hand, reorder and substitute exercises, confirm
an import. Every rule of the schema spec's API layer is checked here, with messages a
user can act on; the database constraints are the backstop."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Max, Value, When
from django.utils import timezone

from allworkouts import limits
from equipment.models import Exercise
from equipment.selectors import is_substitute
from plans.models import ConfidenceLevel, WorkoutExercise, WorkoutImportLog, WorkoutPlan

# The limits are written once (allworkouts.limits): plan lines, logged sets and the parser share them.
MAX_SETS, MAX_REPS, MAX_REST_SECONDS = limits.MAX_SETS, limits.MAX_REPS, limits.MAX_REST_SECONDS
NAME_MAX_LENGTH = 255


@dataclass
class ExerciseSpec:
    """One exercise of a plan as the user set it (by hand or in the import review)."""
    exercise: Exercise
    sets: int
    reps_min: int
    reps_max: int
    rest_time_seconds: int | None = None
    notes: str | None = None
    confidence_level: str = ConfidenceLevel.HIGH
    superset: str | None = None  # a label shared by exercises done together ("A")


def validate_prescription(*, sets, reps_min, reps_max, rest_time_seconds) -> dict[str, str]:
    """Field -> message for every broken rule (empty when all is well)."""
    errors = {}
    if sets is None:
        errors["sets"] = "Enter the number of sets."
    elif not 1 <= sets <= MAX_SETS:
        errors["sets"] = f"Sets must be between 1 and {MAX_SETS}."
    if reps_min is None:
        errors["reps_min"] = "Enter the reps."
    elif not 1 <= reps_min <= MAX_REPS:
        errors["reps_min"] = f"Reps must be between 1 and {MAX_REPS}."
    if reps_max is None:
        errors["reps_max"] = "Enter the most reps."
    elif not 1 <= reps_max <= MAX_REPS:
        errors["reps_max"] = f"Reps must be between 1 and {MAX_REPS}."
    if reps_min is not None and reps_max is not None and reps_min > reps_max and "reps_min" not in errors:
        errors["reps_max"] = "The most reps can't be fewer than the least (reps min > reps max)."
    if rest_time_seconds is not None and not 0 <= rest_time_seconds <= MAX_REST_SECONDS:
        errors["rest_time_seconds"] = f"Rest must be between 0 and {MAX_REST_SECONDS // 60} minutes."
    return errors


def _check_prescription(**values) -> None:
    errors = validate_prescription(**values)
    if errors:
        raise ValidationError(errors)


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Give the plan a name."})
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError({"name": f"Keep the name under {NAME_MAX_LENGTH} characters."})
    return name


def plan_create(*, user, name: str, description: str | None = None,
                exercises: list[ExerciseSpec] = (), plan_id: uuid.UUID | None = None) -> WorkoutPlan:
    name = _check_name(name)
    for spec in exercises:
        _check_prescription(sets=spec.sets, reps_min=spec.reps_min, reps_max=spec.reps_max,
                            rest_time_seconds=spec.rest_time_seconds)
    with transaction.atomic():
        plan = WorkoutPlan.objects.create(id=plan_id or uuid.uuid4(), user=user, name=name,
                                          description=(description or "").strip() or None)
        labels = superset_labels([spec.superset for spec in exercises])
        WorkoutExercise.objects.bulk_create([
            WorkoutExercise(workout_plan=plan, exercise=spec.exercise, sequence=sequence, sets=spec.sets,
                            reps_min=spec.reps_min, reps_max=spec.reps_max,
                            rest_time_seconds=spec.rest_time_seconds, notes=spec.notes,
                            confidence_level=spec.confidence_level, superset=label)
            for sequence, (spec, label) in enumerate(zip(exercises, labels), start=1)
        ])
    return plan


def plan_update(*, plan: WorkoutPlan, name: str, description: str | None) -> WorkoutPlan:
    plan.name = _check_name(name)
    plan.description = (description or "").strip() or None
    plan.save(update_fields=["name", "description", "updated_at"])
    return plan


def plan_soft_delete(*, plan: WorkoutPlan) -> None:
    """Hide the plan; its sessions stay in history (they point at it)."""
    plan.deleted_at = timezone.now()
    plan.save(update_fields=["deleted_at", "updated_at"])


def plan_exercise_add(*, plan: WorkoutPlan, exercise: Exercise, sets: int, reps_min: int,
                      reps_max: int, rest_time_seconds: int | None = None) -> WorkoutExercise:
    """Append an exercise. The plan row is locked so two adds cannot take one sequence."""
    _check_prescription(sets=sets, reps_min=reps_min, reps_max=reps_max, rest_time_seconds=rest_time_seconds)
    with transaction.atomic():
        WorkoutPlan.objects.select_for_update().filter(pk=plan.pk).first()
        last = plan.exercises.aggregate(last=Max("sequence"))["last"] or 0
        return WorkoutExercise.objects.create(
            workout_plan=plan, exercise=exercise, sequence=last + 1, sets=sets, reps_min=reps_min,
            reps_max=reps_max, rest_time_seconds=rest_time_seconds, confidence_level=ConfidenceLevel.HIGH)


def plan_exercise_update(*, plan_exercise: WorkoutExercise, sets: int, reps_min: int, reps_max: int,
                         rest_time_seconds: int | None) -> WorkoutExercise:
    _check_prescription(sets=sets, reps_min=reps_min, reps_max=reps_max, rest_time_seconds=rest_time_seconds)
    plan_exercise.sets, plan_exercise.reps_min, plan_exercise.reps_max = sets, reps_min, reps_max
    plan_exercise.rest_time_seconds = rest_time_seconds
    plan_exercise.save(update_fields=["sets", "reps_min", "reps_max", "rest_time_seconds", "updated_at"])
    return plan_exercise


def plan_exercise_remove(*, plan_exercise: WorkoutExercise) -> None:
    """Delete and close the gap, so sequences stay 1..n."""
    plan = plan_exercise.workout_plan
    with transaction.atomic():
        WorkoutPlan.objects.select_for_update().filter(pk=plan.pk).first()
        removed = plan_exercise.sequence
        plan_exercise.delete()
        _shift(plan, after=removed, by=-1)
        # Removing one of a pair leaves a group of one, which is no superset.
        items = list(plan.exercises.order_by("sequence"))
        _save_order(plan, items, [i.superset for i in items])


def _shift(plan: WorkoutPlan, *, after: int, by: int) -> None:
    """Move every exercise after `after` by `by`. The UNIQUE (plan, sequence) constraint
    is checked row by row, so go through negative numbers to never collide."""
    rows = plan.exercises.filter(sequence__gt=after)
    rows.update(sequence=-F("sequence"))
    plan.exercises.filter(sequence__lt=0).update(sequence=-F("sequence") + by)


def plan_exercise_move(*, plan_exercise: WorkoutExercise, direction: str) -> None:
    """Move one place up or down; at an end, do nothing. A superset moves as a block for
    the others: an exercise moving into a superset it is not part of jumps over the whole
    superset, so a move never splits one. Inside its superset an exercise swaps with its
    neighbour; at the superset's edge it steps out of it (and a group of one left behind
    dissolves). At most five queries whatever the plan's size."""
    if direction not in ("up", "down"):
        raise ValidationError("Move up or down.")
    plan = plan_exercise.workout_plan
    with transaction.atomic():
        items = _locked_items(plan)
        index = _index_of(items, plan_exercise)
        step = -1 if direction == "up" else 1
        target = index + step
        if not 0 <= target < len(items):
            return
        mine, theirs = items[index].superset, items[target].superset
        span = 1
        if theirs and theirs != mine:
            while 0 <= target + step * span < len(items) and items[target + step * span].superset == theirs:
                span += 1
        labels = [i.superset for i in items]
        moved, moved_label = items.pop(index), labels.pop(index)
        if theirs != mine and mine:
            moved_label = None  # stepping out of its superset
        at = index + step * span
        items.insert(at, moved)
        labels.insert(at, moved_label)
        _save_order(plan, items, labels)


def plan_exercise_superset_with_next(*, plan_exercise: WorkoutExercise) -> str:
    """Put this exercise and the next one in one superset: the next joins this one's
    superset, or this one joins the next's, or both take a new label; two supersets
    side by side merge. Returns the label. Three queries whatever the plan's size."""
    plan = plan_exercise.workout_plan
    with transaction.atomic():
        items = _locked_items(plan)
        index = _index_of(items, plan_exercise)
        if index + 1 >= len(items):
            raise ValidationError(f"{items[index].exercise.name} is the last exercise: there is no next one "
                                  "to superset it with. Move it up first.")
        labels = [i.superset for i in items]
        mine, theirs = labels[index], labels[index + 1]
        if mine and mine == theirs:
            return mine
        label = mine or theirs or _free_label(labels)
        absorbed = {x for x in (mine, theirs) if x and x != label}
        labels = [label if x in absorbed else x for x in labels]
        labels[index] = labels[index + 1] = label
        _save_order(plan, items, labels)
        return label


def plan_exercise_ungroup(*, plan_exercise: WorkoutExercise) -> None:
    """Take this exercise out of its superset. What is left of the superset stays one
    when it still has two exercises side by side; a group of one dissolves (taking the
    middle one of three out leaves two lone exercises). Not in a superset: nothing."""
    plan = plan_exercise.workout_plan
    with transaction.atomic():
        items = _locked_items(plan)
        index = _index_of(items, plan_exercise)
        labels = [i.superset for i in items]
        labels[index] = None
        _save_order(plan, items, labels)


def superset_labels(labels: list[str | None]) -> list[str | None]:
    """The superset rules, once: labels in plan order -> the labels to store. A superset
    is exercises side by side sharing a label; a label on one exercise alone means
    nothing and is cleared; a label that comes back after other exercises starts a
    superset of its own (a new letter). Blank labels are none; labels are trimmed to the
    column's length."""
    length = WorkoutExercise._meta.get_field("superset").max_length
    clean = [(x or "").strip()[:length] or None for x in labels]
    result: list[str | None] = [None] * len(clean)
    used = {x for x in clean if x}
    taken: set[str] = set()
    start = 0
    while start < len(clean):
        end = start
        while end + 1 < len(clean) and clean[end + 1] == clean[start]:
            end += 1
        label = clean[start]
        if label and end > start:
            if label in taken:
                label = _free_label(used)
                used.add(label)
            taken.add(label)
            result[start:end + 1] = [label] * (end - start + 1)
        start = end + 1
    return result


def _free_label(labels) -> str:
    """The first of A..Z, then AA..ZZ, that no exercise of the plan uses."""
    used = set(labels)
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    for label in [*letters, *(a + b for a in letters for b in letters)]:
        if label not in used:
            return label
    raise ValidationError("This plan has too many supersets.")


def _locked_items(plan: WorkoutPlan) -> list[WorkoutExercise]:
    """The plan's exercises in order, the plan row locked so two edits take turns."""
    WorkoutPlan.objects.select_for_update().filter(pk=plan.pk).first()
    return list(plan.exercises.select_related("exercise").order_by("sequence"))


def _index_of(items: list[WorkoutExercise], plan_exercise: WorkoutExercise) -> int:
    for index, item in enumerate(items):
        if item.pk == plan_exercise.pk:
            return index
    raise WorkoutExercise.DoesNotExist("No such exercise in this plan.")


def _save_order(plan: WorkoutPlan, items: list[WorkoutExercise], labels: list[str | None]) -> None:
    """Store `items` as the plan's order (sequences 1..n) with `labels` after the
    superset rules; only rows that change are written, in at most three statements.
    UNIQUE (plan, sequence) is checked row by row, so moved rows go through negative
    numbers first."""
    labels = superset_labels(labels)
    now = timezone.now()
    moved = {item.pk: n for n, item in enumerate(items, start=1) if item.sequence != n}
    if moved:
        plan.exercises.filter(pk__in=moved).update(
            sequence=Case(*(When(pk=pk, then=Value(-n)) for pk, n in moved.items()), output_field=IntegerField()),
            updated_at=now)
        plan.exercises.filter(sequence__lt=0).update(sequence=-F("sequence"))
    relabelled = []
    for n, (item, label) in enumerate(zip(items, labels), start=1):
        item.sequence = n
        if item.superset != label:
            item.superset, item.updated_at = label, now
            relabelled.append(item)
    if relabelled:
        WorkoutExercise.objects.bulk_update(relabelled, ["superset", "updated_at"])


def plan_exercise_substitute(*, plan_exercise: WorkoutExercise, substitute: Exercise, user) -> WorkoutExercise:
    """Swap the exercise for one of its substitutes, keeping sets, reps and rest."""
    if not is_substitute(exercise=plan_exercise.exercise, candidate=substitute, user=user):
        raise ValidationError(
            f"{substitute.name} isn't a substitute for {plan_exercise.exercise.name}: it must train the "
            "same muscles with equipment you own.")
    plan_exercise.exercise = substitute
    plan_exercise.confidence_level = ConfidenceLevel.HIGH  # the user chose it
    plan_exercise.save(update_fields=["exercise", "confidence_level", "updated_at"])
    return plan_exercise


@dataclass
class ImportedDay:
    name: str
    exercises: list[ExerciseSpec]
    parsed: list[dict]  # the parser's output for the day, as shown in the preview
    scores: list[dict]  # per saved row: line, exercise, confidence shown at confirmation, score


def plan_import_confirm(*, user, token: uuid.UUID, raw_text: str,
                        days: list[ImportedDay]) -> tuple[list[WorkoutPlan], bool]:
    """Create one plan per day and an import log per plan, all or nothing.

    `token` was generated when the preview was shown; plan ids derive from it, so a
    second submission of the same preview (double tap, retry) finds its plans instead of
    making new ones. The ids derive from the token and the user, so another user's
    token (copied, replayed) makes ids of its own and never meets their plans.
    Returns (plans, created)."""
    ids = [uuid.uuid5(token, f"{user.pk}:plan-{index}") for index in range(len(days))]

    def already_imported() -> list[WorkoutPlan]:
        return list(WorkoutPlan.objects.filter(pk__in=ids, user=user).order_by("created_at", "name"))

    existing = already_imported()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            plans = []
            for plan_id, day in zip(ids, days):
                plan = plan_create(user=user, name=day.name, exercises=day.exercises, plan_id=plan_id)
                WorkoutImportLog.objects.create(user=user, workout_plan=plan, raw_text=raw_text,
                                                parsed_exercises=day.parsed, confidence_scores=day.scores)
                plans.append(plan)
    except IntegrityError:
        # A concurrent submission of the same preview won the race: show its plans.
        existing = already_imported()
        if not existing:
            raise
        return existing, False
    return plans, True
